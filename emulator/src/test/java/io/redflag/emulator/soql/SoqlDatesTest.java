package io.redflag.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixed clock is Friday 2024-03-15 12:00 UTC; weeks start on Sunday (2024-03-10). */
class SoqlDatesTest {
    private final Fixture f = new Fixture();

    @ParameterizedTest
    @CsvSource({
        "TODAY,2024-03-15,2024-03-16",
        "YESTERDAY,2024-03-14,2024-03-15",
        "TOMORROW,2024-03-16,2024-03-17",
        "LAST_WEEK,2024-03-03,2024-03-10",
        "THIS_WEEK,2024-03-10,2024-03-17",
        "NEXT_WEEK,2024-03-17,2024-03-24",
        "LAST_MONTH,2024-02-01,2024-03-01",
        "THIS_MONTH,2024-03-01,2024-04-01",
        "NEXT_MONTH,2024-04-01,2024-05-01",
        "LAST_90_DAYS,2023-12-16,2024-03-16",
        "NEXT_90_DAYS,2024-03-16,2024-06-14",
        "THIS_YEAR,2024-01-01,2025-01-01",
        "LAST_YEAR,2023-01-01,2024-01-01",
        "NEXT_YEAR,2025-01-01,2026-01-01",
        "LAST_N_DAYS:1,2024-03-14,2024-03-16",
        "LAST_N_DAYS:7,2024-03-08,2024-03-16",
        "NEXT_N_DAYS:2,2024-03-16,2024-03-18",
        "N_DAYS_AGO:3,2024-03-12,2024-03-13",
        "LAST_N_WEEKS:2,2024-02-25,2024-03-10",
        "NEXT_N_WEEKS:1,2024-03-17,2024-03-24",
        "LAST_N_MONTHS:2,2024-01-01,2024-03-01",
        "NEXT_N_MONTHS:2,2024-04-01,2024-06-01",
        "LAST_N_YEARS:2,2022-01-01,2024-01-01",
    })
    void rangesOfRelativeDateLiterals(String literal, String start, String end) {
        String[] parts = literal.split(":");
        LocalDate[] b = DateLiterals.bounds(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                LocalDate.parse("2024-03-15"));
        assertThat(b).containsExactly(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void dateTimeFieldsAgainstTodayAroundMidnightUtc() {
        String before = task("2024-03-14T23:59:59Z");
        String first = task("2024-03-15T00:00:00Z");
        String last = task("2024-03-15T23:59:59Z");
        String after = task("2024-03-16T00:00:00Z");
        String q = "SELECT Id FROM Task WHERE CreatedDate ";
        assertThat(f.ids(q + "= TODAY")).containsExactly(first, last);
        assertThat(f.ids(q + "!= TODAY")).containsExactly(before, after);
        assertThat(f.ids(q + "> TODAY")).containsExactly(after);
        assertThat(f.ids(q + ">= TODAY")).containsExactly(first, last, after);
        assertThat(f.ids(q + "< TODAY")).containsExactly(before);
        assertThat(f.ids(q + "<= TODAY")).containsExactly(before, first, last);
        assertThat(f.ids(q + "= YESTERDAY")).containsExactly(before);
        assertThat(f.ids(q + "= LAST_N_DAYS:1")).containsExactly(before, first, last);
        assertThat(f.ids(q + "= NEXT_N_DAYS:1")).containsExactly(after);
        assertThat(f.ids(q + "IN (YESTERDAY, TOMORROW)")).containsExactly(before, after);
    }

    @Test
    void dateFieldsAgainstLiteralsAndRanges() {
        String d14 = f.insert("Task", "Subject", "a", "ActivityDate", "2024-03-14");
        String d15 = f.insert("Task", "Subject", "b", "ActivityDate", "2024-03-15");
        String none = f.insert("Task", "Subject", "c");
        assertThat(f.ids("SELECT Id FROM Task WHERE ActivityDate = TODAY")).containsExactly(d15);
        assertThat(f.ids("SELECT Id FROM Task WHERE ActivityDate < TODAY")).containsExactly(d14);
        assertThat(f.ids("SELECT Id FROM Task WHERE ActivityDate = THIS_WEEK")).containsExactly(d14, d15);
        assertThat(f.ids("SELECT Id FROM Task WHERE ActivityDate != THIS_WEEK")).containsExactly(none);
        assertThat(f.ids("SELECT Id FROM Task WHERE ActivityDate = 2024-03-14")).containsExactly(d14);
        assertThat(f.ids("SELECT Id FROM Task WHERE ActivityDate >= 2024-03-15")).containsExactly(d15);
        assertThat(f.ids("SELECT Id FROM Task WHERE ActivityDate = null")).containsExactly(none);
    }

    @Test
    void dateTimeLiteralsWithFractionsAndOffsets() {
        String t = task("2024-03-15T10:00:00Z");
        String q = "SELECT Id FROM Task WHERE CreatedDate = ";
        assertThat(f.ids(q + "2024-03-15T10:00:00Z")).containsExactly(t);
        assertThat(f.ids(q + "2024-03-15T10:00:00.000Z")).containsExactly(t);
        assertThat(f.ids(q + "2024-03-15T11:00:00+01:00")).containsExactly(t);
        assertThat(f.ids(q + "2024-03-15T02:00:00-0800")).containsExactly(t);
        assertThat(f.ids("SELECT Id FROM Task WHERE CreatedDate > 2024-03-15T09:59:59.999Z")).containsExactly(t);
        assertThat(f.ids("SELECT Id FROM Task WHERE CreatedDate > 2024-03-15T10:00:00.001Z")).isEmpty();
    }

    @Test
    void relativeLiteralsFollowTheTimeOfTheCall() {
        String t = task("2024-03-15T10:00:00Z");
        SoqlQuery q = Soql.parse("SELECT Id FROM Task WHERE CreatedDate = TODAY", f.schema);
        assertThat(q.execute(f.store, false, Instant.parse("2024-03-15T23:59:59Z"))).hasSize(1);
        assertThat(q.execute(f.store, false, Instant.parse("2024-03-16T00:00:00Z"))).isEmpty();
        assertThat(t).isNotNull();
    }

    private String task(String created) {
        return f.insert("Task", "Subject", created, "CreatedDate", created, "SystemModstamp", created);
    }
}
