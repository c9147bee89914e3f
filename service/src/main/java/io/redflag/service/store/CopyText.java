package io.redflag.service.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Values in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyText {
    private CopyText() {
    }

    static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            escape(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Instant t) {
            DateTimeFormatter.ISO_INSTANT.formatTo(t, out); // UTC, with a Z
        } else if (value instanceof OffsetDateTime t) {
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.formatTo(t, out); // always with seconds, and the offset
        } else {
            escape(out, value.toString()); // numbers, dates
        }
    }

    private static void escape(StringBuilder out, String s) {
        // indexOf is vectorised by the JIT; most values contain none of the four and are copied at once.
        if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            out.append(s);
            return;
        }
        int plain = 0;
        while (plain < s.length() && !special(s.charAt(plain))) {
            plain++;
        }
        if (plain == s.length()) {
            out.append(s); // most values need no escape: copied at once
            return;
        }
        out.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}
