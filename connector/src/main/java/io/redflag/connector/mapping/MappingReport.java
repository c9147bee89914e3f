package io.redflag.connector.mapping;

import java.util.List;
import java.util.Set;

/**
 * The outcome of checking a mapping against an org: problems (errors stop start-up, warnings do not) and
 * the properties that are unavailable because an optional field is missing, as "entity.property".
 */
public record MappingReport(String source, List<MappingProblem> problems, Set<String> unavailable) {

    public MappingReport {
        problems = List.copyOf(problems);
        unavailable = Set.copyOf(unavailable);
    }

    public List<MappingProblem> errors() {
        return problems.stream().filter(p -> p.severity() == MappingProblem.Severity.ERROR).toList();
    }

    public List<MappingProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == MappingProblem.Severity.WARNING).toList();
    }

    /** Stops start-up with every error at once. */
    public MappingReport throwIfErrors() {
        if (!errors().isEmpty()) {
            throw new MappingException(source, errors());
        }
        return this;
    }
}
