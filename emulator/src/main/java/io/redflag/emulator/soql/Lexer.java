package io.redflag.emulator.soql;

import io.redflag.emulator.soql.Token.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a SOQL statement into tokens, keeping each token's row and column for error messages. */
final class Lexer {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final String src;
    private final Errors errors;
    private int pos;
    private int row = 1;
    private int lineStart;

    Lexer(String src, Errors errors) {
        this.src = src;
        this.errors = errors;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                out.add(new Token(Kind.EOF, "", null, row, pos - lineStart + 1));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            if (src.charAt(pos) == '\n') {
                row++;
                lineStart = pos + 1;
            }
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        int col = pos - lineStart + 1;
        char c = src.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && isPathChar(src.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.IDENT, src.substring(start, pos), null, row, col);
        }
        if (c == '\'') {
            return string(col);
        }
        if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < src.length()
                && Character.isDigit(src.charAt(pos + 1)))) {
            return numberOrDate(col);
        }
        pos++;
        return switch (c) {
            case ',' -> new Token(Kind.COMMA, ",", null, row, col);
            case '(' -> new Token(Kind.LPAREN, "(", null, row, col);
            case ')' -> new Token(Kind.RPAREN, ")", null, row, col);
            case ':' -> new Token(Kind.COLON, ":", null, row, col);
            case '=' -> new Token(Kind.OPERATOR, "=", null, row, col);
            case '!' -> twoChar('=', "!=", col);
            case '<' -> {
                if (pos < src.length() && src.charAt(pos) == '>') {
                    pos++;
                    yield new Token(Kind.OPERATOR, "<>", null, row, col);
                }
                yield optionalEquals("<", col);
            }
            case '>' -> optionalEquals(">", col);
            default -> new Token(Kind.OTHER, String.valueOf(c), null, row, col);
        };
    }

    private static boolean isPathChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private Token twoChar(char second, String text, int col) {
        if (pos < src.length() && src.charAt(pos) == second) {
            pos++;
            return new Token(Kind.OPERATOR, text, null, row, col);
        }
        return new Token(Kind.OTHER, text.substring(0, 1), null, row, col);
    }

    private Token optionalEquals(String op, int col) {
        if (pos < src.length() && src.charAt(pos) == '=') {
            pos++;
            return new Token(Kind.OPERATOR, op + "=", null, row, col);
        }
        return new Token(Kind.OPERATOR, op, null, row, col);
    }

    /** A quoted string; backslash escapes as SOQL defines them. \_ and \% stay escaped for LIKE. */
    private Token string(int col) {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\'') {
                return new Token(Kind.STRING, src.substring(start, pos), value.toString(), row, col);
            }
            if (c == '\\') {
                if (pos >= src.length()) {
                    break;
                }
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case '\'', '"', '\\' -> value.append(e);
                    case '_', '%' -> value.append('\\').append(e);
                    default -> throw errors.malformed("Invalid string literal '" + src.substring(start, pos)
                            + "'. Illegal character sequence '\\" + e + "' in string literal.", row, col);
                }
            } else {
                if (c == '\n') {
                    row++;
                    lineStart = pos;
                }
                value.append(c);
            }
        }
        throw errors.malformed("unexpected token: '" + src.substring(start) + "'", row, col);
    }

    private Token numberOrDate(int col) {
        Matcher dt = DATETIME.matcher(src).region(pos, src.length());
        if (dt.lookingAt() && !followedByWord(dt.end())) {
            String text = dt.group();
            pos = dt.end();
            return new Token(Kind.DATETIME, text, parseDateTime(text, col), row, col);
        }
        Matcher d = DATE.matcher(src).region(pos, src.length());
        if (d.lookingAt() && !followedByWord(d.end())) {
            String text = d.group();
            pos = d.end();
            try {
                return new Token(Kind.DATE, text, LocalDate.parse(text), row, col);
            } catch (DateTimeParseException e) {
                throw errors.malformed("line " + row + ":" + (col - 1) + " no viable alternative at character '"
                        + text + "'", row, col);
            }
        }
        Matcher n = NUMBER.matcher(src).region(pos, src.length());
        if (n.lookingAt()) {
            pos = n.end();
            String text = n.group();
            if (followedByWord(pos)) {
                // 2024-01-31T10:00:00 without a zone, or 12abc: one bad token as Salesforce reports it.
                int end = pos;
                while (end < src.length() && !Character.isWhitespace(src.charAt(end)) && src.charAt(end) != ')'
                        && src.charAt(end) != ',') {
                    end++;
                }
                throw errors.malformed("unexpected token: '" + src.substring(n.start(), end) + "'", row, col);
            }
            return new Token(Kind.NUMBER, text, new BigDecimal(text), row, col);
        }
        pos++;
        return new Token(Kind.OTHER, src.substring(pos - 1, pos), null, row, col);
    }

    private boolean followedByWord(int at) {
        return at < src.length() && (Character.isLetterOrDigit(src.charAt(at)) || src.charAt(at) == '_'
                || src.charAt(at) == ':' || src.charAt(at) == '-');
    }

    private Instant parseDateTime(String text, int col) {
        String t = text;
        if (t.matches(".*[+-]\\d{4}$")) {
            t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw errors.malformed("unexpected token: '" + text + "'", row, col);
        }
    }
}
