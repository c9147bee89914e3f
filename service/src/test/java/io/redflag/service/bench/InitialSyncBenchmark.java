package io.redflag.service.bench;

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
import io.redflag.service.sync.CrmSync;
import io.redflag.service.sync.SyncSettings;
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
 * <p>Usage: InitialSyncBenchmark EMULATOR_URL JDBC_URL [USER]
 */
public final class InitialSyncBenchmark {
    private InitialSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
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
            public StoreResult storeBatch(String entity, java.util.List<io.redflag.connector.mapping.MappedRecord> records,
                    java.util.Collection<String> deletedIds, Watermark watermark, boolean fullRead,
                    java.util.concurrent.Future<?> previous, boolean intoEmptyTable) {
                long t = System.nanoTime();
                try {
                    return super.storeBatch(entity, records, deletedIds, watermark, fullRead, previous, intoEmptyTable);
                } finally {
                    synchronized (storeNanos) {
                        storeNanos[0] += System.nanoTime() - t;
                    }
                }
            }
        };
        CrmSync sync = new CrmSync(crm, mapper, store, Clock.systemUTC(), SyncSettings.DEFAULTS);

        long start = System.nanoTime();
        long records = 0;
        long calls = 0;
        long minimum = 0;
        System.out.printf("%-20s %10s %10s %6s %8s%n", "entity", "read", "written", "calls", "minimum");
        for (String entity : mapper.entities()) {
            var r = sync.sync(entity);
            // The COUNT() that sizes the progress log is one call beyond the pages themselves.
            long min = (r.read() + 1999) / 2000;
            System.out.printf("%-20s %,10d %,10d %6d %8d%n", entity, r.read(), r.written(), r.calls(), min);
            records += r.read();
            calls += r.calls();
            minimum += min;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("total: %,d records in %.1f s = %,.0f records/s; API calls %d against a minimum of %d"
                + " (%.2f x)%n", records, seconds, records / seconds, calls, minimum, (double) calls / minimum);
        System.out.printf("time in store transactions, summed over the two writer threads: %.1f s%n", storeNanos[0] / 1e9);
        System.out.printf("peak heap (sum of pool peaks) %d MiB; %s%n", peakHeap >> 20,
                Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("VmHWM") || l.startsWith("VmRSS")).toList());
    }
}
