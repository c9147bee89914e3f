package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static io.redflag.domain.scoring.Accounts.account;
import static io.redflag.domain.scoring.Accounts.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.OpportunityChange;
import io.redflag.domain.model.StageClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evidence coverage: which signals had the inputs they need (activity logging, contacts with roles or titles,
 * 24 months of revenue, field history); below minimumCoverage (default 60 %) an account without risks is
 * Unknown, not Healthy; findings not counted are explained apart, never as reasons.
 */
class CoverageTest {
    private static final Scorecard SCORECARD = new Scorecard(ScorecardConfig.defaults());
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    /** Contacts as a fixture gives them: with titles and roles, or bare names. */
    private enum People { DESCRIBED, BARE }

    /** A strategic account with every input: logged activity, described contacts, deals over 29 months with history. */
    private static Accounts evidenced(People people) {
        Accounts a = account().strategic();
        String cfo = people == People.DESCRIBED ? a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER)
                : a.contact("Dana Reyes", null);
        String vp = people == People.DESCRIBED ? a.contact("Sam Lee", "VP Operations", ContactRole.ECONOMIC_BUYER)
                : a.contact("Sam Lee", null);
        a.rhythm(cfo, 210, 3, 7).rhythm(vp, 207, 4, 7);
        won(a, "First order", 880, 850, true);
        won(a, "Renewal 2025", 430, 400, true);
        won(a, "Renewal 2026", 130, 100, true);
        a.deal("Expansion", StageClass.OPEN, "50000", TODAY.plusDays(40), "Send proposal", 60, 2,
                new OpportunityChange(daysAgo(60), "Qualification", 2, new BigDecimal("50000"), TODAY.plusDays(40)));
        return a;
    }

    private static void won(Accounts a, String name, int createdDaysAgo, int closedDaysAgo, boolean withHistory) {
        LocalDate close = TODAY.minusDays(closedDaysAgo);
        OpportunityChange[] history = withHistory ? new OpportunityChange[] {new OpportunityChange(
                daysAgo(createdDaysAgo), "Qualification", 2, new BigDecimal("100000"), close)}
                : new OpportunityChange[0];
        a.deal(name, StageClass.WON, "100000", close, null, createdDaysAgo, closedDaysAgo, history);
    }

    /** The org: the CRM holds opportunities, but the owner logs little and contacts are bare names. */
    private static Accounts opportunitiesButLittleActivity() {
        Accounts a = account().strategic().ownerLogging(5, 40);
        a.contact("Dana Reyes", null);
        a.contact("Sam Lee", null);
        won(a, "First order", 880, 850, true);
        won(a, "Renewal 2025", 430, 400, true);
        won(a, "Renewal 2026", 130, 100, true);
        a.deal("Expansion", StageClass.OPEN, "50000", TODAY.plusDays(40), "Send proposal", 60, 2);
        return a;
    }

    static Stream<Arguments> missingInputs() {
        return Stream.of(
                row("every input present", () -> evidenced(People.DESCRIBED), "", 100, Level.HEALTHY),
                row("the owner logs 5 interactions in 90 days across 40 accounts",
                        () -> evidenced(People.DESCRIBED).ownerLogging(5, 40),
                        "ACTIVITY_DECLINE CONTACT_SILENT UNRETURNED_OUTREACH SINGLE_THREADED NO_EXECUTIVE_ACCESS"
                                + " STALE_PLAN", 57, Level.UNKNOWN),
                row("how much the owner logs is unknown", () -> evidenced(People.DESCRIBED).ownerLogging(0, 0),
                        "ACTIVITY_DECLINE CONTACT_SILENT UNRETURNED_OUTREACH SINGLE_THREADED NO_EXECUTIVE_ACCESS"
                                + " STALE_PLAN", 57, Level.UNKNOWN),
                row("contacts without roles or titles", () -> evidenced(People.BARE),
                        "CONTACT_SILENT KEY_CONTACT_LEFT SINGLE_THREADED NO_EXECUTIVE_ACCESS EXECUTIVE_CHANGE", 64,
                        Level.HEALTHY),
                row("deals only from the last 15 months", () -> {
                    Accounts a = account().strategic();
                    String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
                    String vp = a.contact("Sam Lee", "VP Operations", ContactRole.ECONOMIC_BUYER);
                    a.rhythm(cfo, 210, 3, 7).rhythm(vp, 207, 4, 7);
                    won(a, "First order", 450, 400, true);
                    won(a, "Renewal", 130, 100, true);
                    a.deal("Renewal 2027", StageClass.OPEN, "100000", TODAY.plusDays(90), "Send quote", 30, 2,
                            new OpportunityChange(daysAgo(30), "Qualification", 2, new BigDecimal("100000"),
                                    TODAY.plusDays(90)));
                    return a;
                }, "REVENUE_DECLINE", 92, Level.HEALTHY),
                row("no field history", () -> {
                    Accounts a = account().strategic();
                    String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
                    String vp = a.contact("Sam Lee", "VP Operations", ContactRole.ECONOMIC_BUYER);
                    a.rhythm(cfo, 210, 3, 7).rhythm(vp, 207, 4, 7);
                    won(a, "First order", 880, 850, false);
                    won(a, "Renewal 2025", 430, 400, false);
                    won(a, "Renewal 2026", 130, 100, false);
                    a.deal("Renewal 2027", StageClass.OPEN, "100000", TODAY.plusDays(90), "Send quote", 30, 2);
                    return a;
                }, "OWNER_CHANGE PIPELINE_STALL", 85, Level.HEALTHY),
                row("opportunities but little activity, bare contacts", CoverageTest::opportunitiesButLittleActivity,
                        "ACTIVITY_DECLINE CONTACT_SILENT UNRETURNED_OUTREACH KEY_CONTACT_LEFT SINGLE_THREADED"
                                + " NO_EXECUTIVE_ACCESS EXECUTIVE_CHANGE STALE_PLAN", 42, Level.UNKNOWN),
                row("the same account outside the strategic segment (no executive access asked)",
                        () -> opportunitiesButLittleActivity().notStrategic(), "ACTIVITY_DECLINE CONTACT_SILENT UNRETURNED_OUTREACH KEY_CONTACT_LEFT SINGLE_THREADED"
                        + " EXECUTIVE_CHANGE STALE_PLAN", 46, Level.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}: uncovered [{2}], {3} %, {4}")
    @MethodSource("missingInputs")
    void eachMissingInputLeavesTheSignalsThatNeedItUncovered(String name, Supplier<Accounts> account,
            String uncovered, int percent, Level level) {
        Assessment a = SCORECARD.assess(account.get().build(), NOW);
        Map<Signal, Set<Evidence>> expected = new EnumMap<>(Signal.class);
        Arrays.stream(uncovered.split(" ")).filter(s -> !s.isEmpty()).map(Signal::valueOf).forEach(s -> {
            Set<Evidence> lacks = EnumSet.copyOf(s.needs());
            lacks.removeAll(a.coverage().present());
            expected.put(s, lacks);
        });
        assertThat(a.coverage().uncovered()).as(name).isEqualTo(expected);
        assertThat(expected.values()).as("each uncovered signal lacks an input").allMatch(l -> !l.isEmpty());
        assertThat(a.coverage().percent()).isEqualTo(percent);
        assertThat(a.level()).isEqualTo(level);
        assertThat(a.risks()).as("no risk counts in these accounts").isEmpty();
    }

    @Test
    void opportunitiesButLittleActivityIsUnknownWithNoReasonAndEverySkippedFindingExplained() {
        Assessment a = SCORECARD.assess(opportunitiesButLittleActivity().build(), NOW);
        assertThat(a.score()).isEqualTo(100);
        assertThat(a.level()).isEqualTo(Level.UNKNOWN);
        assertThat(a.topReasons(5)).as("Risk_Reasons__c holds risks only").isEmpty();
        assertThat(a.notCounted()).extracting(Finding::key).containsExactly("NO_EXECUTIVE_ACCESS", "SINGLE_THREADED");
        assertThat(a.notCounted()).allSatisfy(f -> assertThat(f.explanation()).startsWith("Not counted as risk: the"
                + " owner logged 5 interactions in 90 days across 40 accounts"));
        assertThat(a.coverage().missing()).containsExactly(Evidence.ACTIVITY_LOGGING, Evidence.CONTACT_ROLES);
        assertThat(a.coverage().explanation()).isEqualTo("6 of 14 signals had the inputs they need (42 %); missing:"
                + " activity logging, contacts with roles or titles.");
    }

    @Test
    void findingsThatRestOnAMissingRoleOrTitleAreNotCounted() {
        // Logged activity with two bare contacts: "none of them a decision maker or executive" is the CRM's gap.
        Assessment a = SCORECARD.assess(evidenced(People.BARE).build(), NOW);
        assertThat(a.notCounted()).extracting(Finding::key).containsExactly("NO_EXECUTIVE_ACCESS", "SINGLE_THREADED");
        assertThat(a.notCounted().get(1).explanation()).isEqualTo("Not counted as risk: no contact of the account has"
                + " a role or a title, so its key contacts cannot be told (2 contacts engaged in the last 90 days,"
                + " none of them a decision maker or executive.)");
        assertThat(a.score()).isEqualTo(100);
    }

    @ParameterizedTest(name = "minimumCoverage {0}: {1}")
    @CsvSource({"0.64, HEALTHY", "0.65, UNKNOWN", "0, HEALTHY", "1, UNKNOWN"})
    void bothSidesOfTheMinimumCoverage(double minimum, Level level) {
        // 9 of 14 signals covered: 0.643
        Scorecard scorecard = new Scorecard(ScorecardConfigTest.with(ScorecardConfig.defaults(), "minimumCoverage",
                minimum));
        assertThat(scorecard.assess(evidenced(People.BARE).build(), NOW).level()).isEqualTo(level);
    }

    @Test
    void aRiskKeepsItsLevelWhateverTheCoverage() {
        // LOST_TO_COMPETITOR rests on a lost deal, not on an absence: it counts and is covered without logging.
        Accounts a = opportunitiesButLittleActivity().lost("Telematics", "80000", TODAY.minusDays(40), "Competitor");
        Assessment assessment = SCORECARD.assess(a.build(), NOW);
        assertThat(assessment.risks()).extracting(Finding::key).containsExactly("LOST_TO_COMPETITOR");
        assertThat(assessment.score()).isEqualTo(68); // 100 - 28 x 1.25 + 3 (brought in early on a deal)
        assertThat(assessment.level()).isEqualTo(Level.WATCH);
        assertThat(assessment.coverage().covered()).contains(Signal.LOST_TO_COMPETITOR);
    }

    @Test
    void aSignalThatFindsARiskWithoutItsInputsHadEnoughToSpeak() {
        // The parent company changed: EXECUTIVE_CHANGE speaks although no contact has a role or a title.
        Accounts a = opportunitiesButLittleActivity().change("Parent", "001A", "001B", 20);
        Assessment assessment = SCORECARD.assess(a.build(), NOW);
        assertThat(assessment.risks()).extracting(Finding::key).containsExactly("EXECUTIVE_CHANGE");
        assertThat(assessment.coverage().covered()).contains(Signal.EXECUTIVE_CHANGE);
        assertThat(assessment.coverage().uncovered()).doesNotContainKey(Signal.EXECUTIVE_CHANGE);
    }

    private static Arguments row(String name, Supplier<Accounts> account, String uncovered, int percent,
            Level level) {
        return Arguments.of(name, account, uncovered, percent, level);
    }
}
