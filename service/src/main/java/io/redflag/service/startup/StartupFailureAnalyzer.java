package io.redflag.service.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link StartupProblems}, wherever it sits in the cause chain, into Spring Boot's "APPLICATION FAILED
 * TO START" block: every problem on a line of its own, then what to do. Boot then logs the stack trace only
 * at debug level, so the useful lines are the first thing an operator sees, not line 100 of a trace.
 */
public final class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupProblems> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupProblems cause) {
        StringBuilder description = new StringBuilder("Redflag cannot start: ").append(cause.subject())
                .append(cause.problems().size() == 1 ? " has a problem:" : " has " + cause.problems().size()
                        + " problems:");
        for (String problem : cause.problems()) {
            description.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return new FailureAnalysis(description.toString(), cause.action(), cause);
    }
}
