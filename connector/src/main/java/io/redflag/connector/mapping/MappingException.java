package io.redflag.connector.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** A mapping that cannot be used: every error at once, one per line, each naming file, line and field. */
public final class MappingException extends IllegalStateException {
    private final List<MappingProblem> problems;

    MappingException(String source, List<MappingProblem> problems) {
        super("The field mapping " + source + " has " + problems.size() + " problem(s):\n" + problems.stream()
                .map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }
}
