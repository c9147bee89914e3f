package io.redflag.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.model.Account;
import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.StageClass;
import io.redflag.domain.scoring.OutcomeSettings;
import io.redflag.service.history.DatedHistory;
import io.redflag.service.scoring.StoredAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The outcomes of the scorecard file, judged over the horizon after an as-of day (2026-01-01, horizon to
 * 2026-06-30; trailing revenue over 12 months). Deals: won 100,000 on 2025-03-01 and 60,000 on 2025-09-01; lost on 2026-02-10. The account's type
 * became Former Customer on 2026-05-20.
 */
class OutcomesTest {
    private static final LocalDate DAY = LocalDate.parse("2026-01-01");
    private static final StoredAccount ACCOUNT = new StoredAccount(new Account("001A", "Acme", "005A", null, null,
            "Customer", null, null, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2026-05-20T00:00:00Z")),
            List.of(), List.of(deal("006A", StageClass.WON, "100000", "2025-03-01"),
                    deal("006B", StageClass.WON, "60000", "2025-09-01"),
                    deal("006C", StageClass.LOST, "40000", "2026-02-10")),
            List.of(), List.of(), List.of(new StoredAccount.FieldChange("017A", "Type", "Customer", "Former Customer",
                    Instant.parse("2026-05-20T10:00:00Z"))), List.of(), List.of());

    @ParameterizedTest(name = "{0}, {1}, {2} months without business, horizon to {3}: {4} first on {5}")
    @CsvSource(delimiter = '|', value = {
        // every outcome on: the loss comes first
        "0.5 | true  | Former Customer | 12 | 2026-06-30 | LOST_DEAL FORMER_CUSTOMER REVENUE_DROP | 2026-02-10",
        // no loss, no type: 12 months after the last win (2025-09-01) is in the horizon
        "0   | false |                 | 9  | 2026-06-30 | NO_WON_BUSINESS                        | 2026-06-01",
        "0   | false |                 | 12 | 2026-06-30 |                                        |",
        // won 60,000 in the 12 months before (30,000 pro-rated to 180 days), nothing after: below half
        "0.5 | false |                 | 0  | 2026-06-30 | REVENUE_DROP                           | 2026-06-30",
        // a horizon cut at the data's end on 2026-01-20: revenue is not compared on a part of a horizon
        "0.5 | true  | Former Customer | 0  | 2026-01-20 |                                        |"})
    void outcomesFollowTheScorecardFile(double share, boolean lost, String former, int months, String end,
            String kinds, String first) {
        Outcomes outcomes = new Outcomes(new OutcomeSettings(share, 12, lost, former == null ? List.of()
                : List.of(former), months), "Type");
        Outcomes.Result r = outcomes.after(ACCOUNT, List.<DatedHistory.Change>of(), DAY, LocalDate.parse(end),
                LocalDate.parse("2026-06-30"));
        EnumSet<Outcomes.Kind> expected = EnumSet.noneOf(Outcomes.Kind.class);
        if (kinds != null) {
            for (String k : kinds.split(" ")) {
                expected.add(Outcomes.Kind.valueOf(k));
            }
        }
        assertThat(r.kinds()).isEqualTo(expected);
        assertThat(r.first()).isEqualTo(first == null ? null : LocalDate.parse(first));
    }

    private static Opportunity deal(String id, StageClass stage, String amount, String close) {
        return new Opportunity(id, "001A", id, null, 0, stage, new BigDecimal(amount), LocalDate.parse(close), null,
                null, Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z"), List.of());
    }
}
