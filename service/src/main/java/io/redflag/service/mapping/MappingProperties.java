package io.redflag.service.mapping;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param file the admin's mapping file; unset: the default mapping shipped with the connector
 */
@ConfigurationProperties("redflag.mapping")
public record MappingProperties(Path file) {
}
