package io.redflag.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.redflag.domain.scoring.Level;
import io.redflag.domain.scoring.Scorecard;
import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.domain.scoring.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's figures on a case small enough to count by hand: three accounts on three as-of days, 180 days of
 * horizon. X goes Watch, At Risk, Critical and loses a deal on 2026-04-15; Y is healthy but for one Watch and has
 * no outcome; Z is Unknown, then Healthy, and stops buying on 2026-05-01, which only the first baseline saw coming.
 */
class MetricsTest {
    private static final LocalDate D1 = LocalDate.parse("2026-01-01");
    private static final LocalDate D2 = LocalDate.parse("2026-02-01");
    private static final LocalDate D3 = LocalDate.parse("2026-03-01");
    private static final Outcomes.Result LOST = result(Outcomes.Kind.LOST_DEAL, "2026-04-15");
    private static final Outcomes.Result LAPSED = result(Outcomes.Kind.NO_WON_BUSINESS, "2026-05-01");
    private static final Outcomes.Result NONE = new Outcomes.Result(Set.of(), null, List.of());

    private static final List<Observation> OBSERVATIONS = List.of(
            o("X", D1, Level.WATCH, 60, EnumSet.of(Signal.CONTACT_SILENT), false, LOST),
            o("X", D2, Level.AT_RISK, 40, EnumSet.of(Signal.CONTACT_SILENT, Signal.SINGLE_THREADED), false, LOST),
            o("X", D3, Level.CRITICAL, 20, EnumSet.of(Signal.CONTACT_SILENT, Signal.SINGLE_THREADED), false, LOST),
            o("Y", D1, Level.HEALTHY, 90, EnumSet.noneOf(Signal.class), false, NONE),
            o("Y", D2, Level.WATCH, 70, EnumSet.of(Signal.STALE_PLAN), true, NONE),
            o("Y", D3, Level.HEALTHY, 85, EnumSet.noneOf(Signal.class), false, NONE),
            o("Z", D1, Level.UNKNOWN, 100, EnumSet.noneOf(Signal.class), true, LAPSED),
            o("Z", D2, Level.HEALTHY, 80, EnumSet.noneOf(Signal.class), false, LAPSED),
            o("Z", D3, Level.HEALTHY, 80, EnumSet.noneOf(Signal.class), false, LAPSED));

    private final Metrics metrics = new Metrics(OBSERVATIONS, 180);
    private final BacktestReport.Model card = metrics.scorecard(0, "default-1",
            new Scorecard(ScorecardConfig.defaults()));

    @Test
    void theBaseRateIsTheShareOfObservationsWithAnOutcome() {
        assertThat(metrics.positives()).isEqualTo(6);
        assertThat(metrics.baseRate()).isCloseTo(6 / 9.0, within(1e-12));
        assertThat(metrics.outcomesByKind()).containsExactly(java.util.Map.entry("REVENUE_DROP", 0),
                java.util.Map.entry("LOST_DEAL", 3), java.util.Map.entry("FORMER_CUSTOMER", 0),
                java.util.Map.entry("NO_WON_BUSINESS", 3));
    }

    @Test
    void eachLevelHasItsObservationsAndOutcomeRate() {
        assertThat(card.levels()).containsExactly(
                new BacktestReport.LevelRate("Healthy", 4, 2, 0.5),
                new BacktestReport.LevelRate("Watch", 2, 1, 0.5),
                new BacktestReport.LevelRate("At Risk", 1, 1, 1.0),
                new BacktestReport.LevelRate("Critical", 1, 1, 1.0),
                new BacktestReport.LevelRate("Unknown", 1, 1, 1.0));
    }

    @Test
    void precisionAndRecallCountALevelOrWorseAndNeverUnknown() {
        assertThat(card.thresholds()).containsExactly(
                new BacktestReport.Threshold("Watch or worse", 4, 3, 0.75, 0.5),
                new BacktestReport.Threshold("At Risk or worse", 2, 2, 1.0, 2 / 6.0),
                new BacktestReport.Threshold("Critical or worse", 1, 1, 1.0, 1 / 6.0));
    }

    @Test
    void leadTimeRunsFromTheFirstAtRiskWithinTheHorizonToTheOutcome() {
        // X: At Risk on 1 February, the deal lost on 15 April: 73 days. Z: never At Risk.
        assertThat(card.leadTime()).isEqualTo(new BacktestReport.LeadTime(2, 1, 73.0, 73.0, List.of(0, 0, 1)));
    }

    @Test
    void calibrationGivesTheOutcomeRateOfEachScoreBand() {
        assertThat(card.calibration()).containsExactly(
                new BacktestReport.Band(0, 9, 0, 0, 0), new BacktestReport.Band(10, 19, 0, 0, 0),
                new BacktestReport.Band(20, 29, 1, 1, 1), new BacktestReport.Band(30, 39, 0, 0, 0),
                new BacktestReport.Band(40, 49, 1, 1, 1), new BacktestReport.Band(50, 59, 0, 0, 0),
                new BacktestReport.Band(60, 69, 1, 1, 1), new BacktestReport.Band(70, 79, 1, 0, 0),
                new BacktestReport.Band(80, 89, 3, 2, 2 / 3.0), new BacktestReport.Band(90, 100, 2, 1, 0.5));
    }

