package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Every environment variable the README's "Configure it" table names reaches its property, as an SRE sets it
 * (Spring's relaxed binding drops dashes: REDFLAG_STORE_ON_ORG_CHANGE alone would bind to nothing, so
 * application.yaml maps such names). Read from the README itself, so a new row is checked too.
 */
class EnvironmentVariablesTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)`[^|]*\\| `([a-z0-9.\\-]+)`", Pattern.MULTILINE);

    @Test
    void everyDocumentedVariableBindsToItsProperty() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("../README.md")));
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        assertThat(rows).containsKeys("SALESFORCE_LOGIN_URL", "REDFLAG_STORE_ON_ORG_CHANGE", "REDFLAG_DEMO",
                "REDFLAG_MAPPING_FILE", "REDFLAG_SCORING_SCORECARD_FILE");
        rows.forEach((variable, property) -> {
            if (property.startsWith("spring.datasource")) {
                return; // spring.datasource.* is a family: Spring Boot's own names, checked by Boot
            }
            String value = variable.equals("REDFLAG_STORE_ON_ORG_CHANGE") ? "reset"
                    : variable.equals("REDFLAG_DEMO") ? "true" : "value-of-" + variable.toLowerCase();
            assertThat(bound(variable, value, property)).as(variable + " -> " + property).isEqualTo(value);
        });
    }

    private static String bound(String variable, String value, String property) {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of(variable, value)));
            for (PropertySource<?> yaml : new YamlPropertySourceLoader().load("application.yaml",
                    new ClassPathResource("application.yaml"))) {
                environment.getPropertySources().addLast(yaml);
            }
            ConfigurationPropertySources.attach(environment);
            return Binder.get(environment).bind(property, String.class).orElse(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
