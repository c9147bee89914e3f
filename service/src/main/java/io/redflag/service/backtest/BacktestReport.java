package io.redflag.service.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The backtest's figures, as report/backtest.json holds them. One {@link Model} per scorecard compared and per
 * naive baseline, all over the same observations (one account on one as-of day).
 *
 * @param dataEnd        the last day the store's data reaches: horizons running past it end there
 * @param positives      observations with an outcome in their horizon
 * @param outcomesByKind observations with each kind of outcome
 * @param outcomes       each outcome, and when each model first flagged it
 */
public record BacktestReport(Settings settings, LocalDate dataEnd, int accounts, int observations, int positives,
        double baseRate, Map<String, Integer> outcomesByKind, List<Model> models, List<OutcomeSeen> outcomes) {

    /**
     * One outcome with at least one as-of day in the horizon before it.
     *
     * @param firstFlagged per model (as {@link #models()} lists them), the first of those days it flagged the
     *                     account (a scorecard: At Risk or worse), or null
     */
    public record OutcomeSeen(String accountId, String kind, LocalDate date, List<LocalDate> firstFlagged) {
    }

    /** What was run. */
    public record Settings(LocalDate from, LocalDate to, String every, String horizon, List<LocalDate> days,
            Object outcomes) {
    }

    /**
     * @param kind       scorecard or baseline
     * @param levels     per level: observations and the outcome rate (scorecards only)
     * @param thresholds per cut (a level or worse; a baseline's flag): precision and recall
     * @param calibration per score band of 10: the outcome rate (scorecards only)
     * @param signals    per signal: lift and coverage (scorecards only)
     * @param tuning     suggested weights (scorecards only)
     */
    public record Model(String name, String kind, List<LevelRate> levels, List<Threshold> thresholds,
            LeadTime leadTime, List<Band> calibration, List<SignalFigures> signals, Tuning tuning) {
    }

    public record LevelRate(String level, int observations, int outcomes, double rate) {
    }

    /** Flagged = at this level or worse (At Risk: At Risk or Critical), or flagged by the baseline. */
    public record Threshold(String flagged, int count, int truePositives, double precision, double recall) {
    }

    /**
     * Days from the first flag (At Risk or worse; a baseline's flag) within the horizon before each outcome.
     *
     * @param outcomes outcomes with at least one as-of day in the horizon before them
     * @param caught   those flagged on one of those days
     * @param histogram counts of lead times per bin of 30 days (0–29, 30–59, …)
     */
    public record LeadTime(int outcomes, int caught, Double medianDays, Double meanDays, List<Integer> histogram) {
    }

    /** Scores from {@code from} to {@code to} (inclusive). */
    public record Band(int from, int to, int observations, int outcomes, double rate) {
    }

    /**
     * @param flagged  observations where the signal found a risk that counts
     * @param lift     the outcome rate when flagged over the base rate (null when never flagged)
     * @param coverage the share of observations where the signal had its inputs
     */
    public record SignalFigures(String signal, int flagged, int outcomes, Double rate, Double lift, double coverage) {
    }

    /** A regularised logistic fit of the outcome on the signals' findings: suggestions, never applied. */
    public record Tuning(double lambda, double intercept, int iterations, List<Suggestion> weights, String note) {
    }

    /**
     * @param suggestedPoints null when the signal never fired (no evidence to suggest anything)
     */
    public record Suggestion(String signal, int flagged, double coefficient, double oddsRatio, int currentPoints,
            Integer suggestedPoints) {
    }
}
