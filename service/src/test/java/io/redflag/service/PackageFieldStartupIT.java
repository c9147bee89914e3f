package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One source of truth for the fields: the emulated org gets its custom fields from the plugin's package, so
 * a field removed from the package is missing in the org, and the service refuses to start, naming it.
 */
class PackageFieldStartupIT {

    @Test
    void removingAWrittenFieldFromThePackageStopsStartUpNamingTheField(@TempDir Path dir) throws Exception {
        Path source = Path.of("../plugin/force-app");
        Path copy = dir.resolve("force-app");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("Health_Score__c.field-meta.xml")) {
                    Files.copy(p, target);
                }
            }
        }
        try (Emulator org = Emulator.start(EmulatorConfig.defaults().withMetadata(copy))) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(RedflagApplication.class).run("--server.port=0",
                    "--redflag.demo=false", "--redflag.salesforce.login-url=" + org.baseUrl(),
                    "--redflag.salesforce.client-id=" + EmulatorConfig.DEFAULT_CLIENT_ID,
                    "--redflag.salesforce.client-secret=" + EmulatorConfig.DEFAULT_CLIENT_SECRET,
                    "--redflag.sync.auto-startup=false").close())
                    .rootCause().hasMessageContaining("Account.Health_Score__c: not in the org")
                    .hasMessageContaining("plugin/").hasMessageNotContaining("Risk_Level__c");
        }
    }
}
