package io.redflag.service.startup;

import java.util.List;

/**
 * Why the service cannot start: what was being read (a file, a group of settings), every problem found in it
 * at once, each naming its property and environment variable or its file and line, and what to do.
 * {@link StartupFailureAnalyzer} prints it as Spring Boot's failure report, before anything else.
 */
public final class StartupProblems extends RuntimeException {
    private final String subject;
    private final List<String> problems;
    private final String action;

    public StartupProblems(String subject, List<String> problems, String action) {
        super("Redflag cannot start: " + subject + ": " + String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a start-up failure needs at least one problem");
        }
        this.subject = subject;
        this.problems = List.copyOf(problems);
        this.action = action;
    }

    public StartupProblems(String subject, List<String> problems, String action, Throwable cause) {
        this(subject, problems, action);
        initCause(cause);
    }

    /** What was being read: "the Salesforce settings", "the field mapping mappings/acme.yaml" … */
    public String subject() {
        return subject;
    }

    public List<String> problems() {
        return problems;
    }

    public String action() {
        return action;
    }
}
