package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static io.redflag.domain.scoring.Accounts.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.StageClass;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact findings of the revenue, complaint and evidence-quality rules at their edges. */
class RevenueAndComplaintsTest {
    private static final Scorecard SCORECARD = new Scorecard(ScorecardConfig.defaults());
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static List<Finding> findings(Accounts a, Signal signal) {
        return SCORECARD.assess(a.build(), NOW).findings().stream().filter(f -> f.key().equals(signal.name()))
                .toList();
    }

    @Test
    void aRevenueDeclineNamesBothYearsTheShareAndTheWonDeals() {
        Accounts a = SignalsTest.healthy();
        String before = a.deal("Last year", StageClass.WON, "100000", TODAY.minusDays(500), null, 600, 500);
        String now = a.deal("This year", StageClass.WON, "50000", TODAY.minusDays(100), null, 200, 100);
        a.lost("Lost", "9000", TODAY.minusDays(50), "Price");
        assertThat(findings(a, Signal.REVENUE_DECLINE)).singleElement().satisfies(f -> {
            assertThat(f.explanation()).isEqualTo("Won business in the last 12 months is 50,000 against 100,000 the"
                    + " year before (50 %).");
            assertThat(f.recordIds()).containsExactly(before, now);
            assertThat(f.points()).isEqualTo(32);
        });
    }

    @Test
    void noBusinessWonFor24MonthsFromAnAccountThatBoughtBefore() {
        Accounts a = SignalsTest.healthy();
        String old = a.deal("Long ago", StageClass.WON, "100000", TODAY.minusDays(800), null, 900, 800);
        assertThat(findings(a, Signal.REVENUE_DECLINE)).singleElement().satisfies(f -> {
            assertThat(f.explanation()).isEqualTo("No business won in the last 24 months from an account that"
                    + " bought before.");
            assertThat(f.recordIds()).containsExactly(old);
        });
        Accounts future = SignalsTest.healthy();
        future.deal("Booked ahead", StageClass.WON, "100000", TODAY.plusDays(10), null, 100, 1);
        assertThat(findings(future, Signal.REVENUE_DECLINE)).as("a won deal that closes later").isEmpty();
    }

    @Test
    void aCaseOpenForMoreThan30DaysIsAComplaint() {
        assertThat(findings(SignalsTest.healthy().supportCase("Slow", false, false, false, 30), Signal.COMPLAINTS))
                .isEmpty();
        assertThat(findings(SignalsTest.healthy().supportCase("Slow", false, false, false, 31), Signal.COMPLAINTS))
                .extracting(Finding::explanation, Finding::severity).containsExactly(
                        tuple("Case 'Slow' is open for 31 days.", Severity.MEDIUM));
    }

    @Test
    void aBurstOfCasesAgainstTheAccountsOwnBaseline() {
        Accounts none = SignalsTest.healthy().supportCase("A", false, false, true, 10)
                .supportCase("B", false, false, true, 20);
        assertThat(findings(none, Signal.COMPLAINTS)).extracting(Finding::explanation)
                .containsExactly("2 cases opened in the last 90 days against a usual 0.0.");
        Accounts usual = withFourCasesInThePriorYear().supportCase("A", false, false, true, 10)
                .supportCase("B", false, false, true, 20);
        assertThat(findings(usual, Signal.COMPLAINTS)).as("2 against a usual 1.0 a quarter").isEmpty();
        Accounts burst = withFourCasesInThePriorYear().supportCase("A", false, false, true, 10)
                .supportCase("B", false, false, true, 20).supportCase("C", false, false, true, 30);
        assertThat(findings(burst, Signal.COMPLAINTS)).extracting(Finding::explanation)
                .containsExactly("3 cases opened in the last 90 days against a usual 1.0.");
        Accounts oneOnly = SignalsTest.healthy().supportCase("A", false, false, true, 10);
        assertThat(findings(oneOnly, Signal.COMPLAINTS)).isEmpty();
    }

    /** Four closed cases between 90 and 450 days ago (a usual 1.0 a quarter), and one older that is not counted. */
    private static Accounts withFourCasesInThePriorYear() {
        return SignalsTest.healthy().supportCase("P1", false, false, true, 100).supportCase("P2", false, false, true,
                200).supportCase("P3", false, false, true, 300).supportCase("P4", false, false, true, 449)
                .supportCase("Ancient", false, false, true, 460);
    }

    @Test
    void anOwnerLoggingExactlyTheMinimumIsBelievedAndOneBelowIsNot() {
        assertThat(declineKind(40, 40)).isEqualTo(Finding.Kind.RISK);
        assertThat(declineKind(39, 40)).isEqualTo(Finding.Kind.INSUFFICIENT_EVIDENCE);
        assertThat(declineKind(0, 0)).as("no accounts owned: how much the owner logs is unknown, no evidence")
                .isEqualTo(Finding.Kind.INSUFFICIENT_EVIDENCE);
    }

    private static Finding.Kind declineKind(int interactions, int accounts) {
        Accounts a = account().ownerLogging(interactions, accounts);
        a.rhythm(a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER), 208, 34, 7);
        return findings(a, Signal.ACTIVITY_DECLINE).get(0).kind();
    }
}
