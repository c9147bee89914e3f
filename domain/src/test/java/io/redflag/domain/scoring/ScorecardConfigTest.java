package io.redflag.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every setting's check, on both sides of its limits: the bad value is refused naming its key. */
class ScorecardConfigTest {
    private static final ScorecardConfig D = ScorecardConfig.defaults();

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("version", with(D, "version", null)),
                bad("version", with(D, "version", " ")),
                bad("levels", with(D, "levels", null)),
                bad("levels", levels(101, 55, 35)),
                bad("levels", levels(75, 75, 35)),
                bad("levels", levels(75, 55, 55)),
                bad("levels", levels(75, 55, 0)),
                bad("weights.ACTIVITY_DECLINE", with(D, "weights", null)),
                bad("weights.COMPLAINTS", weight(null)),
                bad("weights.COMPLAINTS.points", weight(new ScorecardConfig.Weight(-1, 40, Severity.LOW))),
                bad("weights.COMPLAINTS.points", weight(new ScorecardConfig.Weight(101, 101, Severity.LOW))),
                bad("weights.COMPLAINTS.cap", weight(new ScorecardConfig.Weight(12, 11, Severity.LOW))),
                bad("weights.COMPLAINTS.cap", weight(new ScorecardConfig.Weight(12, 101, Severity.LOW))),
                bad("weights.COMPLAINTS.severity", weight(new ScorecardConfig.Weight(12, 40, null))),
                bad("rules", with(D, "rules", null)),
                bad("rules.activityDeclineRatio", rule("activityDeclineRatio", 0.0)),
                bad("rules.activityDeclineRatio", rule("activityDeclineRatio", 1.0)),
                bad("rules.outreachUnansweredShare", rule("outreachUnansweredShare", 0.0)),
                bad("rules.outreachUnansweredShare", rule("outreachUnansweredShare", 1.01)),
                bad("rules.replyLoggingShare", rule("replyLoggingShare", 0.0)),
                bad("rules.replyLoggingShare", rule("replyLoggingShare", 1.01)),
                bad("rules.revenueWindowMonths", rule("revenueWindowMonths", 0)),
                bad("rules.revenueWindowMonths", rule("revenueWindowMonths", 61)),
                bad("rules.revenueHistoryMonths", rule("revenueHistoryMonths", 12)),
                bad("rules.revenueHistoryMonths", rule("revenueHistoryMonths", 121)),
                bad("rules.pipelineHorizonMonths", rule("pipelineHorizonMonths", 0)),
                bad("rules.pipelineHorizonMonths", rule("pipelineHorizonMonths", 37)),
                bad("rules.pipelineCoverageRatio", rule("pipelineCoverageRatio", 0.0)),
                bad("rules.pipelineCoverageRatio", rule("pipelineCoverageRatio", 5.01)),
                bad("rules.revenueDeclineRatio", rule("revenueDeclineRatio", 0.0)),
                bad("rules.revenueDeclineRatio", rule("revenueDeclineRatio", 1.0)),
                bad("rules.silenceMultiplier", rule("silenceMultiplier", 0.99)),
                bad("rules.activityWindowDays", rule("activityWindowDays", 0)),
                bad("rules.newContactDays", rule("newContactDays", 3651)),
                bad("strategicMultiplier", with(D, "strategicMultiplier", 0.99)),
                bad("strategicMultiplier", with(D, "strategicMultiplier", 3.01)),
                bad("positiveCap", with(D, "positiveCap", -1)),
                bad("positiveCap", with(D, "positiveCap", 51)),
                bad("minimumLoggingPerAccount", with(D, "minimumLoggingPerAccount", -0.01)),
                bad("minimumCoverage", with(D, "minimumCoverage", -0.01)),
                bad("minimumCoverage", with(D, "minimumCoverage", 1.01)),
                bad("executiveTitles", with(D, "executiveTitles", null)),
                bad("keyContactTitles", with(D, "keyContactTitles", null)),
                bad("keyContactTitles", with(D, "keyContactTitles", List.of("(VP"))),
                bad("competitiveLossReasons", with(D, "competitiveLossReasons", null)),
                bad("followUps", with(D, "followUps", null)),
                bad("followUps.perOwnerPerWeek", followUps("perOwnerPerWeek", -1)),
                bad("followUps.cooldownDays", followUps("cooldownDays", -1)),
                bad("followUps.overCap", followUps("overCap", "sometimes")),
                bad("followUps.overCap", followUps("overCap", null)),
                bad("followUps.playbooks.ACTIVITY_DECLINE", followUps("playbooks", null)),
                bad("followUps.playbooks.STALE_PLAN", playbook(null)),
                bad("followUps.playbooks.STALE_PLAN.subject", playbook(book(null, "Low", 7))),
                bad("followUps.playbooks.STALE_PLAN.subject", playbook(book(" ", "Low", 7))),
                bad("followUps.playbooks.STALE_PLAN.subject", playbook(book("x".repeat(201), "Low", 7))),
                bad("followUps.playbooks.STALE_PLAN.priority", playbook(book("Plan", "Urgent", 7))),
                bad("followUps.playbooks.STALE_PLAN.dueInDays", playbook(book("Plan", "Low", -1))),
                bad("followUps.playbooks.STALE_PLAN.dueInDays", playbook(book("Plan", "Low", 366))));
    }

    @Test
    void everyBadSettingIsReportedAtOnceAndAMissingGroupIsOneProblem() {
        ScorecardConfig config = with(with(with(D, "levels", new ScorecardConfig.Levels(50, 60, 35)), "rules", null),
                "positiveCap", 51);
        assertThatThrownBy(config::validate).isInstanceOfSatisfying(ScorecardConfigException.class,
                e -> assertThat(e.problems()).extracting(ScorecardConfigException.Problem::key)
                        .containsExactly("levels", "positiveCap", "rules"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void aBadSettingIsRefusedNamingItsKey(String key, ScorecardConfig config) {
        assertThatThrownBy(config::validate).isInstanceOfSatisfying(ScorecardConfigException.class,
                e -> assertThat(e.key()).isEqualTo(key)).hasMessageStartingWith("scorecard setting " + key + " = ");
    }

    static Stream<Arguments> settingsAtTheirLimits() {
        return Stream.of(
                ok("levels 100 > 2 > 1", levels(100, 2, 1)),
                ok("a weight of 0 points", weight(new ScorecardConfig.Weight(0, 0, Severity.LOW))),
                ok("a weight of 100 points, capped at 100", weight(new ScorecardConfig.Weight(100, 100, Severity.LOW))),
                ok("activityDeclineRatio 0.99", rule("activityDeclineRatio", 0.99)),
                ok("outreachUnansweredShare 1", rule("outreachUnansweredShare", 1.0)),
                ok("replyLoggingShare 0.01", rule("replyLoggingShare", 0.01)),
                ok("replyLoggingShare 1", rule("replyLoggingShare", 1.0)),
                ok("revenueWindowMonths 1", rule("revenueWindowMonths", 1)),
                ok("revenueHistoryMonths 13, one more than the window", rule("revenueHistoryMonths", 13)),
                ok("revenueHistoryMonths 120", rule("revenueHistoryMonths", 120)),
                ok("pipelineHorizonMonths 1", rule("pipelineHorizonMonths", 1)),
                ok("pipelineHorizonMonths 36", rule("pipelineHorizonMonths", 36)),
                ok("pipelineCoverageRatio 5", rule("pipelineCoverageRatio", 5.0)),
                ok("revenueDeclineRatio 0.01", rule("revenueDeclineRatio", 0.01)),
                ok("silenceMultiplier 1", rule("silenceMultiplier", 1.0)),
                ok("a window of 1 day", rule("activityWindowDays", 1)),
                ok("a window of 3650 days", rule("newContactDays", 3650)),
                ok("strategicMultiplier 1", with(D, "strategicMultiplier", 1.0)),
                ok("strategicMultiplier 3", with(D, "strategicMultiplier", 3.0)),
                ok("positiveCap 0", with(D, "positiveCap", 0)),
                ok("positiveCap 50", with(D, "positiveCap", 50)),
                ok("minimumLoggingPerAccount 0", with(D, "minimumLoggingPerAccount", 0.0)),
                ok("minimumCoverage 0 (never Unknown)", with(D, "minimumCoverage", 0.0)),
                ok("minimumCoverage 1 (every signal needs its inputs)", with(D, "minimumCoverage", 1.0)),
                ok("perOwnerPerWeek 0", followUps("perOwnerPerWeek", 0)),
                ok("cooldownDays 0", followUps("cooldownDays", 0)),
                ok("overCap replace", followUps("overCap", "replace")),
                ok("a subject of 200 characters", playbook(book("x".repeat(200), "Low", 7))),
                ok("due the same day", playbook(book("Plan", "Normal", 0))),
                ok("due in 365 days", playbook(book("Plan", "High", 365))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingsAtTheirLimits")
    void aSettingAtItsLimitIsAccepted(String name, ScorecardConfig config) {
        assertThat(config.validate()).isSameAs(config);
    }

    private static Arguments bad(String key, ScorecardConfig config) {
        return Arguments.of(key, config);
    }

    private static Arguments ok(String name, ScorecardConfig config) {
        return Arguments.of(name, config);
    }

    private static ScorecardConfig levels(int healthy, int watch, int atRisk) {
        return with(D, "levels", new ScorecardConfig.Levels(healthy, watch, atRisk));
    }

    private static ScorecardConfig weight(ScorecardConfig.Weight w) {
        Map<Signal, ScorecardConfig.Weight> weights = new EnumMap<>(D.weights());
        weights.put(Signal.COMPLAINTS, w);
        return with(D, "weights", weights);
    }

    private static ScorecardConfig rule(String name, Object value) {
        return with(D, "rules", with(D.rules(), name, value));
    }

    private static ScorecardConfig followUps(String name, Object value) {
        return with(D, "followUps", with(D.followUps(), name, value));
    }

    private static ScorecardConfig playbook(ScorecardConfig.Playbook p) {
        Map<Signal, ScorecardConfig.Playbook> books = new EnumMap<>(D.followUps().playbooks());
        books.put(Signal.STALE_PLAN, p);
        return followUps("playbooks", books);
    }

    private static ScorecardConfig.Playbook book(String subject, String priority, int due) {
        return new ScorecardConfig.Playbook(subject, "Do it.", priority, due);
    }

    /** A copy of the record with one component replaced. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String component, Object value) {
        try {
            RecordComponent[] parts = record.getClass().getRecordComponents();
            List<Object> values = new ArrayList<>();
            for (RecordComponent c : parts) {
                values.add(c.getName().equals(component) ? value : c.getAccessor().invoke(record));
            }
            if (!Arrays.stream(parts).anyMatch(c -> c.getName().equals(component))) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no " + component);
            }
            var types = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
            var constructor = record.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return (R) constructor.newInstance(values.toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
