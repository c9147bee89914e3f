package io.redflag.emulator.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Converts field values between their text form (SOAP, data plans) and the Java values records hold:
 * String for text, ids and picklists; Boolean; Integer; Double for double, currency and percent; LocalDate;
 * Instant (millisecond precision, as Salesforce keeps date-times).
 */
public final class FieldValues {
    private static final DateTimeFormatter DATETIME_OUT = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private FieldValues() {
    }

    /** Thrown when a text cannot be read as the field's type; the message is Salesforce's wording. */
    public static final class BadValueException extends RuntimeException {
        public BadValueException(String message) {
            super(message);
        }
    }

    /** Parses the text form of a value for this field type; blank text is null. */
    public static Object parse(FieldType type, String text) {
        if (text == null) {
            return null;
        }
        if (text.isEmpty() && !type.isText()) {
            return null;
        }
        try {
            return switch (type) {
                case BOOLEAN -> parseBoolean(text);
                case INT -> (int) Double.parseDouble(text.trim());
                case DOUBLE, CURRENCY, PERCENT -> Double.parseDouble(text.trim());
                case DATE -> parseDate(text.trim());
                case DATETIME -> parseDateTime(text.trim());
                default -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadValueException("'" + text + "' is not a valid value for the type " + type.describeName());
        }
    }

    /** Coerces a JSON or Java value (number, boolean, string) to the field type's value. */
    public static Object coerce(FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return parse(type, s);
        }
        return switch (type) {
            case BOOLEAN -> value instanceof Boolean b ? b : parseBoolean(value.toString());
            case INT -> value instanceof Number n ? n.intValue() : parse(type, value.toString());
            case DOUBLE, CURRENCY, PERCENT -> value instanceof Number n ? n.doubleValue() : parse(type, value.toString());
            case DATE -> value instanceof LocalDate d ? d : parse(type, value.toString());
            case DATETIME -> value instanceof Instant i ? i.truncatedTo(ChronoUnit.MILLIS) : parse(type, value.toString());
            case ANYTYPE -> value;
            default -> value.toString();
        };
    }

    /** The text form Salesforce sends for a value of this type. */
    public static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return formatDateTime(instant);
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return value.toString();
    }

    /**
     * yyyy-MM-ddTHH:mm:ss.SSSZ in UTC, written by hand: a query page formats thousands of these, and the
     * general formatter is several times slower. Years outside 0–9999 fall back to it.
     */
    static String formatDateTime(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        int secOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(days);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return DATETIME_OUT.format(instant);
        }
        char[] c = new char[24];
        put4(c, 0, year);
        c[4] = '-';
        put2(c, 5, date.getMonthValue());
        c[7] = '-';
        put2(c, 8, date.getDayOfMonth());
        c[10] = 'T';
        put2(c, 11, secOfDay / 3600);
        c[13] = ':';
        put2(c, 14, secOfDay / 60 % 60);
        c[16] = ':';
        put2(c, 17, secOfDay % 60);
        c[19] = '.';
        int millis = instant.getNano() / 1_000_000;
        c[20] = (char) ('0' + millis / 100);
        c[21] = (char) ('0' + millis / 10 % 10);
        c[22] = (char) ('0' + millis % 10);
        c[23] = 'Z';
        return new String(c);
    }

    private static void put2(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void put4(char[] c, int at, int v) {
        put2(c, at, v / 100);
        put2(c, at + 2, v % 100);
    }

    private static Boolean parseBoolean(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("1")) {
            return Boolean.TRUE;
        }
        if (t.equals("false") || t.equals("0")) {
            return Boolean.FALSE;
        }
        throw new BadValueException("'" + text + "' is not a valid value for the type boolean");
    }

    private static LocalDate parseDate(String text) {
        // A date-time given for a date field keeps its UTC date, as the API does.
        if (text.length() > 10) {
            return OffsetDateTime.ofInstant(parseDateTime(text), ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(text);
    }

    /** Accepts 2024-01-02T03:04:05Z, with fractions, with an offset (+01:00 or +0100), or a bare date. */
    public static Instant parseDateTime(String text) {
        String t = text;
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (t.matches(".*[+-]\\d{4}$")) {
            t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        }
        if (!t.endsWith("Z") && !t.matches(".*[+-]\\d{2}:\\d{2}$")) {
            t = t + "Z";
        }
        return OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.MILLIS);
    }
}
