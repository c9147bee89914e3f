package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static io.redflag.domain.scoring.Accounts.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.redflag.domain.model.OpportunityChange;
import io.redflag.domain.model.StageClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deals that show the customer bringing Redflag's user in early and growing the scope. */
class PositiveEvidenceTest {
    private static final Scorecard SCORECARD = new Scorecard(ScorecardConfig.defaults());
    private static final LocalDate CLOSE = LocalDate.of(2026, 9, 30);

    private static List<Finding> positives(Accounts a) {
        return SCORECARD.assess(a.build(), NOW).positives();
    }

    private static OpportunityChange at(int daysAgo, int stageOrder, String amount) {
        return new OpportunityChange(daysAgo(daysAgo), "Stage " + stageOrder, stageOrder, new BigDecimal(amount),
                CLOSE);
    }

    @Test
    void aDealCreatedAtAnEarlyStageWhoseAmountGrewIsEarlyInvolvementAndScopeExpansion() {
        Accounts a = SignalsTest.healthy();
        String deal = a.deal("Expansion", StageClass.OPEN, "150", CLOSE, "Demo", 20, 10, at(20, 1, "100"),
                at(10, 3, "150"));
        assertThat(positives(a)).extracting(Finding::key, Finding::points, Finding::recordIds).containsExactly(
                tuple("EARLY_INVOLVEMENT", 3, List.of(deal)), tuple("SCOPE_EXPANSION", 3, List.of(deal)));
        assertThat(positives(a).get(0).explanation()).isEqualTo("Brought in early on 1 deal(s) in the last 180 days.");
    }

    @Test
    void stageTwoIsStillEarlyButStageThreeAndAnUnknownStageAreNot() {
        Accounts two = SignalsTest.healthy();
        two.deal("Two", StageClass.OPEN, "100", CLOSE, "Demo", 20, 10, at(20, 2, "100"));
        assertThat(positives(two)).extracting(Finding::key).containsExactly("EARLY_INVOLVEMENT");
        Accounts three = SignalsTest.healthy();
        three.deal("Three", StageClass.OPEN, "100", CLOSE, "Demo", 20, 10, at(20, 3, "100"));
        Accounts unknown = SignalsTest.healthy();
        unknown.deal("Unknown", StageClass.OPEN, "100", CLOSE, "Demo", 20, 10, at(20, 0, "100"));
        assertThat(positives(three)).isEmpty();
        assertThat(positives(unknown)).isEmpty();
    }

    @Test
    void anAmountCutOrADealOlderThan180DaysIsNoPositiveEvidence() {
        Accounts cut = SignalsTest.healthy();
        cut.deal("Cut", StageClass.OPEN, "80", CLOSE, "Demo", 20, 10, at(20, 3, "100"), at(10, 3, "80"));
        Accounts old = SignalsTest.healthy();
        old.deal("Old", StageClass.OPEN, "150", CLOSE, "Demo", 181, 10, at(181, 1, "100"), at(10, 3, "150"));
        assertThat(positives(cut)).isEmpty();
        assertThat(positives(old)).isEmpty();
    }

    @Test
    void historyAfterTheAsOfTimeDoesNotCount() {
        Accounts later = SignalsTest.healthy();
        later.deal("Later", StageClass.OPEN, "150", CLOSE, "Demo", 20, 1, at(20, 3, "100"), at(-1, 3, "150"));
        assertThat(positives(later)).isEmpty();
    }
}
