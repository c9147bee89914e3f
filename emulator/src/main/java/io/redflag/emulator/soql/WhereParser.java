package io.redflag.emulator.soql;

import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.soql.Token.Kind;
import io.redflag.emulator.store.Ids;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a WHERE clause into a {@link Condition}. As in Salesforce, AND and OR may not be mixed at one level
 * without parentheses ("a AND b OR c" fails on OR), and each literal must match the field's type: a
 * date-time field takes date-time literals and a date field date literals (a date given for a date-time
 * field or the reverse is refused with INVALID_FIELD, as Salesforce does); both take relative date literals.
 */
final class WhereParser {
    private final TokenStream ts;
    private final Parser parser;
    private final Errors errors;

    WhereParser(TokenStream ts, Parser parser) {
        this.ts = ts;
        this.parser = parser;
        this.errors = parser.errors();
    }

    Condition parse() {
        return expression();
    }

    private Condition expression() {
        List<Condition> parts = new ArrayList<>();
        parts.add(unary());
        String joiner = null;
        while (ts.peek().isKeyword("AND") || ts.peek().isKeyword("OR")) {
            Token op = ts.next();
            String word = op.text().toUpperCase(Locale.ROOT);
            if (joiner != null && !joiner.equals(word)) {
                throw errors.unexpected(op);
            }
            joiner = word;
            parts.add(unary());
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return "AND".equals(joiner) ? new Condition.And(parts) : new Condition.Or(parts);
    }

    private Condition unary() {
        if (ts.acceptKeyword("NOT")) {
            return new Condition.Not(unary());
        }
        if (ts.accept(Kind.LPAREN)) {
            Condition inner = expression();
            ts.expect(Kind.RPAREN);
            return inner;
        }
        return simple();
    }

    private Condition simple() {
        Token fieldToken = ts.next();
        if (!fieldToken.is(Kind.IDENT)) {
            throw errors.unexpected(fieldToken);
        }
        if (ts.peek().is(Kind.LPAREN)) {
            throw errors.unsupported("The function " + fieldToken.text() + "() in WHERE", fieldToken);
        }
        FieldPath path = parser.resolve(fieldToken);
        if (path.type() == FieldType.ANYTYPE) {
            throw errors.invalidField("field '" + fieldToken.text() + "' can not be filtered in query call",
                    fieldToken);
        }
        Token op = ts.next();
        if (op.is(Kind.OPERATOR)) {
            String o = op.text().equals("<>") ? "!=" : op.text();
            return new Condition.Compare(path, o, value(path, fieldToken, o));
        }
        if (op.isKeyword("LIKE")) {
            Token pattern = ts.next();
            if (!path.type().isText() || path.type() == FieldType.ID || path.type() == FieldType.REFERENCE) {
                throw errors.invalidOperator("invalid operator on field '" + fieldToken.text()
                        + "': LIKE applies to text fields only", op);
            }
            if (!pattern.is(Kind.STRING)) {
                throw typeError(path, fieldToken, pattern);
            }
            return new Condition.Like(path, Condition.Like.compilePattern((String) pattern.value()));
        }
        if (op.isKeyword("IN")) {
            return new Condition.In(path, false, list(path, fieldToken));
        }
        if (op.isKeyword("NOT")) {
            ts.expectKeyword("IN");
            return new Condition.In(path, true, list(path, fieldToken));
        }
        if (op.isKeyword("INCLUDES") || op.isKeyword("EXCLUDES")) {
            throw errors.unsupported(op.text().toUpperCase(Locale.ROOT), op);
        }
        throw errors.unexpected(op);
    }

    private List<Object> list(FieldPath path, Token fieldToken) {
        ts.expect(Kind.LPAREN);
        if (ts.peek().isKeyword("SELECT")) {
            throw errors.unsupported("A semi-join or anti-join subquery", ts.peek());
        }
        List<Object> values = new ArrayList<>();
        do {
            values.add(value(path, fieldToken, "="));
        } while (ts.accept(Kind.COMMA));
        ts.expect(Kind.RPAREN);
        return values;
    }

    /** Reads one literal and converts it to the value type of the field it is compared with. */
    private Object value(FieldPath path, Token fieldToken, String op) {
        Token v = ts.next();
        FieldType type = path.type();
        switch (v.kind()) {
            case IDENT -> {
                String word = v.text().toUpperCase(Locale.ROOT);
                if (word.equals("NULL")) {
                    return null;
                }
                if (word.equals("TRUE") || word.equals("FALSE")) {
                    requireType(type == FieldType.BOOLEAN, path, fieldToken, v);
                    return Boolean.valueOf(word.equals("TRUE"));
                }
                if (DateLiterals.isPlain(word) || DateLiterals.takesN(word)) {
                    requireType(type == FieldType.DATE || type == FieldType.DATETIME, path, fieldToken, v);
                    return new DateLiterals.Range(word, DateLiterals.takesN(word) ? count(v) : 0);
                }
                if (DateLiterals.isUnsupported(word)) {
                    throw errors.unsupported("The date literal " + word, v);
                }
                throw errors.unexpected(v);
            }
            case STRING -> {
                requireType(type.isText(), path, fieldToken, v);
                String text = (String) v.value();
                if (type == FieldType.ID || type == FieldType.REFERENCE) {
                    String id = Ids.normalize(text);
                    if (id != null) {
                        return id;
                    }
                    // Range operators on ids compare ordinally, so any text is a usable bound there.
                    if (op.equals("=") || op.equals("!=")) {
                        throw errors.invalidOperator("invalid ID field: " + text, v);
                    }
                }
                return text;
            }
            case NUMBER -> {
                requireType(type.isNumber(), path, fieldToken, v);
                return ((BigDecimal) v.value()).doubleValue();
            }
            case DATE -> {
                requireType(type == FieldType.DATE, path, fieldToken, v);
                return v.value();
            }
            case DATETIME -> {
                requireType(type == FieldType.DATETIME, path, fieldToken, v);
                return v.value();
            }
            default -> throw errors.unexpected(v);
        }
    }

    /** The n of LAST_N_DAYS:n. */
    private int count(Token literal) {
        ts.expect(Kind.COLON);
        Token n = ts.next();
        if (!n.is(Kind.NUMBER) || n.text().contains(".") || n.text().startsWith("-") || n.text().startsWith("+")) {
            throw errors.unexpected(n);
        }
        try {
            return Integer.parseInt(n.text());
        } catch (NumberFormatException e) {
            throw errors.unexpected(n);
        }
    }

    private void requireType(boolean ok, FieldPath path, Token fieldToken, Token value) {
        if (!ok) {
            throw typeError(path, fieldToken, value);
        }
    }

    private SoqlException typeError(FieldPath path, Token fieldToken, Token value) {
        FieldType type = path.type();
        String typeName = switch (type) {
            case DATETIME -> "dateTime";
            case REFERENCE -> "id";
            default -> type.describeName();
        };
        String quoting = type.isText() ? "should be enclosed in quotes" : "should not be enclosed in quotes";
        return errors.invalidField("value of filter criterion for field '" + fieldToken.text() + "' must be of type "
                + typeName + " and " + quoting, value);
    }
}
