package io.redflag.connector;

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
 * The connector is the Salesforce adapter: it may speak WSC, but it is no Spring application and owns no
 * database (the service wires it and stores what it reads, through ports such as IntakeStore), and it shares
 * no code with the emulator that stands in for Salesforce in its tests (ARCHITECTURE.md).
 */
class ConnectorBoundaryTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import (static )?(org\\.springframework|jakarta\\.|javax\\.sql|java\\.sql|org\\.flywaydb"
                    + "|io\\.redflag\\.(service|emulator))\\b.*", Pattern.MULTILINE);

    @Test
    void connectorImportsNoSpringNoDatabaseNoServiceAndNoEmulatorCode() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                FORBIDDEN.matcher(Files.readString(file)).results()
                        .forEach(m -> violations.add(file + ": " + m.group().trim()));
            }
        }
        assertThat(violations)
                .as("connector/ must stay a plain Salesforce adapter. Put Spring wiring, JDBC and the store in"
                        + " service/ and reach them through a port the connector declares (see intake.IntakeStore);"
                        + " the emulator may only be used from connector tests")
                .isEmpty();
    }
}
