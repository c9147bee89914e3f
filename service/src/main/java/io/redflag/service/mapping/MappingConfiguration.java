package io.redflag.service.mapping;

import io.redflag.connector.mapping.Mapping;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the mapping and checks it against the org at start-up: every error stops the service at once, each
 * naming the file, the line and Object.Field; warnings are logged and name the signals left unavailable.
 */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {
    private static final Logger log = LoggerFactory.getLogger(MappingConfiguration.class);
    private static final String DEFAULT = "mappings/salesforce.yaml";

    @Bean
    Mapping mapping(MappingProperties properties) {
        if (properties.file() != null) {
            if (!Files.isRegularFile(properties.file())) {
                throw new IllegalStateException("Redflag cannot start: redflag.mapping.file = " + properties.file()
                        + " is not a readable file");
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
        report.throwIfErrors();
        log.info("Field mapping {} checked against the org: {} entities, {} warnings{}", mapping.source(),
                mapping.entities().size(), report.warnings().size(),
                report.unavailable().isEmpty() ? "" : "; unavailable: " + report.unavailable());
        return report;
    }
}
