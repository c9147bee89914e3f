package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static io.redflag.domain.scoring.Accounts.account;
import static io.redflag.domain.scoring.Accounts.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.CrmUser;
import io.redflag.domain.model.Interaction.Direction;
import io.redflag.domain.model.Interaction.Kind;
import io.redflag.domain.model.Interaction.Outcome;
import io.redflag.domain.model.OpportunityChange;
import io.redflag.domain.model.StageClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each signal fires, stays quiet, and holds at its boundaries. */
class SignalsTest {
    private static final Scorecard SCORECARD = new Scorecard(ScorecardConfig.defaults());
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static List<Finding> risks(Accounts a, Signal signal) {
        return SCORECARD.assess(a.build(), NOW).findings().stream()
                .filter(f -> f.key().equals(signal.name())).toList();
    }

    /** Two engaged senior contacts on a steady weekly rhythm: nothing to worry about. */
    static Accounts healthy() {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        String vp = a.contact("Sam Lee", "VP Operations", ContactRole.ECONOMIC_BUYER);
        a.rhythm(cfo, 210, 3, 7).rhythm(vp, 207, 4, 7);
        a.deal("Renewal", StageClass.OPEN, "50000", TODAY.plusDays(40), "Send proposal", 60, 2);
        return a;
    }

