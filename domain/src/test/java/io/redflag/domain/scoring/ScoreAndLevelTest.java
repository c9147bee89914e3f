package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.redflag.domain.model.CrmUser;
import io.redflag.domain.model.Interaction.Direction;
import io.redflag.domain.model.Interaction.Kind;
import io.redflag.domain.model.Interaction.Outcome;
import java.util.EnumMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact scores and levels, written as numbers worked out by hand from the default scorecard (not recomputed
 * with the scorecard's own formula): named accounts, both sides of every level boundary, the critical floor
 * and the cap on positive evidence.
 */
class ScoreAndLevelTest {
    private static final ScorecardConfig DEFAULTS = ScorecardConfig.defaults();
    private static final Scorecard SCORECARD = new Scorecard(DEFAULTS);

    static Stream<Arguments> namedAccounts() {
        return Stream.of(
                // nothing fires, nothing to add back
                named("a healthy account", SignalsTest::healthy, 100, Level.HEALTHY),
                // OWNER_CHANGE 28
                named("a new owner", ScoreAndLevelTest::newOwner, 72, Level.WATCH),
                // OWNER_CHANGE 28 x 1.25 = 35
                named("a new owner on a strategic account", () -> newOwner().strategic(), 65, Level.WATCH),
                // OWNER_CHANGE critical at its cap 45: 55 is Watch by the score, the critical finding holds At Risk
                named("an inactive owner", () -> SignalsTest.healthy().owner(inactiveOwner()), 55, Level.AT_RISK),
                // KEY_CONTACT_LEFT 48 (critical) + SINGLE_THREADED 28 + COMPLAINTS 12 = 88
                named("the primary contact left", ScorecardTest::accountWhosePrimaryContactLeft, 12, Level.CRITICAL),
                // OWNER_CHANGE 28; positives 6 + 6 + 5 = 17, but at most a quarter of 28 = 7 comes back
                named("a new owner, a customer reaching out", ScoreAndLevelTest::newOwnerAndAnEagerCustomer, 79,
                        Level.HEALTHY),
                // OWNER_CHANGE 28 + COMPLAINTS 3 x 12 = 64; positives 6 + 6 = 12, capped at positiveCap 10
                named("a new owner, three complaints, a customer reaching out",
                        ScoreAndLevelTest::newOwnerComplaintsAndAnEagerCustomer, 46, Level.AT_RISK));
    }

    @ParameterizedTest(name = "{0}: {2}, {3}")
    @MethodSource("namedAccounts")
    void eachNamedAccountHasItsExactScoreAndLevel(String name, Supplier<Accounts> account, int score, Level level) {
        Assessment a = SCORECARD.assess(account.get().build(), NOW);
        assertThat(a.score()).isEqualTo(score);
        assertThat(a.level()).isEqualTo(level);
    }

    /** With complaints worth exactly one point each, the account scores 100 minus its number of cases. */
    @ParameterizedTest(name = "score {1}: {2}")
    @CsvSource({"0, 100, HEALTHY", "25, 75, HEALTHY", "26, 74, WATCH", "45, 55, WATCH", "46, 54, AT_RISK",
            "65, 35, AT_RISK", "66, 34, CRITICAL", "100, 0, CRITICAL"})
    void bothSidesOfEveryLevelBoundary(int cases, int score, Level level) {
        Scorecard onePointPerCase = new Scorecard(withWeight(Signal.COMPLAINTS,
                new ScorecardConfig.Weight(1, 100, Severity.MEDIUM)));
        Assessment a = onePointPerCase.assess(complaints(cases).build(), NOW);
        assertThat(a.score()).isEqualTo(score);
        assertThat(a.level()).isEqualTo(level);
    }

    @Test
    void aCriticalFindingHoldsAnOtherwiseHealthyScoreAtAtRisk() {
        // An inactive owner is critical and costs the signal's cap, here 10: the score alone says Healthy.
        Scorecard lenient = new Scorecard(withWeight(Signal.OWNER_CHANGE,
                new ScorecardConfig.Weight(10, 10, Severity.HIGH)));
        Assessment a = lenient.assess(SignalsTest.healthy().owner(inactiveOwner()).build(), NOW);
        assertThat(a.risks()).extracting(Finding::key, Finding::severity, Finding::points)
                .containsExactly(tuple("OWNER_CHANGE", Severity.CRITICAL, 10));
        assertThat(a.score()).isEqualTo(90);
        assertThat(a.level()).isEqualTo(Level.AT_RISK);
    }

    @Test
    void aCriticalFindingNeverLiftsACriticalScore() {
        Assessment a = SCORECARD.assess(ScorecardTest.accountWhosePrimaryContactLeft().build(), NOW);
        assertThat(a.score()).isEqualTo(12);
        assertThat(a.level()).isEqualTo(Level.CRITICAL);
    }

    @Test
    void positiveEvidenceComesBackAtMostAQuarterOfTheRiskPoints() {
        Assessment a = SCORECARD.assess(newOwnerAndAnEagerCustomer().build(), NOW);
        assertThat(a.positives()).extracting(Finding::key, Finding::points).containsExactly(
                tuple("NEW_CONTACTS", 6), tuple("INBOUND_REQUESTS", 6), tuple("MEETINGS_ACCEPTED", 5));
        assertThat(a.score()).isEqualTo(79); // 100 - 28 + 7
    }

    @Test
    void positiveEvidenceComesBackAtMostThePositiveCap() {
        Assessment a = SCORECARD.assess(newOwnerComplaintsAndAnEagerCustomer().build(), NOW);
        assertThat(a.positives()).extracting(Finding::key, Finding::points).containsExactly(
                tuple("NEW_CONTACTS", 6), tuple("INBOUND_REQUESTS", 6));
        assertThat(DEFAULTS.positiveCap()).isEqualTo(10);
        assertThat(a.score()).isEqualTo(46); // 100 - 64 + 10
    }

    @Test
    void positiveEvidenceWithoutRisksLeavesTheScoreAtOneHundred() {
        Accounts eager = SignalsTest.healthy();
        eagerCustomer(eager);
        Assessment a = SCORECARD.assess(eager.build(), NOW);
        assertThat(a.positives()).extracting(Finding::points).containsExactly(6, 6, 5);
        assertThat(a.score()).isEqualTo(100);
    }

    @Test
    void findingsAreOrderedBySeverityThenPoints() {
        Assessment a = SCORECARD.assess(ScorecardTest.accountWhosePrimaryContactLeft().build(), NOW);
        assertThat(a.findings()).extracting(Finding::key, Finding::severity, Finding::points).containsExactly(
                tuple("KEY_CONTACT_LEFT", Severity.CRITICAL, 48), tuple("COMPLAINTS", Severity.HIGH, 12),
                tuple("SINGLE_THREADED", Severity.MEDIUM, 28));
    }

    private static Arguments named(String name, Supplier<Accounts> account, int score, Level level) {
        return Arguments.of(name, account, score, level);
    }

    private static Accounts newOwner() {
        return SignalsTest.healthy().change("Owner", "Ann Old", "Bob New", 10);
    }

    private static Accounts newOwnerAndAnEagerCustomer() {
        return eagerCustomer(newOwner());
    }

    private static Accounts newOwnerComplaintsAndAnEagerCustomer() {
        Accounts a = newOwner();
        // opened more than 90 days ago: three complaints, no burst of new cases
        a.supportCase("Outage", true, true, false, 100).supportCase("Billing", true, true, false, 120)
                .supportCase("Invoices", true, true, false, 130);
        String analyst = a.contact("Nia New", "Analyst", false, false, null, 20);
        a.contact("Omar New", "Analyst", false, false, null, 25);
        for (int i = 0; i < 4; i++) {
            a.interaction(analyst, Kind.EMAIL, Direction.INBOUND, Outcome.CONNECTED, 3 + i, true);
        }
        return a;
    }

    /** Two new contacts (6), four inbound emails (6 of 8), six meetings held (5 of 6). */
    private static Accounts eagerCustomer(Accounts a) {
        String analyst = a.contact("Nia New", "Analyst", false, false, null, 20);
        a.contact("Omar New", "Analyst", false, false, null, 25);
        for (int i = 0; i < 4; i++) {
            a.interaction(analyst, Kind.EMAIL, Direction.INBOUND, Outcome.CONNECTED, 3 + i, true);
        }
        for (int i = 0; i < 6; i++) {
            a.interaction(analyst, Kind.MEETING, Direction.OUTBOUND, Outcome.CONNECTED, 10 + i, true);
        }
        return a;
    }

    /** The healthy account with {@code n} escalated cases, each opened 100 days ago and still open. */
    private static Accounts complaints(int n) {
        Accounts a = SignalsTest.healthy();
        for (int i = 0; i < n; i++) {
            a.supportCase("Case " + i, false, true, false, 100);
        }
        return a;
    }

    private static CrmUser inactiveOwner() {
        return new CrmUser(Accounts.OWNER, "Olivia Owner", null, false, Accounts.MANAGER);
    }

    static ScorecardConfig withWeight(Signal signal, ScorecardConfig.Weight weight) {
        var c = DEFAULTS;
        var weights = new EnumMap<>(c.weights());
        weights.put(signal, weight);
        return ScorecardConfigTest.with(c, "weights", weights);
    }
}
