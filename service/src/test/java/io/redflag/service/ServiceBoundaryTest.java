package io.redflag.service;

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
 * The service wires and stores; it knows nothing of WSC (ARCHITECTURE.md): reading and writing the CRM live
 * in the connector, so a second source of changes or another CRM client never reaches into the service.
 * Tests may drive the emulated org through WSC as any Salesforce client would.
 */
class ServiceBoundaryTest {
    private static final Pattern FORBIDDEN = Pattern.compile("^import (static )?com\\.sforce\\b.*|\\bcom\\.sforce\\.",
            Pattern.MULTILINE);

    @Test
    void serviceMainCodeUsesNoSalesforceWscTypes() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                FORBIDDEN.matcher(Files.readString(file)).results()
                        .forEach(m -> violations.add(file + ": " + m.group().trim()));
            }
        }
        assertThat(violations)
                .as("service/ must not use com.sforce (WSC). Move the CRM call into connector/ (reads into"
                        + " connector/.../intake, writes into connector/.../writeback) and call it from the service")
                .isEmpty();
    }
}
