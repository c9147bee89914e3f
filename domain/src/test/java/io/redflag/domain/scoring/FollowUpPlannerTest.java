package io.redflag.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.model.CrmUser;
import io.redflag.domain.scoring.FollowUpPlanner.CountedTask;
import io.redflag.domain.scoring.FollowUpPlanner.Existing;
import io.redflag.domain.scoring.FollowUpPlanner.Plan;
import io.redflag.domain.scoring.FollowUpPlanner.Replacement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Severity over the weekly cap: with {@code overCap: replace} a HIGH or CRITICAL finding on a key account whose
 * assignee's week is full takes the place of one untouched, open, LOW or MEDIUM task of Redflag's from the last 7
 * days (the lowest severity, then the newest); with {@code always}, or when no task can give way, it gets its task
 * on top of the cap. The cap here is 2.
 */
class FollowUpPlannerTest {
    private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");
    private static final String REP = "005000000000001AAA";
    private static final String OTHER_REP = "005000000000003AAA";
    private static final String ACCOUNT = "001000000000001AAA";
    private static final String SECOND_ACCOUNT = "001000000000002AAA";
    private static final String DANA = "003000000000001AAA";

    @Test
    void aCriticalFindingOverTheCapReplacesTheLowestThenNewestUntouchedTaskAndTheWeekStaysAtTheCap() {
        List<CountedTask> week = List.of(
                task("COMPLAINTS:001000000000007AAA", Severity.MEDIUM, 1),
                task("STALE_PLAN:001000000000008AAA:006000000000001AAA", Severity.LOW, 3),
                task("STALE_PLAN:001000000000009AAA:006000000000002AAA", Severity.LOW, 1));

        Plan plan = plan("replace", week, keyContactLeft(ACCOUNT, Severity.CRITICAL));

        String critical = "KEY_CONTACT_LEFT:" + ACCOUNT + ":" + DANA;
        assertThat(plan.tasks()).extracting(FollowUp::key).containsExactly(critical);
        assertThat(plan.replacements()).containsExactly(new Replacement(
                "STALE_PLAN:001000000000009AAA:006000000000002AAA",
                "00T-STALE_PLAN:001000000000009AAA:006000000000002AAA",
                Severity.LOW, critical));
        assertThat(week.size() + plan.tasks().size() - plan.replacements().size()).as("the week's tasks afterwards")
                .isEqualTo(week.size());
    }

    @Test
    void alwaysGivesTheSevereFindingItsTaskOnTopAndReplacesNothing() {
        Plan plan = plan("always", List.of(task("STALE_PLAN:001000000000009AAA", Severity.LOW, 1),
                task("COMPLAINTS:001000000000007AAA", Severity.MEDIUM, 1)), keyContactLeft(ACCOUNT, Severity.HIGH));

        assertThat(plan.tasks()).extracting(FollowUp::severity).containsExactly(Severity.HIGH);
        assertThat(plan.replacements()).isEmpty();
    }

    static Stream<Arguments> tasksThatNeverGiveWay() {
        return Stream.of(
                Arguments.of("touched by the rep", new CountedTask("STALE_PLAN:a", "00T1", REP, Severity.LOW,
                        NOW.minus(Duration.ofDays(1)), true, false), Severity.CRITICAL),
                Arguments.of("closed", new CountedTask("STALE_PLAN:a", "00T1", REP, Severity.LOW,
                        NOW.minus(Duration.ofDays(1)), false, true), Severity.CRITICAL),
                Arguments.of("as severe as the finding", task("OWNER_CHANGE:a", Severity.HIGH, 1), Severity.HIGH),
                Arguments.of("HIGH, which always gets its task", task("OWNER_CHANGE:a", Severity.HIGH, 1),
                        Severity.CRITICAL),
                Arguments.of("of unknown severity", task("STALE_PLAN:a", null, 1), Severity.CRITICAL),
                Arguments.of("made before the week the cap counts", task("STALE_PLAN:a", Severity.LOW, 8),
                        Severity.CRITICAL),
                Arguments.of("another assignee's", new CountedTask("STALE_PLAN:a", "00T1", OTHER_REP, Severity.LOW,
                        NOW.minus(Duration.ofDays(1)), true, true), Severity.CRITICAL),
                Arguments.of("not in the CRM yet (no id)", new CountedTask("STALE_PLAN:a", null, REP, Severity.LOW,
                        NOW.minus(Duration.ofDays(1)), true, true), Severity.CRITICAL));
    }

