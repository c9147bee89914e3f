package io.redflag.service.backtest;

import io.redflag.domain.scoring.Level;
import io.redflag.domain.scoring.Scorecard;
import io.redflag.domain.scoring.Signal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The report's figures from the observations: every model over the same observations. */
final class Metrics {
    /** The levels that flag, mildest first: "Watch" counts Watch, At Risk and Critical. */
    private static final List<Level> FLAGGING = List.of(Level.WATCH, Level.AT_RISK, Level.CRITICAL);
    static final double LAMBDA = 1.0;

    private final List<Observation> observations;
    private final int horizonDays;
    private final int positives;
    private final double baseRate;
    /** Per account, its observations in day order. */
    private final Map<String, List<Observation>> byAccount = new LinkedHashMap<>();
    /** Every distinct outcome, per account. */
    private final Map<String, Set<Outcomes.Event>> events = new LinkedHashMap<>();

    Metrics(List<Observation> observations, int horizonDays) {
        this.observations = observations;
        this.horizonDays = horizonDays;
        this.positives = (int) observations.stream().filter(Observation::positive).count();
        this.baseRate = observations.isEmpty() ? 0 : (double) positives / observations.size();
        for (Observation o : observations) {
            byAccount.computeIfAbsent(o.accountId(), k -> new ArrayList<>()).add(o);
            events.computeIfAbsent(o.accountId(), k -> new LinkedHashSet<>()).addAll(o.outcome().events());
        }
        byAccount.values().forEach(l -> l.sort(java.util.Comparator.comparing(Observation::day)));
    }

    int positives() {
        return positives;
    }

    double baseRate() {
        return baseRate;
    }

    int accounts() {
        return byAccount.size();
    }

