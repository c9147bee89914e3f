package io.redflag.connector.mapping;

/**
 * One thing wrong with a mapping: where (file and line), what (entity.property or Object.Field), and why.
 * Warnings let the service start with the named signals unavailable; errors stop it.
 */
public record MappingProblem(Severity severity, String source, int line, String subject, String message) {

    public enum Severity {
        ERROR, WARNING
    }

    static MappingProblem error(String source, int line, String subject, String message) {
        return new MappingProblem(Severity.ERROR, source, line, subject, message);
    }

    static MappingProblem warning(String source, int line, String subject, String message) {
        return new MappingProblem(Severity.WARNING, source, line, subject, message);
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + (subject == null ? "" : subject + ": ") + message;
    }
}