    @ParameterizedTest(name = "a task {0}")
    @MethodSource("tasksThatNeverGiveWay")
    void whenNothingCanBeReplacedTheSevereFindingStillGetsItsTask(String why, CountedTask only, Severity severity) {
        CountedTask second = new CountedTask("COMPLAINTS:b", "00T2", REP, Severity.MEDIUM,
                NOW.minus(Duration.ofDays(1)), true, false); // touched too: the week holds nothing else to give
        Plan plan = plan("replace", List.of(only, second), keyContactLeft(ACCOUNT, severity));

        assertThat(plan.tasks()).extracting(FollowUp::severity).containsExactly(severity);
        assertThat(plan.replacements()).isEmpty();
    }

    @Test
    void twoSevereFindingsReplaceTwoDifferentTasksAndAThirdGetsItsTaskOnTop() {
        List<CountedTask> week = List.of(task("STALE_PLAN:x", Severity.LOW, 2),
                task("CONTACT_SILENT:y", Severity.MEDIUM, 2));

        Plan plan = plan("replace", week, keyContactLeft(ACCOUNT, Severity.CRITICAL),
                keyContactLeft(SECOND_ACCOUNT, Severity.HIGH), revenueDecline(ACCOUNT));

        assertThat(plan.tasks()).hasSize(3);
        assertThat(plan.replacements()).extracting(Replacement::replacedKey)
                .containsExactly("STALE_PLAN:x", "CONTACT_SILENT:y");
        assertThat(plan.replacements()).extracting(Replacement::byKey).doesNotHaveDuplicates();
        assertThat(plan.heldBack()).isEmpty();
    }

    @Test
    void underTheCapASevereFindingTakesAFreePlaceAndALowOneOverTheCapIsHeldBackNotReplacing() {
        List<CountedTask> week = List.of(task("STALE_PLAN:x", Severity.LOW, 2));
        Plan roomy = new FollowUpPlanner(config("replace")).plan(List.of(keyContactLeft(ACCOUNT, Severity.HIGH)),
                Map.of(), owners(keyContactLeft(ACCOUNT, Severity.HIGH)), Map.of(), new Existing(new HashSet<>(),
                        new HashMap<>(), new HashMap<>(Map.of(REP, 1)), week), NOW);
        assertThat(roomy.tasks()).hasSize(1);
        assertThat(roomy.replacements()).as("one place was free").isEmpty();

        List<CountedTask> full = List.of(task("STALE_PLAN:x", Severity.LOW, 2), task("STALE_PLAN:z", Severity.LOW, 1));
        Plan medium = plan("replace", full, assessment(SECOND_ACCOUNT, new Finding("COMPLAINTS", Finding.Kind.RISK,
                Severity.MEDIUM, 12, "2 escalated cases are open", List.of("500000000000001AAA"), null)));
        assertThat(medium.tasks()).isEmpty();
        assertThat(medium.heldBack()).extracting(FollowUp::severity).containsExactly(Severity.MEDIUM);
        assertThat(medium.replacements()).isEmpty();
    }

