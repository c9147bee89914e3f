package io.redflag.service.scoring;

import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingLoader;
import io.redflag.domain.scoring.Level;
import io.redflag.service.backtest.DryRun;
import io.redflag.service.backtest.Replay;
import io.redflag.service.store.UserDirectory;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Benchmark, not a test: the dashboard's scorecard dry run over every account of a store the scoring benchmark
 * filled (the shipped scorecard against a candidate with a higher Watch threshold), three rounds. Run by
 * scripts/bench-dashboard.sh.
 *
 * <p>Usage: DryRunBenchmark JDBC_URL [USER]
 */
public final class DryRunBenchmark {
    private DryRunBenchmark() {
    }

    public static void main(String[] args) {
        var ds = new com.zaxxer.hikari.HikariDataSource();
        ds.setJdbcUrl(args[0]);
        ds.setUsername(args.length > 1 ? args[1] : "sa");
        ds.setPassword("");
        io.redflag.service.store.PostgresConnections.tune(ds);
        org.flywaydb.core.Flyway.configure().dataSource(ds).load().migrate(); // a store filled by an older build
        Clock clock = Clock.systemUTC();
        Mapping mapping = MappingLoader.load(Path.of("mappings/salesforce.yaml"));
        ActiveScorecard scorecards = new ActiveScorecard(ds, mapping, ScorecardLoader.load(null, mapping), clock);
        UserDirectory users = new UserDirectory(ds);
        DryRun dryRun = new DryRun(new Replay(ds, mapping, 0.8), new PresentView.Reader(ds, new Snapshots(mapping,
                users, 0.8)), scorecards, new FollowUpLedger(ds, clock), clock);
        var candidate = scorecards.candidate("version: \"bench-2\"\nlevels:\n  watch: 60\n");
        for (int round = 1; round <= Integer.getInteger("bench.rounds", 3); round++) {
            DryRun.Result r = dryRun.run(candidate);
            int tasksNow = r.tasks().stream().mapToInt(DryRun.OwnerTasks::inForce).sum();
            int tasksThen = r.tasks().stream().mapToInt(DryRun.OwnerTasks::candidate).sum();
            System.out.printf("round %d: dry run over %,d accounts in %.1f s: %,d change level (Watch %d -> %d,"
                    + " At Risk %d -> %d); follow-ups %,d -> %,d for %d owners%n", round, r.accounts(),
                    r.took().toMillis() / 1e3, r.changes().size(), r.levels().get(Level.WATCH)[0],
                    r.levels().get(Level.WATCH)[1], r.levels().get(Level.AT_RISK)[0], r.levels().get(Level.AT_RISK)[1],
                    tasksNow, tasksThen, r.tasks().size());
        }
        System.out.printf("peak heap %d MiB%n", java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
                .stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20);
        ds.close();
    }
}
