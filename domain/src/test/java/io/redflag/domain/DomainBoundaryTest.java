package io.redflag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain speaks the business, not Salesforce or Spring, does no I/O and reads no clock, so that the
 * scorecard stays pure and replayable (ARCHITECTURE.md, STYLE.md habit 1).
 */
class DomainBoundaryTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import (static )?(org\\.springframework|com\\.sforce|io\\.redflag\\.(connector|service|emulator)"
                    + "|java\\.sql|java\\.net|java\\.io\\.File|java\\.nio\\.file|java\\.time\\.Clock)\\b.*", Pattern.MULTILINE);
    private static final Pattern CLOCK_READ = Pattern.compile("\\b(Instant|LocalDate|LocalDateTime|ZonedDateTime)"
            + "\\.now\\(|System\\.currentTimeMillis\\(");

    @Test
    void domainImportsNoFrameworkNoCrmTypesNoIoAndReadsNoClock() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                FORBIDDEN.matcher(source).results().forEach(m -> violations.add(file + ": " + m.group().trim()));
                CLOCK_READ.matcher(source).results().forEach(m -> violations.add(file + ": reads the clock ("
                        + m.group() + ")"));
            }
        }
        assertThat(violations)
                .as("domain/ must stay plain Java. Move CRM and framework code to connector/ or service/, and pass"
                        + " the time in as a parameter (as-of) instead of reading a clock")
                .isEmpty();
    }
}