    @Test
    void aSevereFindingOnAnAccountThatIsNotKeyIsCappedAndReplacesNothing() {
        var config = config("replace");
        config = new ScorecardConfig(config.version(), config.levels(), config.weights(), config.rules(),
                config.strategicMultiplier(), config.positiveCap(), config.minimumLoggingPerAccount(),
                config.minimumCoverage(), config.executiveTitles(), config.keyContactTitles(),
                config.competitiveLossReasons(), new ScorecardConfig.FollowUps(false, 2, "replace", 30,
                        config.followUps().playbooks()));
        Assessment notKey = assessment(ACCOUNT, finding(Severity.CRITICAL));
        notKey = new Assessment(notKey.accountId(), notKey.asOf(), notKey.score(), notKey.level(), notKey.findings(),
                notKey.positives(), false, false, "v", "h", null, null);
        List<CountedTask> week = List.of(task("STALE_PLAN:x", Severity.LOW, 2), task("STALE_PLAN:z", Severity.LOW, 1));

        Plan plan = new FollowUpPlanner(config).plan(List.of(notKey), Map.of(), owners(notKey), Map.of(),
                existing(week), NOW);

        assertThat(plan.heldBack()).extracting(FollowUp::severity).containsExactly(Severity.CRITICAL);
        assertThat(plan.replacements()).isEmpty();
    }

    private static Plan plan(String overCap, List<CountedTask> week, Assessment... assessments) {
        return new FollowUpPlanner(config(overCap)).plan(List.of(assessments), Map.of(), owners(assessments),
                Map.of(), existing(week), NOW);
    }

    /** The facts as the CRM gives them: the week's open tasks are open keys, and each counts towards the cap. */
    private static Existing existing(List<CountedTask> week) {
        Map<String, Integer> counted = new HashMap<>();
        var open = new HashSet<String>();
        for (CountedTask t : week) {
            if (!t.createdAt().isBefore(NOW.minus(Duration.ofDays(7)))) {
                counted.merge(t.assigneeId(), 1, Integer::sum);
            }
            if (t.open()) {
                open.add(t.key());
            }
        }
        counted.putIfAbsent(REP, 0);
        // The cap of 2 is full for the rep whatever the table's tasks: the others' weeks fill it.
        counted.put(REP, Math.max(2, counted.get(REP)));
        return new Existing(open, new HashMap<>(), counted, new ArrayList<>(week));
    }

    private static ScorecardConfig config(String overCap) {
        ScorecardConfig d = ScorecardConfig.defaults();
        return new ScorecardConfig(d.version(), d.levels(), d.weights(), d.rules(), d.strategicMultiplier(),
                d.positiveCap(), d.minimumLoggingPerAccount(), d.minimumCoverage(), d.executiveTitles(),
                d.keyContactTitles(), d.competitiveLossReasons(), new ScorecardConfig.FollowUps(true, 2, overCap, 30,
                        d.followUps().playbooks())).validate();
    }

    /** An untouched open task of the rep's, made {@code daysAgo} days ago. */
    private static CountedTask task(String key, Severity severity, int daysAgo) {
        return new CountedTask(key, "00T-" + key, REP, severity, NOW.minus(Duration.ofDays(daysAgo)), true, true);
    }

    private static Assessment keyContactLeft(String account, Severity severity) {
        return assessment(account, finding(severity));
    }

    private static Finding finding(Severity severity) {
        return new Finding("KEY_CONTACT_LEFT", Finding.Kind.RISK, severity, 48,
                "Dana Reyes (CFO) is marked as having left", List.of(DANA), DANA);
    }

    private static Assessment revenueDecline(String account) {
        return assessment(account, new Finding("REVENUE_DECLINE", Finding.Kind.RISK, Severity.HIGH, 32,
                "Won revenue fell to 60% of the year before", List.of(), null));
    }

    private static Assessment assessment(String account, Finding finding) {
        return new Assessment(account, NOW, 30, Level.CRITICAL, List.of(finding), List.of(), true, true, "v", "h",
                null, null);
    }

    private static Map<String, CrmUser> owners(Assessment... assessments) {
        Map<String, CrmUser> owners = new HashMap<>();
        for (Assessment a : assessments) {
            owners.put(a.accountId(), new CrmUser(REP, "Riley Rep", null, true, null));
        }
        return owners;
    }
}
