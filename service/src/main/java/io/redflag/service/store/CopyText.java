package io.redflag.service.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Rows in PostgreSQL's COPY text format, written straight to UTF-8 bytes (the driver's Reader path encoded
 * the page's text once more): tab-separated, {@code \N} for null, backslash escapes for backslash, tab, line
 * feed and carriage return. Timestamps and dates are written by hand in the text {@link DateTimeFormatter}
 * gave before ({@code 2026-06-30T12:00:00.250Z}, {@code 2026-09-30}); the formatter was a measured cost.
 */
final class CopyText {
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written in four digits without a sign. */
    private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    private static final int SECONDS_PER_DAY = 86_400;

    private final Bytes out;

    CopyText(int capacity) {
        out = new Bytes(capacity);
    }

    /** Empties the text, keeping its buffer for the next page. */
    CopyText clear() {
        out.size = 0;
        return this;
    }

    byte[] array() {
        return out.array;
    }

    int size() {
        return out.size;
    }

    /** One row: its values tab-separated, then a line feed. */
    void row(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.put((byte) '\t');
            }
            value(values[i]);
        }
        out.put((byte) '\n');
    }

    private void value(Object value) {
        if (value == null) {
            out.put((byte) '\\');
            out.put((byte) 'N');
        } else if (value instanceof String s) {
            text(s);
        } else if (value instanceof Boolean b) {
            out.put((byte) (b ? 't' : 'f'));
        } else if (value instanceof Long n) {
            out.putAscii(Long.toString(n));
        } else if (value instanceof BigDecimal d) {
            out.putAscii(d.toPlainString());
        } else if (value instanceof Instant t) {
            instant(t);
        } else if (value instanceof LocalDate d && d.getYear() >= 0 && d.getYear() <= 9999) {
            date(d);
        } else if (value instanceof OffsetDateTime t) {
            text(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t)); // always with seconds, and the offset
        } else {
            text(value.toString()); // other numbers, dates outside four-digit years
        }
    }

    /** As {@link DateTimeFormatter#ISO_INSTANT}: UTC with a Z, the fraction in 0, 3, 6 or 9 digits as needed. */
    private void instant(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            text(DateTimeFormatter.ISO_INSTANT.format(t));
            return;
        }
        date(LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY)));
        int ofDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        out.put((byte) 'T');
        digits(ofDay / 3600, 2);
        out.put((byte) ':');
        digits(ofDay / 60 % 60, 2);
        out.put((byte) ':');
        digits(ofDay % 60, 2);
        int nano = t.getNano();
        if (nano != 0) {
            out.put((byte) '.');
            if (nano % 1_000_000 == 0) {
                digits(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(nano / 1000, 6);
            } else {
                digits(nano, 9);
            }
        }
        out.put((byte) 'Z');
    }

    private void date(LocalDate d) {
        digits(d.getYear(), 4);
        out.put((byte) '-');
        digits(d.getMonthValue(), 2);
        out.put((byte) '-');
        digits(d.getDayOfMonth(), 2);
    }

    /** A non-negative number in exactly {@code width} digits, zeros first. */
    private void digits(int v, int width) {
        out.ensure(width);
        for (int i = out.size + width - 1; i >= out.size; i--) {
            out.array[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        out.size += width;
    }

    /**
     * A string in UTF-8, escaped. An unpaired surrogate becomes '?', as String.getBytes writes it (and so the
     * driver did before).
     */
    private void text(String s) {
        int n = s.length();
        out.ensure(3 * n); // the most a char takes: three bytes (a pair takes four), an escape two
        byte[] a = out.array;
        int p = out.size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> p = escape(a, p, '\\');
                    case '\t' -> p = escape(a, p, 't');
                    case '\n' -> p = escape(a, p, 'n');
                    case '\r' -> p = escape(a, p, 'r');
                    default -> a[p++] = (byte) c;
                }
            } else if (c < 0x800) {
                a[p++] = (byte) (0xc0 | c >> 6);
                a[p++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                a[p++] = (byte) (0xf0 | cp >> 18);
                a[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
                a[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
                a[p++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                a[p++] = '?';
            } else {
                a[p++] = (byte) (0xe0 | c >> 12);
                a[p++] = (byte) (0x80 | c >> 6 & 0x3f);
                a[p++] = (byte) (0x80 | c & 0x3f);
            }
        }
        out.size = p;
    }

    private static int escape(byte[] a, int p, char c) {
        a[p] = '\\';
        a[p + 1] = (byte) c;
        return p + 2;
    }
}