    @Test
    void liftIsTheSignalsOutcomeRateOverTheBaseRateAndCoverageItsShareWithInputs() {
        var byName = new java.util.HashMap<String, BacktestReport.SignalFigures>();
        card.signals().forEach(s -> byName.put(s.signal(), s));
        assertThat(byName.get("CONTACT_SILENT")).isEqualTo(new BacktestReport.SignalFigures("CONTACT_SILENT", 3, 3,
                1.0, 1.5, 3 / 9.0));
        assertThat(byName.get("SINGLE_THREADED")).isEqualTo(new BacktestReport.SignalFigures("SINGLE_THREADED", 2, 2,
                1.0, 1.5, 2 / 9.0));
        assertThat(byName.get("STALE_PLAN")).isEqualTo(new BacktestReport.SignalFigures("STALE_PLAN", 1, 0, 0.0, 0.0,
                1 / 9.0));
        assertThat(byName.get("COMPLAINTS")).isEqualTo(new BacktestReport.SignalFigures("COMPLAINTS", 0, 0, null,
                null, 0));
    }

    @Test
    void baselinesAreJudgedOnTheSameObservations() {
        BacktestReport.Model trend = metrics.baseline(0, "baseline: revenue trend");
        assertThat(trend.thresholds()).containsExactly(new BacktestReport.Threshold("flagged", 2, 1, 0.5, 1 / 6.0));
        // Z flagged on 1 January, lapsed on 1 May: 120 days.
        assertThat(trend.leadTime()).isEqualTo(new BacktestReport.LeadTime(2, 1, 120.0, 120.0,
                List.of(0, 0, 0, 0, 1)));
        BacktestReport.Model lost = metrics.baseline(1, "baseline: recent lost deal");
        assertThat(lost.thresholds()).containsExactly(new BacktestReport.Threshold("flagged", 0, 0, 0, 0));
        assertThat(lost.leadTime()).isEqualTo(new BacktestReport.LeadTime(2, 0, null, null, List.of()));
    }

    @Test
    void suggestedWeightsShareTheCurrentPointsOfThePredictiveSignalsAndAreNeverGuessedForSilentOnes() {
        var weights = card.tuning().weights();
        var byName = new java.util.HashMap<String, BacktestReport.Suggestion>();
        weights.forEach(w -> byName.put(w.signal(), w));
        assertThat(byName.get("CONTACT_SILENT").coefficient()).isPositive();
        assertThat(byName.get("SINGLE_THREADED").coefficient()).isPositive();
        assertThat(byName.get("STALE_PLAN").coefficient()).isNegative();
        assertThat(byName.get("STALE_PLAN").suggestedPoints()).isZero();
        assertThat(byName.get("COMPLAINTS").suggestedPoints()).isNull();
        assertThat(byName.get("COMPLAINTS").coefficient()).isZero();
        assertThat(byName.get("CONTACT_SILENT").suggestedPoints() + byName.get("SINGLE_THREADED").suggestedPoints())
                .isBetween(55, 57); // 28 + 28 now, shared in proportion to the coefficients (rounded)
        assertThat(byName.get("CONTACT_SILENT").currentPoints()).isEqualTo(28);
    }

    @Test
    void anUnpenalisedFitOfOneFeatureIsTheLogOddsOfEachGroup() {
        // Feature off: 1 of 4 with the outcome (log odds ln 1/3); on: 3 of 4 (ln 3).
        List<Long> rows = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L));
        List<Boolean> y = List.of(true, false, false, false, true, true, true, false);
        double[] beta = LogisticFit.fit(rows, y, 1, 0).coefficients();
        assertThat(beta[0]).isCloseTo(Math.log(1 / 3.0), within(1e-6));
        assertThat(beta[1]).isCloseTo(Math.log(3) - Math.log(1 / 3.0), within(1e-6));
    }

    @Test
    void theHtmlReportShowsTheFiguresAndItsPlots(@TempDir Path dir) throws Exception {
        BacktestReport report = new BacktestReport(new BacktestReport.Settings(D1, D3, "P1M", "P6M",
                List.of(D1, D2, D3), null), LocalDate.parse("2026-06-30"), 3, 9, 6, metrics.baseRate(),
                metrics.outcomesByKind(), List.of(card, metrics.baseline(0, "baseline: revenue trend")), List.of());
        Html.write(report, dir);
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("<svg", "Watch or worse</td><td>4</td><td>3</td><td>75.0 %</td><td>50.0 %",
                "default-1</td><td>2</td><td>1</td><td>73</td><td>73", "base rate 66.7 %");
        assertThat(Files.readString(dir.resolve("backtest.json"))).contains("\"truePositives\" : 3");
    }

    private static Outcomes.Result result(Outcomes.Kind kind, String date) {
        LocalDate d = LocalDate.parse(date);
        return new Outcomes.Result(EnumSet.of(kind), d, List.of(new Outcomes.Event(kind, d)));
    }

    @SuppressWarnings("unchecked")
    private static Observation o(String account, LocalDate day, Level level, int score, Set<Signal> risks,
            boolean trend, Outcomes.Result outcome) {
        return new Observation(account, day, new Level[] {level}, new int[] {score}, new Set[] {risks},
                new Set[] {risks}, new boolean[] {trend, false}, outcome);
    }
}
