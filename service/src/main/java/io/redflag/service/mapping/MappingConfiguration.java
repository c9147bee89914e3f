package io.redflag.service.mapping;

import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingException;
import io.redflag.connector.mapping.MappingLoader;
import io.redflag.connector.mapping.MappingProblem;
import io.redflag.connector.mapping.MappingReport;
import io.redflag.connector.mapping.MappingValidator;
import io.redflag.connector.mapping.CachedOrgSchema;
import io.redflag.service.crm.StartupContact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import io.redflag.service.startup.StartupProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the mapping and checks it against the org at start-up: every error stops the service at once, each
 * naming the file, the line and Object.Field; warnings are logged and name the signals left unavailable.
 */
@Configuration(proxyBeanMethods = false)
public class MappingConfiguration {
    private static final Logger log = LoggerFactory.getLogger(MappingConfiguration.class);
    private static final String DEFAULT = "mappings/salesforce.yaml";

    @Bean
    Mapping mapping(MappingProperties properties) {
        return read(properties);
    }

    /** The mapping the properties name (or the shipped one), without checking it against the org. */
    public static Mapping read(MappingProperties properties) {
        try {
            return load(properties);
        } catch (MappingException e) {
            throw startupProblems(e);
        }
    }

    private static Mapping load(MappingProperties properties) {
        if (properties.file() != null) {
            if (!Files.isRegularFile(properties.file())) {
                throw new StartupProblems("the field mapping settings", List.of("redflag.mapping.file"
                        + " (REDFLAG_MAPPING_FILE) = " + properties.file() + " is not a readable file"),
                        "Point REDFLAG_MAPPING_FILE at the admin's mapping file, or unset it for the shipped one.");
            }
            return MappingLoader.load(properties.file());
        }
        try (InputStream in = MappingConfiguration.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("the connector was built without " + DEFAULT);
            }
            return MappingLoader.load("classpath:" + DEFAULT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    MappingReport mappingReport(Mapping mapping, CachedOrgSchema schema, StartupContact crm) {
        var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object).toList();
        MappingReport report = MappingValidator.validate(mapping,
                crm.call("describing the mapped objects " + objects, () -> schema.prefetch(objects)));
        for (MappingProblem warning : report.warnings()) {
            log.warn("Field mapping: {}", warning);
        }
        try {
            report.throwIfErrors();
        } catch (MappingException e) {
            throw startupProblems(e);
        }
        log.info("Field mapping {} checked against the org: {} entities, {} warnings{}", mapping.source(),
                mapping.entities().size(), report.warnings().size(),
                report.unavailable().isEmpty() ? "" : "; unavailable: " + report.unavailable());
        return report;
    }

    /** Every problem of the mapping, each with its file, line and Object.Field, as one start-up failure. */
    private static StartupProblems startupProblems(MappingException e) {
        String source = e.problems().isEmpty() ? "" : " " + e.problems().get(0).source();
        return new StartupProblems("the field mapping" + source, e.problems().stream().map(p -> p.toString())
                .toList(), "Correct the mapping file at the lines named (redflag.mapping.file, REDFLAG_MAPPING_FILE);"
                        + " mappings/salesforce.yaml and mappings/salesforce.schema.json show every key.", e);
    }
}
