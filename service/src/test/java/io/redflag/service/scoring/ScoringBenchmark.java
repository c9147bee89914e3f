package io.redflag.service.scoring;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingLoader;
import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.ResilienceSettings;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.connector.writeback.CrmWriter;
import io.redflag.connector.writeback.FollowUpTasks;
import io.redflag.service.EmulatorHttp;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.store.UserDirectory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test: a full rescore of every account in a store the sync benchmark filled, then the
 * write-back of its results, with the API calls against the minimum, then a rerun that must write nothing.
 * Run by scripts/bench-scoring.sh.
 *
 * <p>Usage: ScoringBenchmark EMULATOR_URL JDBC_URL [USER]
 */
public final class ScoringBenchmark {
    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var ds = new com.zaxxer.hikari.HikariDataSource();
        ds.setJdbcUrl(args[1]);
        ds.setUsername(args.length > 2 ? args[2] : "sa");
        ds.setPassword("");
        io.redflag.service.store.PostgresConnections.tune(ds);
        Clock clock = Clock.systemUTC();
        SalesforceSession session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(args[0]),
                "redflag-demo-client", "redflag-demo-secret"), clock);
        Mapping mapping = MappingLoader.load(Path.of("mappings/salesforce.yaml"));
        Outbox outbox = new Outbox(ds, clock);
        FollowUpLedger ledger = new FollowUpLedger(ds, clock);
        ResilientCrm crm = new ResilientCrm(session, ResilienceSettings.defaults(), ApiBudget.of(session));
        FollowUpTasks followUps = new FollowUpTasks(crm, session::userId);
        HeldBack heldBack = new HeldBack(ds);
        UserDirectory users = new UserDirectory(ds);
        ScoringService scoring = new ScoringService(ds, new StoreReader(ds, mapping), new ActiveScorecard(ds, mapping,
                ScorecardLoader.load(null, mapping), clock), new Snapshots(mapping, users, 0.8),
                new AssessmentStore(ds, JsonMapper.builder().findAndAddModules().build()), outbox, ledger,
                new HeldFollowUps(followUps, ledger), heldBack, new HeldBackDigest(heldBack, ledger, followUps, users,
                        () -> 10), new DirtyAccounts(ds), clock, new SimpleMeterRegistry());
        WriteBack writeBack = new WriteBack(new CrmWriter(crm, followUps, 5, Duration.ofMillis(200)), outbox, ledger,
                new ReplacedFollowUps(ds, new io.redflag.connector.writeback.ReplacedTasks(crm, followUps),
                        new DirtyAccounts(ds), clock), new SimpleMeterRegistry());
        EmulatorHttp org = null;
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            ScoringService.Run run = scoring.scoreAll();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: full rescore of %,d accounts in %.1f s (%,.0f accounts/s); %,d risk-field"
                    + " updates and %,d follow-up tasks to write%n", round, run.scored(), seconds,
                    run.scored() / seconds, run.pendingWrites(), run.plannedTasks());
            if (round == 2) {
                explainRewrites(ds);
            }
            if (org == null) {
                org = new EmulatorHttp(session); // after the first rescore: scoring itself needs no CRM
            }
            org.resetCounters();
            long w = System.nanoTime();
            WriteBack.Flush flush = writeBack.flush();
            long updates = org.calls("update");
            long creates = org.calls("create");
            long queries = org.calls("query");
            long minimum = (flush.accountsWritten() + 199) / 200 + (flush.tasksCreated() + 199) / 200;
            System.out.printf("  write-back in %.1f s: %,d accounts updated, %,d tasks created; calls: %d update +"
                    + " %d create (+ %d task look-ups by key) against a minimum of %d%n", (System.nanoTime() - w)
                            / 1e9, flush.accountsWritten(), flush.tasksCreated(), updates, creates, queries, minimum);
        }
        System.out.printf("peak heap %d MiB%n", java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
                .stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20);
    }

    /** A rerun should write nothing: for each account it would rewrite, the two assessments side by side. */
    private static void explainRewrites(javax.sql.DataSource ds) {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(ds);
        for (String id : jdbc.queryForList("SELECT account_id FROM account_outbox WHERE pending = TRUE ORDER BY"
                + " account_id FETCH FIRST 10 ROWS ONLY", String.class)) {
            System.out.println("  rewritten on a rerun: " + id);
            jdbc.query("SELECT as_of, score, level, trend, reasons FROM assessment WHERE account_id = ? ORDER BY id",
                    rs -> {
                        System.out.printf("    as of %s: score %d, %s, trend %s, reasons: %s%n", rs.getString(1),
                                rs.getInt(2), rs.getString(3), rs.getString(4), String.valueOf(rs.getString(5))
                                        .replace('\n', '|'));
                    }, id);
        }
    }
}
