package io.redflag.service.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;

/** What the chaos tests start, as built by {@code package} (tests run from the service module's folder). */
final class Jars {
    static final Path SERVICE = Path.of("target", "redflag-service.jar").toAbsolutePath();
    static final Path EMULATOR = Path.of("..", "emulator", "target", "redflag-emulator-standalone.jar")
            .toAbsolutePath().normalize();
    static final Path PLUGIN_METADATA = Path.of("..", "plugin", "force-app").toAbsolutePath().normalize();

    private Jars() {
    }

    /** Fails with the command that builds them when a jar is missing (the profile runs after package). */
    static void requireBuilt() {
        for (Path jar : new Path[] {SERVICE, EMULATOR}) {
            if (!Files.isRegularFile(jar)) {
                Assertions.fail(jar + " is missing: the chaos tests start the packaged jars; run them with"
                        + " scripts/chaos.sh (./mvnw -B -P chaos -pl service -am verify)");
            }
        }
    }
}