    @Test
    void aHealthyAccountHasNoRisks() {
        Assessment a = SCORECARD.assess(healthy().build(), NOW);
        assertThat(a.risks()).isEmpty();
        assertThat(a.level()).isEqualTo(Level.HEALTHY);
        assertThat(a.score()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0} interactions in the last 30 days against about 4.2 a month: fires={1}")
    @CsvSource({"0, true", "2, true", "3, false", "4, false"})
    void activityDeclineAgainstTheAccountsOwnBaseline(int recent, boolean fires) {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        a.rhythm(cfo, 208, 34, 7); // about 4 a month before the window
        for (int i = 0; i < recent; i++) {
            a.touch(cfo, 5 + i * 5);
        }
        List<Finding> found = risks(a, Signal.ACTIVITY_DECLINE);
        assertThat(found).hasSize(fires ? 1 : 0);
        if (fires) {
            assertThat(found.get(0).explanation()).startsWith(recent + " interactions in the last 30 days");
        }
    }

    @Test
    void activityDeclineNeedsABaselineOfTwoAMonth() {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        a.rhythm(cfo, 208, 34, 20);
        assertThat(risks(a, Signal.ACTIVITY_DECLINE)).isEmpty();
        assertThat(risks(account(), Signal.ACTIVITY_DECLINE)).as("no history at all").isEmpty();
    }

    @ParameterizedTest(name = "last heard {0} days ago on a 10-day rhythm: fires={1}")
    @CsvSource({"25, false", "30, false", "31, true", "74, true"})
    void contactSilentAgainstTheContactsOwnRhythm(int lastDaysAgo, boolean fires) {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        a.rhythm(cfo, lastDaysAgo + 150, lastDaysAgo, 10);
        List<Finding> found = risks(a, Signal.CONTACT_SILENT);
        assertThat(found).hasSize(fires ? 1 : 0);
        if (fires) {
            assertThat(found.get(0).explanation()).isEqualTo("Dana Reyes (CFO) has not been heard from in "
                    + lastDaysAgo + " days; usually every 10 days.");
            assertThat(found.get(0).subjectId()).isEqualTo(cfo);
        }
    }

    @Test
    void aSlowRhythmRaisesTheSilenceThresholdAndOrdinaryContactsDoNotCount() {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        a.rhythm(cfo, 170, 50, 20); // usual gap 20 days: silent only after 50
        String user = a.contact("Pat Doe", "Analyst");
        a.rhythm(user, 300, 200, 10);
        assertThat(risks(a, Signal.CONTACT_SILENT)).isEmpty();
    }

    @Test
    void unreturnedOutreachCountsNoAnswersDeclinesAndEmailsWithoutAReply() {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        a.interaction(cfo, Kind.CALL, Direction.OUTBOUND, Outcome.NO_RESPONSE, 50, true)
                .interaction(cfo, Kind.EMAIL, Direction.OUTBOUND, Outcome.UNKNOWN, 40, true)
                .interaction(cfo, Kind.MEETING, Direction.OUTBOUND, Outcome.DECLINED, 20, false)
                .interaction(cfo, Kind.EMAIL, Direction.OUTBOUND, Outcome.UNKNOWN, 10, true)
                .interaction(cfo, Kind.EMAIL, Direction.INBOUND, Outcome.UNKNOWN, 8, true);
        List<Finding> found = risks(a, Signal.UNRETURNED_OUTREACH);
        assertThat(found).singleElement().satisfies(f -> assertThat(f.explanation())
                .startsWith("3 of 4 calls, emails and meetings in the last 60 days"));
    }

    @Test
    void outreachThatIsAnsweredOrTooRareIsNoSignal() {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        a.interaction(cfo, Kind.CALL, Direction.OUTBOUND, Outcome.NO_RESPONSE, 50, true)
                .interaction(cfo, Kind.CALL, Direction.OUTBOUND, Outcome.NO_RESPONSE, 40, true);
        assertThat(risks(a, Signal.UNRETURNED_OUTREACH)).as("two attempts are too few").isEmpty();
        a.interaction(cfo, Kind.CALL, Direction.OUTBOUND, Outcome.CONNECTED, 30, true)
                .interaction(cfo, Kind.CALL, Direction.OUTBOUND, Outcome.CONNECTED, 20, true);
        assertThat(risks(a, Signal.UNRETURNED_OUTREACH)).as("2 of 4 is under 60 %").isEmpty();
    }

    @Test
    void theOnlyEngagedKeyContactLeavingIsCritical() {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", true, false, null, 800, ContactRole.DECISION_MAKER);
        a.rhythm(cfo, 100, 20, 7);
        Assessment assessment = SCORECARD.assess(a.build(), NOW);
        Finding left = assessment.findings().stream().filter(f -> f.key().equals("KEY_CONTACT_LEFT")).findFirst()
                .orElseThrow();
        assertThat(left.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(left.explanation()).startsWith("Dana Reyes (CFO) is marked as having left; no other key contact");
        // KEY_CONTACT_LEFT 48 and SINGLE_THREADED 28: Critical by the score already (the floor on a healthy score:
        // ScoreAndLevelTest)
        assertThat(assessment.score()).isEqualTo(24);
        assertThat(assessment.level()).isEqualTo(Level.CRITICAL);
    }

    @Test
    void aKeyContactWhoseMailBouncesOrWhoWasDeletedHasLeftButOrdinaryContactsDoNotCount() {
        Accounts a = healthy();
        a.contact("Lee Chan", "Director of IT", false, false, daysAgo(12), 800);
        a.contact("Ray Moss", "COO", false, true, null, 800);
        a.contact("Pat Doe", "Analyst", true, false, null, 800);
        List<Finding> found = risks(a, Signal.KEY_CONTACT_LEFT);
        assertThat(found).extracting(Finding::severity).containsOnly(Severity.HIGH);
        assertThat(found).extracting(Finding::explanation).containsExactlyInAnyOrder(
                "Lee Chan (Director of IT) no longer receives email (bounced 12 days ago).",
                "Ray Moss (COO) was deleted from the CRM.");
    }

    @Test
    void aKeyContactWhoMovedToAnotherAccountHasLeftThisOne() {
        Accounts a = healthy();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        a.rhythm(cfo, 150, 40, 7).movedAway(cfo, 12);
        assertThat(risks(a, Signal.KEY_CONTACT_LEFT)).singleElement().satisfies(f -> {
            assertThat(f.explanation()).isEqualTo("Dana Reyes (CFO) moved to another account 12 days ago.");
            assertThat(f.subjectId()).isEqualTo(cfo);
        });
        // Before the move she was still here: a replay as of then finds no departure.
        assertThat(SCORECARD.assess(a.build(), daysAgo(20)).findings())
                .noneMatch(f -> f.key().equals("KEY_CONTACT_LEFT"));

        Accounts old = healthy();
        String vp = old.contact("Sam Lee", "CFO", ContactRole.DECISION_MAKER);
        old.movedAway(vp, 95);
        assertThat(risks(old, Signal.KEY_CONTACT_LEFT)).as("a move longer ago than the engaged window").isEmpty();
        Accounts analyst = healthy();
        analyst.movedAway(analyst.contact("Pat Doe", "Analyst"), 5);
        assertThat(risks(analyst, Signal.KEY_CONTACT_LEFT)).as("not a key contact").isEmpty();
    }

    @Test
    void executiveChangeByARetitledContactOrAnExecutiveWhoMovedIn() {
        Accounts promoted = healthy();
        promoted.retitled(promoted.contact("Jo Park", "Chief Operating Officer", false, false, null, 800),
                "VP Operations", 15);
        assertThat(risks(promoted, Signal.EXECUTIVE_CHANGE)).singleElement().satisfies(f -> assertThat(
                f.explanation()).isEqualTo("Jo Park became Chief Operating Officer 15 days ago (was VP Operations)."));
        assertThat(SCORECARD.assess(promoted.build(), daysAgo(20)).findings()).as("as of before the new title")
                .noneMatch(f -> f.key().equals("EXECUTIVE_CHANGE"));

        Accounts sideways = healthy();
        sideways.retitled(sideways.contact("Jo Park", "CEO", false, false, null, 800), "Chief Operating Officer", 15);
        assertThat(risks(sideways, Signal.EXECUTIVE_CHANGE)).as("already an executive before").isEmpty();

        Accounts arrived = healthy();
        arrived.movedIn(arrived.contact("Ana Cruz", "Chief Financial Officer", false, false, null, 800), 30);
        assertThat(risks(arrived, Signal.EXECUTIVE_CHANGE)).singleElement().satisfies(f -> assertThat(
                f.explanation()).contains("joined from another account 30 days ago"));
        assertThat(SCORECARD.assess(arrived.build(), daysAgo(40)).findings()).as("not here yet")
                .noneMatch(f -> f.key().equals("EXECUTIVE_CHANGE"));
    }

    @Test
    void singleThreadedWhenFewerThanTwoAreEngagedOrNoneIsSenior() {
        Accounts one = account();
        one.rhythm(one.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER), 80, 2, 7);
        assertThat(risks(one, Signal.SINGLE_THREADED)).singleElement()
                .satisfies(f -> assertThat(f.explanation()).startsWith("1 contact(s) engaged in the last 90 days"));

        Accounts junior = account();
        junior.rhythm(junior.contact("Pat Doe", "Analyst"), 80, 2, 7).rhythm(junior.contact("Kim Poe", "Engineer"), 80,
                2, 7);
        assertThat(risks(junior, Signal.SINGLE_THREADED)).singleElement()
                .satisfies(f -> assertThat(f.explanation()).contains("none of them a decision maker or executive"));

        assertThat(risks(healthy(), Signal.SINGLE_THREADED)).isEmpty();
        assertThat(risks(account().createdDaysAgo(20), Signal.SINGLE_THREADED)).as("a brand-new account").isEmpty();
    }

    @Test
    void noExecutiveAccessOnlyForTheStrategicSegment() {
        Accounts a = account();
        String vp = a.contact("Sam Lee", "VP Operations", ContactRole.ECONOMIC_BUYER);
        a.rhythm(vp, 200, 2, 7);
        assertThat(risks(a, Signal.NO_EXECUTIVE_ACCESS)).isEmpty();
        assertThat(risks(a.strategic(), Signal.NO_EXECUTIVE_ACCESS)).hasSize(1);
        assertThat(risks(healthy().strategic(), Signal.NO_EXECUTIVE_ACCESS)).isEmpty();
    }

    @ParameterizedTest(name = "a new CEO {0} days ago: fires={1}")
    @CsvSource({"10, true", "59, true", "61, false"})
    void executiveChangeByANewExecutiveContact(int days, boolean fires) {
        Accounts a = healthy();
        a.contact("Alex Kim", "Chief Executive Officer", false, false, null, days);
        assertThat(risks(a, Signal.EXECUTIVE_CHANGE)).hasSize(fires ? 1 : 0);
    }

    @Test
    void executiveChangeByAParentCompanyOrAChangeEvent() {
        assertThat(risks(healthy().change("Parent", null, "001000000000009AAA", 20), Signal.EXECUTIVE_CHANGE))
                .singleElement().satisfies(f -> assertThat(f.explanation()).contains("parent company changed 20 days"));
        assertThat(risks(healthy().changeEvent("Restructuring"), Signal.EXECUTIVE_CHANGE)).singleElement()
                .satisfies(f -> assertThat(f.explanation()).endsWith("Restructuring."));
    }

    @Test
    void ownerChangeWithinNinetyDaysAndAnInactiveOwnerIsCritical() {
        assertThat(risks(healthy().change("Owner", "Olivia Owner", "Nick New", 20), Signal.OWNER_CHANGE))
                .singleElement().satisfies(f -> assertThat(f.explanation())
                        .isEqualTo("The account changed owner 20 days ago from Olivia Owner to Nick New."));
        assertThat(risks(healthy().change("Owner", "A", "B", 100), Signal.OWNER_CHANGE)).isEmpty();
        var gone = risks(healthy().owner(new CrmUser(Accounts.OWNER, "Olivia Owner", null, false, Accounts.MANAGER)),
                Signal.OWNER_CHANGE);
        assertThat(gone).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void complaintsFromEscalatedHighPriorityAndLongOpenCases() {
        assertThat(risks(healthy().supportCase("Outage", false, true, false, 5), Signal.COMPLAINTS)).singleElement()
                .satisfies(f -> assertThat(f.explanation()).isEqualTo("Case 'Outage' is escalated."));
        assertThat(risks(healthy().supportCase("Slow export", false, false, false, 45), Signal.COMPLAINTS))
                .singleElement().satisfies(f -> assertThat(f.explanation()).contains("open for 45 days"));
        assertThat(risks(healthy().supportCase("Old", true, true, true, 5), Signal.COMPLAINTS)).as("closed").isEmpty();
        assertThat(risks(healthy().supportCase("Question", false, false, false, 10), Signal.COMPLAINTS)).isEmpty();
    }

    @ParameterizedTest(name = "won {0} this year against 100000 the year before: fires={1}")
    @CsvSource({"50000, true", "79999, true", "80000, false", "120000, false"})
    void revenueDeclineAgainstThePriorYear(String thisYear, boolean fires) {
        Accounts a = healthy();
        a.deal("Last year", StageClass.WON, "100000", TODAY.minusDays(500), null, 600, 500);
        a.deal("This year", StageClass.WON, thisYear, TODAY.minusDays(100), null, 200, 100);
        assertThat(risks(a, Signal.REVENUE_DECLINE)).hasSize(fires ? 1 : 0);
    }

    @Test
    void pipelineStallWhenTheCloseDateIsPushedTheAmountCutOrTheDatePassed() {
        Accounts a = healthy();
        a.deal("Expansion", StageClass.OPEN, "40000", TODAY.plusDays(30), "Call", 200, 2,
                new OpportunityChange(daysAgo(200), "Prospecting", 1, new BigDecimal("60000"), TODAY.minusDays(60)),
                new OpportunityChange(daysAgo(120), "Negotiation/Review", 8, new BigDecimal("60000"), TODAY),
                new OpportunityChange(daysAgo(30), "Negotiation/Review", 8, new BigDecimal("40000"),
                        TODAY.plusDays(30)));
        a.deal("Overdue", StageClass.OPEN, "1000", TODAY.minusDays(1), "Call", 100, 2);
        assertThat(risks(a, Signal.PIPELINE_STALL)).extracting(Finding::explanation).containsExactlyInAnyOrder(
                "Deal 'Expansion' is stalling: its close date was pushed 2 times, 90 days in all; its amount was cut"
                        + " from 60,000 to 40,000.",
                "Deal 'Overdue' is stalling: its close date 2026-06-29 has passed.");
    }

    @Test
    void aCloseDateOfTodayIsNotPastEvenJustAfterMidnightUtc() {
        Accounts a = healthy();
        a.deal("Due today", StageClass.OPEN, "1000", TODAY, "Sign", 100, 2);
        assertThat(SCORECARD.assess(a.build(), java.time.Instant.parse("2026-06-30T00:00:01Z")).findings())
                .noneMatch(f -> f.explanation().contains("Due today"));
    }

    @Test
    void lostToACompetitorWithinSixMonths() {
        assertThat(risks(healthy().lost("Platform", "90000", TODAY.minusDays(30), "Competitor"),
                Signal.LOST_TO_COMPETITOR)).hasSize(1);
        assertThat(risks(healthy().lost("Platform", "90000", TODAY.minusDays(30), "Price"),
                Signal.LOST_TO_COMPETITOR)).isEmpty();
        assertThat(risks(healthy().lost("Platform", "90000", TODAY.minusDays(200), "Competitor"),
                Signal.LOST_TO_COMPETITOR)).isEmpty();
    }

    @Test
    void aStalePlanIsAnOpenDealWithoutANextStepAndNothingScheduled() {
        Accounts a = healthy();
        a.deal("Pilot", StageClass.OPEN, "5000", TODAY.plusDays(60), null, 50, 3);
        assertThat(risks(a, Signal.STALE_PLAN)).singleElement()
                .satisfies(f -> assertThat(f.explanation()).startsWith("Deal 'Pilot' has no next step"));
        a.interaction(null, Kind.MEETING, Direction.OUTBOUND, Outcome.UNKNOWN, -5, false);
        assertThat(risks(a, Signal.STALE_PLAN)).as("a meeting is scheduled").isEmpty();
    }

    @Test
    void missingAmountsAndContactsWithoutRolesDoNotBreakAnything() {
        Accounts a = account();
        a.contact("No Role", null);
        a.deal("No amount", StageClass.WON, null, TODAY.minusDays(30), null, 100, 30);
        Assessment assessment = SCORECARD.assess(a.build(), NOW);
        assertThat(assessment.score()).isBetween(0, 100);
    }
}