    Map<String, Integer> outcomesByKind() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Outcomes.Kind k : Outcomes.Kind.values()) {
            out.put(k.name(), (int) observations.stream().filter(o -> o.outcome().kinds().contains(k)).count());
        }
        return out;
    }

    BacktestReport.Model scorecard(int index, String name, Scorecard scorecard) {
        List<BacktestReport.LevelRate> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            int n = 0;
            int hit = 0;
            for (Observation o : observations) {
                if (o.levels()[index] == level) {
                    n++;
                    hit += o.positive() ? 1 : 0;
                }
            }
            levels.add(new BacktestReport.LevelRate(level.label(), n, hit, rate(hit, n)));
        }
        List<BacktestReport.Threshold> thresholds = new ArrayList<>();
        for (Level level : FLAGGING) {
            thresholds.add(threshold(level.label() + " or worse", o -> atLeast(o.levels()[index], level)));
        }
        List<BacktestReport.Band> bands = new ArrayList<>();
        for (int from = 0; from <= 90; from += 10) {
            int lo = from;
            int hi = from == 90 ? 100 : from + 9;
            int n = 0;
            int hit = 0;
            for (Observation o : observations) {
                if (o.scores()[index] >= lo && o.scores()[index] <= hi) {
                    n++;
                    hit += o.positive() ? 1 : 0;
                }
            }
            bands.add(new BacktestReport.Band(lo, hi, n, hit, rate(hit, n)));
        }
        List<BacktestReport.SignalFigures> signals = new ArrayList<>();
        for (Signal s : Signal.values()) {
            int flagged = 0;
            int hit = 0;
            int covered = 0;
            for (Observation o : observations) {
                if (o.risks()[index].contains(s)) {
                    flagged++;
                    hit += o.positive() ? 1 : 0;
                }
                covered += o.covered()[index].contains(s) ? 1 : 0;
            }
            Double r = flagged == 0 ? null : rate(hit, flagged);
            signals.add(new BacktestReport.SignalFigures(s.name(), flagged, hit, r,
                    r == null || baseRate == 0 ? null : r / baseRate, rate(covered, observations.size())));
        }
        return new BacktestReport.Model(name, "scorecard", levels, thresholds,
                leadTime(o -> atLeast(o.levels()[index], Level.AT_RISK)), bands, signals, tuning(index, scorecard));
    }

    BacktestReport.Model baseline(int index, String name) {
        Predicate<Observation> flag = o -> o.baselines()[index];
        return new BacktestReport.Model(name, "baseline", List.of(), List.of(threshold("flagged", flag)),
                leadTime(flag), List.of(), List.of(), null);
    }

    private BacktestReport.Threshold threshold(String label, Predicate<Observation> flagged) {
        int n = 0;
        int tp = 0;
        for (Observation o : observations) {
            if (flagged.test(o)) {
                n++;
                tp += o.positive() ? 1 : 0;
            }
        }
        return new BacktestReport.Threshold(label, n, tp, rate(tp, n), rate(tp, positives));
    }

    /**
     * Every outcome with an as-of day within the horizon before it, and per model (in the order given) the first
     * of those days it flagged the account, or null.
     */
    List<BacktestReport.OutcomeSeen> outcomes(List<Predicate<Observation>> models) {
        List<BacktestReport.OutcomeSeen> out = new ArrayList<>();
        for (var entry : events.entrySet()) {
            List<Observation> days = byAccount.get(entry.getKey());
            for (Outcomes.Event e : entry.getValue().stream().sorted(java.util.Comparator.comparing(
                    Outcomes.Event::date).thenComparing(Outcomes.Event::kind)).toList()) {
                LocalDate earliest = e.date().minusDays(horizonDays);
                List<Observation> before = days.stream().filter(o -> o.day().isBefore(e.date())
                        && !o.day().isBefore(earliest)).toList();
                if (before.isEmpty()) {
                    continue;
                }
                List<LocalDate> first = new ArrayList<>();
                for (Predicate<Observation> flagged : models) {
                    first.add(before.stream().filter(flagged).findFirst().map(Observation::day).orElse(null));
                }
                out.add(new BacktestReport.OutcomeSeen(entry.getKey(), e.kind().name(), e.date(), first));
            }
        }
        return out;
    }

    /** For each outcome: the first flagged as-of day within the horizon before it, and how many days earlier. */
    private BacktestReport.LeadTime leadTime(Predicate<Observation> flagged) {
        List<BacktestReport.OutcomeSeen> seen = outcomes(List.of(flagged));
        int observable = seen.size();
        List<Long> leads = new ArrayList<>();
        for (var o : seen) {
            if (o.firstFlagged().get(0) != null) {
                leads.add(ChronoUnit.DAYS.between(o.firstFlagged().get(0), o.date()));
            }
        }
        List<Integer> histogram = new ArrayList<>();
        for (long lead : leads) {
            int bin = (int) (lead / 30);
            while (histogram.size() <= bin) {
                histogram.add(0);
            }
            histogram.set(bin, histogram.get(bin) + 1);
        }
        List<Long> sorted = leads.stream().sorted().toList();
        Double median = sorted.isEmpty() ? null : sorted.size() % 2 == 1 ? (double) sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
        Double mean = sorted.isEmpty() ? null : sorted.stream().mapToLong(Long::longValue).average().orElseThrow();
        return new BacktestReport.LeadTime(observable, leads.size(), median, mean, histogram);
    }

    /**
     * Suggested points: the fit's coefficients scaled so that the signals it finds predictive share the points
     * they hold now (a coefficient of 0 or below suggests 0 points).
     */
    private BacktestReport.Tuning tuning(int index, Scorecard scorecard) {
        Signal[] all = Signal.values();
        List<Long> rows = new ArrayList<>(observations.size());
        List<Boolean> ys = new ArrayList<>(observations.size());
        Map<Signal, Integer> flagged = new HashMap<>();
        for (Observation o : observations) {
            long bits = 0;
            for (Signal s : o.risks()[index]) {
                bits |= 1L << s.ordinal();
                flagged.merge(s, 1, Integer::sum);
            }
            rows.add(bits);
            ys.add(o.positive());
        }
        LogisticFit.Result fit = LogisticFit.fit(rows, ys, all.length, LAMBDA);
        double[] beta = fit.coefficients();
        double positiveBeta = 0;
        double positivePoints = 0;
        for (Signal s : all) {
            if (flagged.containsKey(s) && beta[s.ordinal() + 1] > 0) {
                positiveBeta += beta[s.ordinal() + 1];
                positivePoints += scorecard.config().weights().get(s).points();
            }
        }
        double scale = positiveBeta == 0 ? 0 : positivePoints / positiveBeta;
        List<BacktestReport.Suggestion> weights = new ArrayList<>();
        for (Signal s : all) {
            double b = beta[s.ordinal() + 1];
            Integer suggested = flagged.containsKey(s) ? (int) Math.round(Math.max(0, b) * scale) : null;
            weights.add(new BacktestReport.Suggestion(s.name(), flagged.getOrDefault(s, 0), b, Math.exp(b),
                    scorecard.config().weights().get(s).points(), suggested));
        }
        return new BacktestReport.Tuning(LAMBDA, beta[0], fit.iterations(), weights, "Outcome regressed on each"
                + " signal's finding (counted risks) with an L2 penalty of " + LAMBDA + "; suggested points share the"
                + " current points of the signals with a positive coefficient in proportion to it. Suggestions only:"
                + " the scorecard file is never changed.");
    }

    static boolean atLeast(Level level, Level cut) {
        return FLAGGING.contains(level) && FLAGGING.indexOf(level) >= FLAGGING.indexOf(cut);
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
