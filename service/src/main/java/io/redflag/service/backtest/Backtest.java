package io.redflag.service.backtest;

import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.Finding;
import io.redflag.domain.scoring.Level;
import io.redflag.domain.scoring.OutcomeSettings;
import io.redflag.domain.scoring.Scorecard;
import io.redflag.domain.scoring.Signal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Replays scorecards at each as-of day and compares what they said with what happened over the horizon after
 * it ({@link Outcomes}); naive baselines are judged on the same observations. Reads the store, writes nothing to
 * it.
 */
public final class Backtest {

    /**
     * @param dataEnd the last day the store's data reaches (today): horizons that run past it end there
     */
    public record Request(LocalDate from, LocalDate to, Period every, Period horizon, LocalDate dataEnd) {
        public Request {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            }
            if (every.isZero() || every.isNegative() || horizon.isZero() || horizon.isNegative()) {
                throw new IllegalArgumentException("--every and --horizon must be positive periods, e.g. 1M and 6M");
            }
        }

        /** The as-of days: from, then every period after it, up to to (and never past the data's end). */
        public List<LocalDate> days() {
            List<LocalDate> out = new ArrayList<>();
            for (int i = 0; ; i++) {
                LocalDate d = from.plus(every.multipliedBy(i));
                if (d.isAfter(to) || d.isAfter(dataEnd)) {
                    return out;
                }
                out.add(d);
            }
        }
    }

    /** A scorecard and the name the report gives it. */
    public record Named(String name, Scorecard scorecard) {
    }

    private final Replay replay;
    private final Outcomes outcomes;
    private final OutcomeSettings outcomeSettings;

    /** @param typeField the CRM's field of the account type (AccountHistory names it), e.g. Type */
    public Backtest(Replay replay, OutcomeSettings outcomes, String typeField) {
        this.replay = replay;
        this.outcomeSettings = outcomes;
        this.outcomes = new Outcomes(outcomes, typeField);
    }

    public BacktestReport run(Request request, List<Named> scorecards) {
        List<LocalDate> days = request.days();
        List<Observation> observations = new ArrayList<>();
        int windowMonths = scorecards.get(0).scorecard().config().rules().revenueWindowMonths();
        replay.run(scorecards.stream().map(Named::scorecard).toList(), days, seen -> {
            LocalDate whole = seen.day().plus(request.horizon());
            LocalDate end = whole.isAfter(request.dataEnd()) ? request.dataEnd() : whole;
            observations.add(observation(seen.now().account().id(), seen.day(), seen.assessments(),
                    Baselines.flags(seen.then(), seen.day(), windowMonths),
                    outcomes.after(seen.now(), seen.changes(), seen.day(), end, whole)));
        });
        int horizonDays = (int) ChronoUnit.DAYS.between(request.from(), request.from().plus(request.horizon()));
        Metrics metrics = new Metrics(observations, horizonDays);
        List<BacktestReport.Model> models = new ArrayList<>();
        for (int i = 0; i < scorecards.size(); i++) {
            models.add(metrics.scorecard(i, scorecards.get(i).name(), scorecards.get(i).scorecard()));
        }
        for (int i = 0; i < Baselines.NAMES.size(); i++) {
            models.add(metrics.baseline(i, "baseline: " + Baselines.NAMES.get(i)));
        }
        List<java.util.function.Predicate<Observation>> flags = new ArrayList<>();
        for (int i = 0; i < scorecards.size(); i++) {
            int card = i;
            flags.add(o -> Metrics.atLeast(o.levels()[card], Level.AT_RISK));
        }
        for (int i = 0; i < Baselines.NAMES.size(); i++) {
            int baseline = i;
            flags.add(o -> o.baselines()[baseline]);
        }
        return new BacktestReport(new BacktestReport.Settings(request.from(), request.to(), request.every().toString(),
                request.horizon().toString(), days, outcomeSettings), request.dataEnd(), metrics.accounts(),
                observations.size(), metrics.positives(), metrics.baseRate(), metrics.outcomesByKind(), models,
                metrics.outcomes(flags));
    }

    @SuppressWarnings("unchecked")
    static Observation observation(String accountId, LocalDate day, List<Assessment> assessments, boolean[] baselines,
            Outcomes.Result outcome) {
        int n = assessments.size();
        Level[] levels = new Level[n];
        int[] scores = new int[n];
        Set<Signal>[] risks = new Set[n];
        Set<Signal>[] covered = new Set[n];
        for (int i = 0; i < n; i++) {
            Assessment a = assessments.get(i);
            levels[i] = a.level();
            scores[i] = a.score();
            risks[i] = EnumSet.noneOf(Signal.class);
            a.risks().stream().map(Finding::signal).forEach(risks[i]::add);
            covered[i] = a.coverage() == null || a.coverage().covered().isEmpty() ? EnumSet.noneOf(Signal.class)
                    : EnumSet.copyOf(a.coverage().covered());
        }
        return new Observation(accountId, day, levels, scores, risks, covered, baselines, outcome);
    }
}
