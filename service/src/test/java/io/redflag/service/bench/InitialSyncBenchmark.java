package io.redflag.service.bench;

import com.sforce.soap.partner.QueryResult;
import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingLoader;
import io.redflag.connector.mapping.MappingValidator;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.mapping.WscOrgSchema;
import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.ResilienceSettings;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.service.store.CrmStore;
import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.PollingSource;
import io.redflag.connector.intake.StoredPage;
import io.redflag.connector.intake.SyncSettings;
import io.redflag.connector.intake.SyncState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;

/**
 * Benchmark, not a test: the initial sync of a running emulator's org into a fresh store, with wall time,
 * records per second, API calls against the minimum, peak heap and RSS. Run by scripts/bench-sync.sh.
 *
 * <p>Before the sync ({@code -Dbench.rawRounds}, 2) and once after it, reads the same queries through WSC without
 * storing them:
 * the raw read throughput the sync is held against, taken side by side with the same emulator.
 *
 * <p>Usage: InitialSyncBenchmark EMULATOR_URL JDBC_URL [USER] ({@code -Dbench.lanes}: the sync's lanes;
 * {@code -Dbench.syncRounds}, 2: syncs, each into an emptied store, the first with a fresh JVM)
 */
public final class InitialSyncBenchmark {
    private InitialSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rawRounds = Integer.getInteger("bench.rawRounds", 2);
        SyncSettings settings = new SyncSettings(SyncSettings.DEFAULTS.overlap(), SyncSettings.DEFAULTS.batchSize(),
                SyncSettings.DEFAULTS.deletionCheckEvery(), Integer.getInteger("bench.lanes", SyncSettings.DEFAULT_LANES));
        // A connection pool, as the service has: opening an H2 file per transaction would dominate.
        var ds = new com.zaxxer.hikari.HikariDataSource();
        ds.setJdbcUrl(args[1]);
        ds.setUsername(args.length > 2 ? args[2] : "sa");
        ds.setPassword("");
        io.redflag.service.store.PostgresConnections.tune(ds);
        Flyway.configure().dataSource(ds).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(ds).load().migrate();
        SalesforceSession session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(base),
                "redflag-demo-client", "redflag-demo-secret"), Clock.systemUTC());
        Mapping mapping = MappingLoader.load(Path.of("mappings/salesforce.yaml"));
        var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object).toList();
        RecordMapper mapper = new RecordMapper(mapping, MappingValidator.validate(mapping,
                WscOrgSchema.describe(session, objects)).throwIfErrors());
        ResilientCrm crm = new ResilientCrm(session, ResilienceSettings.defaults(), ApiBudget.of(session));
        long[] storeNanos = new long[1];
        CrmStore store = new CrmStore(ds) {
            @Override
            public StoredPage store(IntakePage page, java.util.concurrent.Future<?> previous) {
                long t = System.nanoTime();
                try {
                    return super.store(page, previous);
                } finally {
                    synchronized (storeNanos) {
                        storeNanos[0] += System.nanoTime() - t;
                    }
                }
            }
        };
        CrmReads reads = new CrmReads(crm, mapper, settings.batchSize());
        PollingSource sync = new PollingSource(reads, store, Clock.systemUTC(), settings,
                new SyncState(Clock.systemUTC()));

        // The reference: the same queries read through WSC and thrown away, one object after another. The
        // first round warms the JIT on both sides; one more round follows the sync, and the fastest is the figure.
        double raw = 0;
        for (int round = 1; round <= rawRounds; round++) {
            raw = Math.max(raw, rawRead(session, reads, mapper, "round " + round));
        }

        // Round 1 is the first sync of a fresh JVM (the sync's own code still compiling); each later round
        // empties the store first and syncs again with a warm JVM, as the raw read's figure is warm too.
        int syncRounds = Integer.getInteger("bench.syncRounds", 2);
        double[] rates = new double[syncRounds];
        for (int round = 1; round <= syncRounds; round++) {
            if (round > 1) {
                Flyway.configure().dataSource(ds).cleanDisabled(false).load().clean();
                Flyway.configure().dataSource(ds).load().migrate();
                storeNanos[0] = 0;
                sync = new PollingSource(reads, store, Clock.systemUTC(), settings, new SyncState(Clock.systemUTC()));
            }
            rates[round - 1] = syncOnce(sync, settings, round);
            System.out.printf("time in store transactions, summed over the writer threads: %.1f s%n",
                    storeNanos[0] / 1e9);
        }
        if (rawRounds > 0) {
            raw = Math.max(raw, rawRead(session, reads, mapper, "after the sync"));
            for (int round = 1; round <= syncRounds; round++) {
                System.out.printf("sync round %d against the fastest raw read (%,.0f records/s): %.0f %%%n", round,
                        raw, 100 * rates[round - 1] / raw);
            }
        }
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap (sum of pool peaks) %d MiB; %s%n", peakHeap >> 20,
                Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("VmHWM") || l.startsWith("VmRSS")).toList());
    }

    /** One initial sync of every object into the (empty) store; records/s. */
    private static double syncOnce(PollingSource sync, SyncSettings settings, int round) {
        long start = System.nanoTime();
        long records = 0;
        long calls = 0;
        long minimum = 0;
        System.out.printf("initial sync, round %d, %d lanes%n%-20s %10s %10s %6s %8s%n", round, settings.lanes(),
                "entity", "read", "written", "calls", "minimum");
        for (var r : sync.syncAll()) {
            // The COUNT() that sizes the progress log is one call beyond the pages themselves.
            long min = (r.read() + 1999) / 2000;
            System.out.printf("%-20s %,10d %,10d %6d %8d%n", r.entity(), r.read(), r.written(), r.calls(), min);
            records += r.read();
            calls += r.calls();
            minimum += min;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("total: %,d records in %.1f s = %,.0f records/s; API calls %d against a minimum of %d"
                + " (%.2f x)%n", records, seconds, records / seconds, calls, minimum, (double) calls / minimum);
        return records / seconds;
    }

    /** Reads every entity's full query (queryAll + queryMore, batch 2000), one after another; records/s. */
    private static double rawRead(SalesforceSession session, CrmReads reads, RecordMapper mapper, String round)
            throws Exception {
        System.out.printf("raw WSC read, %s%n", round);
        long totalRecords = 0;
        long totalCalls = 0;
        long start = System.nanoTime();
        for (String entity : mapper.entities()) {
            long t = System.nanoTime();
            String soql = reads.changesSince(entity, null);
            QueryResult page = session.call(c -> {
                c.setQueryOptions(2000);
                return c.queryAll(soql);
            });
            long records = page.getRecords().length;
            long calls = 1;
            while (!page.isDone()) {
                String locator = page.getQueryLocator();
                page = session.call(c -> {
                    c.setQueryOptions(2000);
                    return c.queryMore(locator);
                });
                records += page.getRecords().length;
                calls++;
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("  %-20s %,10d records %5d calls %6.2f s %,9.0f records/s%n", entity, records, calls,
                    seconds, records / seconds);
            totalRecords += records;
            totalCalls += calls;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %-20s %,10d records %5d calls %6.2f s %,9.0f records/s%n", "all", totalRecords, totalCalls,
                seconds, totalRecords / seconds);
        return totalRecords / seconds;
    }
}
