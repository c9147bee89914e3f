package io.redflag.domain.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which signals had the inputs they need: no evidence is not good health. Below the scorecard's
 * minimumCoverage an account without risks is Unknown, not Healthy.
 *
 * @param present   the inputs the account's records provide
 * @param covered   the signals that could speak: their inputs were present, or they found a risk that counts
 * @param uncovered the signals that could not, each with the inputs it lacked
 */
public record Coverage(Set<Evidence> present, List<Signal> covered, Map<Signal, Set<Evidence>> uncovered) {

    public Coverage {
        present = Collections.unmodifiableSet(present.isEmpty() ? EnumSet.noneOf(Evidence.class)
                : EnumSet.copyOf(present));
        covered = List.copyOf(covered);
        uncovered = Collections.unmodifiableMap(uncovered.isEmpty() ? new EnumMap<>(Signal.class)
                : new EnumMap<>(uncovered));
    }

    /**
     * The coverage of the signals that apply to an account.
     *
     * @param spoke the signals that found a risk that counts: whatever their inputs, they had enough to speak
     */
    static Coverage of(Set<Evidence> present, List<Signal> applicable, Set<Signal> spoke) {
        List<Signal> covered = applicable.stream().filter(s -> spoke.contains(s) || present.containsAll(s.needs()))
                .toList();
        Map<Signal, Set<Evidence>> uncovered = new EnumMap<>(Signal.class);
        for (Signal s : applicable) {
            if (!covered.contains(s)) {
                Set<Evidence> lacks = EnumSet.copyOf(s.needs());
                lacks.removeAll(present);
                uncovered.put(s, lacks);
            }
        }
        return new Coverage(present, covered, uncovered);
    }

    /** The covered signals' share of those that apply, 0 to 1 (1 when none applies). */
    public double share() {
        int all = covered.size() + uncovered.size();
        return all == 0 ? 1.0 : (double) covered.size() / all;
    }

    /** The share in whole per cent, rounded down: 59.9 % never reads as the 60 % it falls short of. */
    public int percent() {
        return (int) Math.floor(share() * 100 + 1e-9);
    }

    /** The inputs the account's records lack. */
    public Set<Evidence> missing() {
        Set<Evidence> missing = EnumSet.allOf(Evidence.class);
        missing.removeAll(present);
        return missing;
    }

    /** One sentence: the figure and what was missing, e.g. for an Unknown level. */
    public String explanation() {
        String lacking = missing().stream().map(Evidence::label).reduce((a, b) -> a + ", " + b).orElse("nothing");
        return covered.size() + " of " + (covered.size() + uncovered.size()) + " signals had the inputs they need ("
                + percent() + " %); missing: " + lacking + ".";
    }
}
