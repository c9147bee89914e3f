package io.redflag.emulator.soql;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Set;

/**
 * SOQL's relative date literals (TODAY, LAST_N_DAYS:n …) as half-open day ranges [start, end). The org's
 * time zone is GMT, so "today" is the UTC date of the query's clock. Weeks start on Sunday, as for the
 * en_US locale. Ranges follow the SOQL reference: LAST_N_DAYS:n and LAST_90_DAYS include today;
 * NEXT_N_DAYS:n and NEXT_90_DAYS start tomorrow; LAST_N_WEEKS/MONTHS/YEARS:n end before the current
 * week/month/year and NEXT_N_* start after it.
 */
final class DateLiterals {
    private static final Set<String> PLAIN = Set.of("YESTERDAY", "TODAY", "TOMORROW", "LAST_WEEK", "THIS_WEEK",
            "NEXT_WEEK", "LAST_MONTH", "THIS_MONTH", "NEXT_MONTH", "LAST_90_DAYS", "NEXT_90_DAYS", "THIS_YEAR",
            "LAST_YEAR", "NEXT_YEAR");
    private static final Set<String> WITH_N = Set.of("LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO", "LAST_N_WEEKS",
            "NEXT_N_WEEKS", "N_WEEKS_AGO", "LAST_N_MONTHS", "NEXT_N_MONTHS", "N_MONTHS_AGO", "LAST_N_YEARS",
            "NEXT_N_YEARS", "N_YEARS_AGO");

    private DateLiterals() {
    }

    /** A date range relative to the day of the query: {@code name} upper-case, {@code n} for the :n forms. */
    record Range(String name, int n) {
        LocalDate start(Instant now) {
            return bounds(now)[0];
        }

        LocalDate end(Instant now) {
            return bounds(now)[1];
        }

        LocalDate[] bounds(Instant now) {
            return DateLiterals.bounds(name, n, now.atOffset(ZoneOffset.UTC).toLocalDate());
        }

        @Override
        public String toString() {
            return WITH_N.contains(name) ? name + ":" + n : name;
        }
    }

    static boolean isPlain(String word) {
        return PLAIN.contains(word.toUpperCase(Locale.ROOT));
    }

    static boolean takesN(String word) {
        return WITH_N.contains(word.toUpperCase(Locale.ROOT));
    }

    /** Salesforce's quarter and fiscal literals, which the emulator does not evaluate. */
    static boolean isUnsupported(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        return w.contains("QUARTER") || w.contains("FISCAL");
    }

    static LocalDate[] bounds(String name, int n, LocalDate today) {
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate month = today.withDayOfMonth(1);
        LocalDate year = today.withDayOfYear(1);
        return switch (name) {
            case "YESTERDAY" -> days(today.minusDays(1), 1);
            case "TODAY" -> days(today, 1);
            case "TOMORROW" -> days(today.plusDays(1), 1);
            case "LAST_WEEK" -> days(week.minusWeeks(1), 7);
            case "THIS_WEEK" -> days(week, 7);
            case "NEXT_WEEK" -> days(week.plusWeeks(1), 7);
            case "LAST_MONTH" -> range(month.minusMonths(1), month);
            case "THIS_MONTH" -> range(month, month.plusMonths(1));
            case "NEXT_MONTH" -> range(month.plusMonths(1), month.plusMonths(2));
            case "LAST_90_DAYS" -> range(today.minusDays(90), today.plusDays(1));
            case "NEXT_90_DAYS" -> days(today.plusDays(1), 90);
            case "THIS_YEAR" -> range(year, year.plusYears(1));
            case "LAST_YEAR" -> range(year.minusYears(1), year);
            case "NEXT_YEAR" -> range(year.plusYears(1), year.plusYears(2));
            case "LAST_N_DAYS" -> range(today.minusDays(n), today.plusDays(1));
            case "NEXT_N_DAYS" -> days(today.plusDays(1), n);
            case "N_DAYS_AGO" -> days(today.minusDays(n), 1);
            case "LAST_N_WEEKS" -> range(week.minusWeeks(n), week);
            case "NEXT_N_WEEKS" -> range(week.plusWeeks(1), week.plusWeeks(1 + n));
            case "N_WEEKS_AGO" -> days(week.minusWeeks(n), 7);
            case "LAST_N_MONTHS" -> range(month.minusMonths(n), month);
            case "NEXT_N_MONTHS" -> range(month.plusMonths(1), month.plusMonths(1 + n));
            case "N_MONTHS_AGO" -> range(month.minusMonths(n), month.minusMonths(n - 1));
            case "LAST_N_YEARS" -> range(year.minusYears(n), year);
            case "NEXT_N_YEARS" -> range(year.plusYears(1), year.plusYears(1 + n));
            case "N_YEARS_AGO" -> range(year.minusYears(n), year.minusYears(n - 1));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static LocalDate[] days(LocalDate start, int count) {
        return range(start, start.plusDays(count));
    }

    private static LocalDate[] range(LocalDate start, LocalDate end) {
        return new LocalDate[] {start, end};
    }
}
