package io.redflag.service.backtest;

import io.redflag.domain.scoring.Level;
import io.redflag.domain.scoring.Signal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One account on one as-of day: what each model said then and what happened over the horizon after.
 *
 * @param levels   per scorecard, the level (index as the scorecards were given)
 * @param scores   per scorecard, the score
 * @param risks    per scorecard, the signals that found a risk that counts
 * @param covered  per scorecard, the signals that had their inputs
 * @param baselines per naive baseline ({@link Baselines#NAMES}), whether it flagged the account
 */
record Observation(String accountId, LocalDate day, Level[] levels, int[] scores, Set<Signal>[] risks,
        Set<Signal>[] covered, boolean[] baselines, Outcomes.Result outcome) {

    boolean positive() {
        return outcome.happened();
    }
}
