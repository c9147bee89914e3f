package io.redflag.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The content hash: equal scoring inputs hash alike, any change to them does not; the rest does not count. */
class ContentHashTest {
    private static final EntityTable ACCOUNT = EntityTable.of("account");
    private static final Instant T1 = Instant.parse("2026-06-30T12:00:00.250Z");

    private static Object[] account(Object... columnsAndValues) {
        Object[] row = new Object[ACCOUNT.columns().size()];
        row[ACCOUNT.columnIndex("id")] = "0018d0000000ACMEAA";
        row[ACCOUNT.columnIndex("name")] = "Acme";
        row[ACCOUNT.columnIndex("owner")] = "0058d0000000OWNERA";
        row[ACCOUNT.columnIndex("annual_revenue")] = new BigDecimal("1000.00");
        row[ACCOUNT.columnIndex("created_at")] = T1;
        row[ACCOUNT.columnIndex("modified_at")] = T1;
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row[ACCOUNT.columnIndex((String) columnsAndValues[i])] = columnsAndValues[i + 1];
        }
        return row;
    }

    private static long hash(Object[] row) {
        return new ContentHash(ACCOUNT).of(row);
    }

    @Test
    void equalInputsHashAlikeAndTheStampAndRedflagsOwnFieldsDoNotCount() {
        ContentHash one = new ContentHash(ACCOUNT);
        assertThat(one.of(account())).isEqualTo(one.of(account())).isEqualTo(hash(account()));
        assertThat(hash(account("modified_at", Instant.parse("2026-07-01T00:00:00Z")))).isEqualTo(hash(account()));
        assertThat(hash(account("health_score", new BigDecimal("41"), "risk_level", "At Risk", "risk_reasons",
                "Dana left.", "health_trend", BigDecimal.ONE, "health_scored_at", T1))).isEqualTo(hash(account()));
        // A longer row (an insert carries its hash last) hashes by its columns only.
        Object[] longer = java.util.Arrays.copyOf(account(), ACCOUNT.columns().size() + 1);
        longer[longer.length - 1] = 42L;
        assertThat(hash(longer)).isEqualTo(hash(account()));
    }

    @Test
    void anyChangedInputChangesTheHash() {
        long base = hash(account());
        assertThat(hash(account("name", "Acme Corp"))).isNotEqualTo(base);
        assertThat(hash(account("annual_revenue", new BigDecimal("1000.01")))).isNotEqualTo(base);
        assertThat(hash(account("annual_revenue", null))).isNotEqualTo(base);
        assertThat(hash(account("created_at", T1.plusNanos(1_000)))).isNotEqualTo(base);
        assertThat(hash(account("tier", "Key"))).isNotEqualTo(base);
        assertThat(hash(account("tier", "é"))).isNotEqualTo(hash(account("tier", "e")));
        // null is not the empty string
        assertThat(hash(account("tier", ""))).isNotEqualTo(base);
        assertThat(hash(account("tier", ""))).isNotEqualTo(hash(account("tier", null)));
        // the same values in other columns
        assertThat(hash(account("tier", "Key", "segment", "Direct")))
                .isNotEqualTo(hash(account("tier", "Direct", "segment", "Key")));
        assertThat(hash(account("tier", "Key", "segment", null))).isNotEqualTo(hash(account("tier", null, "segment",
                "Key")));
        // where one value ends and the next begins
        assertThat(hash(account("tier", "ab", "segment", "c"))).isNotEqualTo(hash(account("tier", "a", "segment",
                "bc")));
    }

    @Test
    void everyKindOfValueCounts() {
        EntityTable contact = EntityTable.of("contact");
        Object[] row = new Object[contact.columns().size()];
        row[contact.columnIndex("id")] = "0038d0000000AAAAAA";
        ContentHash h = new ContentHash(contact);
        long base = h.of(row);
        row[contact.columnIndex("left_company")] = Boolean.FALSE;
        long no = h.of(row);
        row[contact.columnIndex("left_company")] = Boolean.TRUE;
        long yes = h.of(row);
        assertThat(java.util.Set.of(base, no, yes)).hasSize(3);

        EntityTable opportunity = EntityTable.of("opportunity");
        Object[] deal = new Object[opportunity.columns().size()];
        int closeDate = opportunity.columnIndex("close_date");
        ContentHash d = new ContentHash(opportunity);
        deal[closeDate] = LocalDate.of(2026, 9, 30);
        long september = d.of(deal);
        deal[closeDate] = LocalDate.of(2026, 10, 1);
        assertThat(d.of(deal)).isNotEqualTo(september);
        deal[closeDate] = LocalDate.of(2026, 9, 30);
        assertThat(d.of(deal)).isEqualTo(september);
    }

    @ParameterizedTest
    @CsvSource({"1000.00, 1000", "1000, 1E+3", "125000.00, 125000", "12.50, 12.5", "0.00, 0", "-0.00, 0", "0E+5, 0",
        "-12.340, -12.34", "0.0001000, 0.0001", "7.0, 7", "99999999999999999999.990, 99999999999999999999.99",
        "100000000000000000000.000, 1E+20", "-9223372036854775808.0, -9223372036854775808"})
    void numbersHashAlikeWhateverTheirTrailingZeros(String a, String b) {
        assertThat(hash(account("annual_revenue", new BigDecimal(a))))
                .isEqualTo(hash(account("annual_revenue", new BigDecimal(b))));
    }

    @ParameterizedTest
    @CsvSource({"1000, 100", "1000, 10000", "12.5, 1.25", "-12.34, 12.34", "0.0001, 0.001",
        "99999999999999999999.99, 99999999999999999999.9", "1E+20, 1E+19", "1, 0"})
    void differentNumbersHashApart(String a, String b) {
        assertThat(hash(account("annual_revenue", new BigDecimal(a))))
                .isNotEqualTo(hash(account("annual_revenue", new BigDecimal(b))));
    }
}
