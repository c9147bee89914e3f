package io.redflag.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.PollingSource;
import io.redflag.connector.intake.StoredPage;
import io.redflag.connector.intake.SyncSettings;
import io.redflag.connector.intake.SyncState;
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
import io.redflag.service.StoreStates;
import io.redflag.service.TestClock;
import io.redflag.service.cluster.LeaderWork;
import io.redflag.service.cluster.Leadership;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.Databases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leadership lost in the middle of a first read: the read stops between pages (the page in hand is stored with
 * its watermark, no further page is asked of the CRM), and the next leader reads on from the watermark to a
 * store equal to one read without interruption.
 */
class RevokedMidReadIT {
    private static final SyncSettings SMALL_PAGES = new SyncSettings(Duration.ofMinutes(5), 200, Duration.ofHours(1), 1);
    private TestClock clock;
    private Emulator emulator;
    private SalesforceSession session;
    private RecordMapper mapper;

    @BeforeEach
    void start() throws Exception {
        clock = new TestClock(Instant.parse("2026-06-30T12:00:00Z"));
        emulator = Emulator.start(EmulatorConfig.defaults().withClock(clock).withDemoOrg());
        session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(emulator.baseUrl()),
                EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET), clock);
        Mapping mapping = MappingLoader.load(Path.of("../mappings/salesforce.yaml"));
        var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object).toList();
        mapper = new RecordMapper(mapping, MappingValidator.validate(mapping, WscOrgSchema.describe(session, objects))
                .throwIfErrors());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private PollingSource source(CrmStore into, SyncState state) {
        ResilientCrm crm = new ResilientCrm(session, ResilienceSettings.defaults(),
                new ApiBudget(session::apiUsage, ApiBudget.DEFAULT_READ_SHARE, clock, ApiBudget.DEFAULT_RECHECK));
        return new PollingSource(new CrmReads(crm, mapper, SMALL_PAGES.batchSize()), into, clock, SMALL_PAGES, state);
    }

    @Test
    void aReadStopsBetweenPagesWhenLeadershipIsLostAndTheNextLeaderReadsOnToTheSameStore() throws Exception {
        int total = emulator.store().count(emulator.store().schema().find("Task"), true);
        assertThat(total).as("enough tasks for many pages").isGreaterThan(10 * SMALL_PAGES.batchSize());
        DataSource cleanData = Databases.fresh("h2");
        source(new CrmStore(cleanData), new SyncState(clock)).sync("task");

        Leadership leadership = new Leadership("replica-a", clock);
        leadership.onGranted(null);
        LeaderWork work = new LeaderWork(leadership, () -> true, () -> leadership.onRevoked(null),
                Duration.ofSeconds(10));
        work.start();
        SyncState state = new SyncState(clock);
        state.mayGoOn(work::mayGoOn);
        CountDownLatch inPage = new CountDownLatch(1);
        CountDownLatch revoked = new CountDownLatch(1);
        AtomicInteger pagesStored = new AtomicInteger();
        DataSource storeData = Databases.fresh("h2");
        CrmStore store = new CrmStore(storeData) {
            @Override
            public StoredPage store(IntakePage page, Future<?> previous) {
                if (pagesStored.get() == 2) { // the third page is in hand when leadership goes
                    inPage.countDown();
                    await(revoked);
                }
                StoredPage stored = super.store(page, previous);
                pagesStored.incrementAndGet();
                return stored;
            }
        };
        CompletableFuture<PollingSource.ObjectResult> read = CompletableFuture.supplyAsync(
                () -> work.run(() -> source(store, state).sync("task")));
        await(inPage);
        leadership.onRevoked(null);
        long callsAtRevoke = emulator.control().apiUsed();
        revoked.countDown();
        PollingSource.ObjectResult stopped = read.get(60, TimeUnit.SECONDS);

        int stored = store.count("task", true);
        assertThat(stored).as("whole pages only").isEqualTo(pagesStored.get() * SMALL_PAGES.batchSize());
        assertThat(stored).as("stopped early").isLessThan(total).isEqualTo(stopped.read());
        // The pages read ahead are stored; of the CRM, at most the page already asked for was read after.
        assertThat(emulator.control().apiUsed() - callsAtRevoke).isLessThanOrEqualTo(1);
        assertThat(store.watermark("Task")).isPresent();

        source(store, new SyncState(clock)).sync("task"); // the next leader
        StoreStates.assertSameCrmRecords(cleanData, storeData);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
