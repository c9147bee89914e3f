package io.redflag.service.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Takeover times of the chaos run, appended to {@code target/chaos/takeovers.tsv} (what was killed when, who
 * took over, how long it took) and printed, for docs/reliability.md.
 */
final class Takeovers {
    static final Path FILE = Path.of("target", "chaos", "takeovers.tsv");

    private Takeovers() {
    }

    static synchronized void record(String phase, ChaosRun.Takeover t) {
        String line = Instant.now() + "\t" + phase + "\t" + t.killed().id() + "\t" + t.leader().id() + "\t"
                + t.took().toMillis() + "\t" + (ChaosRun.leaderElection() ? "election" : "restart") + "\n";
        System.out.print("takeover: " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
