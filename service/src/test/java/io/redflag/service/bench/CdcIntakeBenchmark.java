package io.redflag.service.bench;

import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.PollingSource;
import io.redflag.connector.intake.SyncSettings;
import io.redflag.connector.intake.SyncState;
import io.redflag.connector.intake.cdc.CdcSettings;
import io.redflag.connector.intake.cdc.ChangeDataCapture;
import io.redflag.connector.intake.cdc.ChangeEventIntake;
import io.redflag.connector.intake.cdc.ChangeStreamListener;
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
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.store.SRecord;
import io.redflag.emulator.store.WriteContext;
import io.redflag.service.store.CrmStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * Sustained intake: the demo org serving its Pub/Sub API, a store read in full, the change stream running; then a
 * burst of {@code changes} updates (task subjects, each its own transaction, as fast as the org takes them) and,
 * every 5 s, how many the org has published, how many the stream has stored, and the lag between. Prints the
 * stored events per second over the whole burst. Run by scripts/bench-cdc-intake.sh.
 */
public final class CdcIntakeBenchmark {

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String jdbc = args.length > 1 && !args[1].isEmpty() ? args[1] : null;
        Clock clock = Clock.systemUTC();
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withDemoOrg().withPubSubPort(0));
                var ds = new com.zaxxer.hikari.HikariDataSource()) {
            ds.setJdbcUrl(jdbc != null ? jdbc : "jdbc:h2:mem:cdc" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            ds.setUsername(jdbc != null && jdbc.startsWith("jdbc:postgresql") ? "postgres" : "sa");
            io.redflag.service.store.PostgresConnections.tune(ds);
            Flyway.configure().dataSource(ds).cleanDisabled(false).load().clean();
            Flyway.configure().dataSource(ds).load().migrate();
            SalesforceSession session = new SalesforceSession(SalesforceCredentials.clientCredentials(
                    URI.create(emulator.baseUrl()), EmulatorConfig.DEFAULT_CLIENT_ID,
                    EmulatorConfig.DEFAULT_CLIENT_SECRET), clock);
            Mapping mapping = MappingLoader.load(Path.of("mappings/salesforce.yaml"));
            var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object).toList();
            RecordMapper mapper = new RecordMapper(mapping, MappingValidator.validate(mapping,
                    WscOrgSchema.describe(session, objects)).throwIfErrors());
            ResilientCrm crm = new ResilientCrm(session, ResilienceSettings.defaults(), new ApiBudget(session::apiUsage,
                    ApiBudget.DEFAULT_READ_SHARE, clock, ApiBudget.DEFAULT_RECHECK));
            CrmReads reads = new CrmReads(crm, mapper, 2000);
            CrmStore store = new CrmStore(ds, clock);
            new PollingSource(reads, store, clock, SyncSettings.DEFAULTS, new SyncState(clock)).syncAll();

            AtomicLong stored = new AtomicLong();
            AtomicLong calls = new AtomicLong();
            ChangeStreamListener listener = new ChangeStreamListener() {
                @Override
                public void stored(ChangeEventIntake.Applied batch) {
                    stored.addAndGet(batch.events());
                    calls.addAndGet(batch.calls());
                }
            };
            CdcSettings settings = new CdcSettings("127.0.0.1", emulator.pubSubPort(),
                    List.of(CdcSettings.ALL_CHANGES), List.of("Task"), 100, Duration.ofSeconds(60),
                    Duration.ofSeconds(1), Duration.ofMinutes(5), emulator.pubSubCertificatePem());
            try (ChangeDataCapture cdc = new ChangeDataCapture(settings, session,
                    new ChangeEventIntake(reads, store, store, listener), store, store, listener)) {
                cdc.start();
                while (!cdc.state().get(0).up()) {
                    Thread.sleep(100);
                }
                Thread.sleep(1000); // the server has taken the subscription at the tip
                var org = emulator.store();
                List<SRecord> tasks = org.snapshot(org.schema().find("Task"), false);
                WriteContext other = WriteContext.api(emulator.runAsUserId(),
                        "com/salesforce/api/soap/65.0;client=Burst");
                long published0 = emulator.pubSub().stats().published();
                long started = System.nanoTime();
                Thread producer = new Thread(() -> {
                    for (int i = 0; i < changes; i++) {
                        SRecord t = tasks.get(i % tasks.size());
                        org.update(t.id(), Map.of("Subject", "Burst " + i), Set.of(), other);
                    }
                });
                producer.start();
                long producedAt = 0;
                long maxLag = 0;
                System.out.printf("%8s %10s %10s %8s%n", "t (s)", "published", "stored", "lag");
                while (stored.get() < changes) {
                    Thread.sleep(5000);
                    long published = emulator.pubSub().stats().published() - published0;
                    long s = stored.get();
                    maxLag = Math.max(maxLag, published - s);
                    if (producedAt == 0 && !producer.isAlive()) {
                        producedAt = System.nanoTime();
                    }
                    System.out.printf("%8.0f %10d %10d %8d%n", (System.nanoTime() - started) / 1e9, published, s,
                            published - s);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%d changes: published in %.1f s, all stored after %.1f s: %.0f events/s stored;"
                        + " largest lag %d events; %d read calls%n", changes,
                        (producedAt == 0 ? System.nanoTime() : producedAt) / 1e9 - started / 1e9, seconds,
                        changes / seconds, maxLag, calls.get());
            }
        }
    }
}
