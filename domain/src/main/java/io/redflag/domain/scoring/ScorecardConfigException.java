package io.redflag.domain.scoring;

import java.util.List;
import java.util.stream.Collectors;

/** Scorecard settings that cannot work: every one found, each naming its key, its value and what would be valid. */
public final class ScorecardConfigException extends IllegalArgumentException {

    /** One setting that cannot work. */
    public record Problem(String key, Object value, String valid) {

        @Override
        public String toString() {
            return "scorecard setting " + key + " = " + (value == null ? "(missing)" : "'" + value + "'")
                    + " is not valid; expected " + valid;
        }
    }

    private final List<Problem> problems;

    public ScorecardConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a scorecard exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The key of the first problem. */
    public String key() {
        return problems.get(0).key();
    }

    public List<Problem> problems() {
        return problems;
    }
}
