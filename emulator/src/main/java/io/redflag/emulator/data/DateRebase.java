package io.redflag.emulator.data;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.schema.FieldValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Shifts dates so that a plan authored as of one day reads as if that day were today: every DATE and
 * DATETIME value (system date-times included) moves by the same whole number of days, so intervals and
 * times of day stay exactly as written.
 */
final class DateRebase {
    private final long days;

    private DateRebase(long days) {
        this.days = days;
    }

    static DateRebase none() {
        return new DateRebase(0);
    }

    /** The shift that makes {@code anchor} fall on the UTC date of {@code now}. */
    static DateRebase between(LocalDate anchor, Instant now) {
        if (anchor == null) {
            return none();
        }
        return new DateRebase(ChronoUnit.DAYS.between(anchor, LocalDate.ofInstant(now, ZoneOffset.UTC)));
    }

    long days() {
        return days;
    }

    /**
     * The shifted value of a field; values that do not parse are returned as they are so that the store
     * rejects them with the platform's own error.
     */
    Object shift(FieldDef field, Object value) {
        if (days == 0 || value == null) {
            return value;
        }
        if (field.type() != FieldType.DATE && field.type() != FieldType.DATETIME) {
            return value;
        }
        Object parsed;
        try {
            parsed = FieldValues.coerce(field.type(), value);
        } catch (FieldValues.BadValueException e) {
            return value;
        }
        if (parsed instanceof LocalDate d) {
            return d.plusDays(days);
        }
        if (parsed instanceof Instant i) {
            return i.plus(days, ChronoUnit.DAYS);
        }
        return value;
    }
}
