package io.redflag.service.bench;

import io.redflag.connector.intake.PollSchedule;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.service.TestClock;
import io.redflag.service.sync.IdleDay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Idle API calls a day: an org (the demo org, or a generated one) first synced, then polled for simulated days
 * on a clock moved a minute at a time, in several modes and settings. Prints what the org itself counted.
 * Run by scripts/bench-idle-calls.sh.
 */
public final class IdleCallsBenchmark {
    private static final List<String> PUSHED = List.of("user", "account", "contact", "contactRole", "opportunity",
            "task", "event", "supportCase");

    private record Mode(String name, long apiLimit, PollSchedule.Settings settings, boolean push, boolean cdc) {
        Mode(String name, long apiLimit, PollSchedule.Settings settings, boolean push) {
            this(name, apiLimit, settings, push, false);
        }
    }

    public static void main(String[] args) throws Exception {
        String generate = args.length > 0 ? args[0] : "";
        // A large org syncs far faster into PostgreSQL; each mode gets a fresh schema there.
        String jdbc = args.length > 1 && !args[1].isEmpty() ? args[1] : null;
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        Duration min = Duration.ofMinutes(1);
        var defaults = new PollSchedule.Settings(min, Duration.ofMinutes(15), Duration.ofHours(1),
                Duration.ofHours(6), 0.02, 0);
        List<Mode> modes = List.of(
                new Mode("polling only, defaults", 100_000, defaults, false),
                new Mode("polling only, max-poll-interval=60m", 100_000, new PollSchedule.Settings(min,
                        Duration.ofMinutes(60), Duration.ofHours(1), Duration.ofHours(6), 0.02, 0), false),
                new Mode("polling only, an org of 15,000 calls a day", 15_000, defaults, false),
                new Mode("Outbound Messages, reconciliation only", 100_000, defaults, true),
                new Mode("Change Data Capture up, reconciled every 6 h", 100_000, defaults, false, true));
        for (int m = 0; m < modes.size(); m++) {
            Mode mode = modes.get(m);
            if (!only.isEmpty() && !only.contains(String.valueOf(m + 1))) {
                continue;
            }
            TestClock clock = new TestClock(Instant.parse("2026-06-30T12:00:00Z"));
            EmulatorConfig org = EmulatorConfig.defaults().withClock(clock).withApiLimit(mode.apiLimit());
            if (mode.cdc()) {
                org = org.withPubSubPort(0);
            }
            org = generate.isEmpty() ? org.withDemoOrg() : org.withGenerate(generate)
                    .withMetadata(Path.of("plugin/force-app"));
            var ds = new com.zaxxer.hikari.HikariDataSource();
            ds.setJdbcUrl(jdbc != null ? jdbc : "jdbc:h2:mem:idle" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            ds.setUsername(jdbc != null && jdbc.startsWith("jdbc:postgresql") ? "postgres" : "sa");
            io.redflag.service.store.PostgresConnections.tune(ds);
            Flyway.configure().dataSource(ds).cleanDisabled(false).load().clean();
            Flyway.configure().dataSource(ds).load().migrate();
            long started = System.nanoTime();
            try (IdleDay day = new IdleDay(clock, org, ds, Path.of("mappings/salesforce.yaml"), mode.settings())) {
                if (mode.push()) {
                    day.pushCovered(PUSHED);
                }
                if (mode.cdc()) {
                    day.streamChanges(Duration.ofHours(6));
                }
                long first = day.run(Duration.ofHours(6));
                long idle = day.run(Duration.ofDays(1));
                System.out.printf("%-45s first 6 h (sync, back-off) %,6d calls; then an idle day %,5d calls"
                        + " (projected %,.0f, ceiling %,d, stretch %.2f); %.0f s%n", mode.name(), first, idle,
                        day.schedule().projectedCallsPerDay(), day.schedule().ceiling(),
                        day.schedule().stretch(), (System.nanoTime() - started) / 1e9);
            } finally {
                ds.close();
            }
        }
    }
}
