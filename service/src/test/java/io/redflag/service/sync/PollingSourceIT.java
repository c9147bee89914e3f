package io.redflag.service.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.ApiBudgetExhaustedException;
import io.redflag.connector.resilience.ResilienceSettings;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.service.StoreStates;
import io.redflag.service.TestClock;
import io.redflag.emulator.store.WriteContext;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.Databases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.redflag.service.cluster.LeaderWork;
import io.redflag.service.cluster.Leadership;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The polling source against the emulator's demo org, into a real store. */
class PollingSourceIT {
    private TestClock clock;
    private Emulator emulator;
    private SalesforceSession session;
    private RecordMapper mapper;
    private CrmStore store;
    private DataSource storeData;

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
        storeData = Databases.fresh("h2");
        store = new CrmStore(storeData);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    /** Retries without real waiting: the backoff is a millisecond. */
    private ResilientCrm crm() {
        return new ResilientCrm(session, ResilienceSettings.defaults().withMaxAttempts(10)
                .withBackoff(Duration.ofMillis(1), 1.5, 0.5, Duration.ofMillis(5)),
                new ApiBudget(session::apiUsage, ApiBudget.DEFAULT_READ_SHARE, clock, ApiBudget.DEFAULT_RECHECK));
    }

    private PollingSource sync() {
        return source(crm(), store, SyncSettings.DEFAULTS);
    }

    private PollingSource source(ResilientCrm crm, CrmStore into, SyncSettings settings) {
        return source(crm, into, settings, new SyncState(clock));
    }

    private PollingSource source(ResilientCrm crm, CrmStore into, SyncSettings settings, SyncState state) {
        return new PollingSource(new CrmReads(crm, mapper, settings.batchSize()), into, clock, settings, state);
    }

    private int orgCount(String object) {
        return emulator.store().count(emulator.store().schema().find(object), false);
    }

    @Test
    void theInitialSyncEqualsTheOrgAndAPollWithNothingChangedCostsOneCallPerObject() throws Exception {
        List<PollingSource.ObjectResult> first = sync().syncAll();
        assertThat(first).allSatisfy(r -> assertThat(r.full()).isTrue());
        for (String entity : mapper.entities()) {
            var org = emulator.store();
            List<String> orgIds = org.snapshot(org.schema().find(mapper.object(entity)), false).stream()
                    .map(r -> r.id()).sorted().toList();
            List<String> storedIds = new JdbcTemplate(storeData).queryForList("SELECT id FROM "
                    + CrmStore.tables().get(mapper.entities().indexOf(entity)) + " WHERE deleted = FALSE ORDER BY id",
                    String.class);
            assertThat(storedIds).as(entity).isEqualTo(orgIds);
        }
        clock.advance(Duration.ofMinutes(10));
        List<PollingSource.ObjectResult> second = sync().syncAll();
        assertThat(second).allSatisfy(r -> {
            assertThat(r.full()).isFalse();
            assertThat(r.calls()).as(r.entity()).isEqualTo(1);
        });
    }

    @Test
    void aReadToTheEndMovesTheWatermarkUpToItsStartLessTheOverlapSoAnIdlePollReadsNoRecordAgain() throws Exception {
        // The demo's records were all loaded at start: every record of the last five minutes before the last
        // change would be read again at each poll if the watermark stayed on the last record.
        PollingSource source = sync();
        source.syncAll();
        clock.advance(Duration.ofHours(1));
        Instant second = clock.instant();
        source.syncAll();
        for (String entity : mapper.entities()) {
            assertThat(store.watermark(mapper.object(entity)).orElseThrow().watermark()).as(entity)
                    .isEqualTo(second.minus(SyncSettings.DEFAULTS.overlap()));
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(source.syncAll()).allSatisfy(r -> {
            assertThat(r.read()).as(r.entity()).isZero();
            assertThat(r.calls()).as(r.entity()).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void objectsReadInLanesGiveTheStoreThatOneAtATimeGives(String db) throws Exception {
        DataSource oneLane = Databases.fresh(db);
        DataSource threeLanes = Databases.fresh(db);
        // Small pages, so that several pages of several objects are in their transactions at once.
        source(crm(), new CrmStore(oneLane), new SyncSettings(Duration.ofMinutes(5), 200, Duration.ofHours(1), 1))
                .syncAll();
        List<PollingSource.ObjectResult> results = source(crm(), new CrmStore(threeLanes),
                new SyncSettings(Duration.ofMinutes(5), 200, Duration.ofHours(1), 3)).syncAll();

        assertThat(results).extracting(PollingSource.ObjectResult::entity).as("results in the model's order")
                .containsExactlyElementsOf(mapper.entities());
        StoreStates.assertSameCrmState(oneLane, threeLanes);
    }

    @Test
    void withTheOrgsFaultsOnTheStoreEndsEqualToAFaultFreeRun() throws Exception {
        DataSource cleanData = Databases.fresh("h2");
        CrmStore clean = new CrmStore(cleanData);
        source(crm(), clean, SyncSettings.DEFAULTS).syncAll();

        // 503 maintenance pages, HTML error pages, sessions that expire every 7 calls and lock errors (which
        // Salesforce, and so the emulator, only gives writes: the reads must not mind), all at once.
        emulator.control().faults(new io.redflag.emulator.control.FaultSettings(0, 0.2, 0.1, 7, 0.3, 11));
        var smallPages = new SyncSettings(Duration.ofMinutes(5), 200, Duration.ofHours(1));
        source(crm(), store, smallPages).syncAll();
        emulator.control().faults(io.redflag.emulator.control.FaultSettings.NONE);

        assertThat(emulator.control().snapshot().get("injected").toString()).contains("HTTP_503", "HTML_ERROR_PAGE");
        StoreStates.assertSameCrmState(cleanData, storeData);
    }

    @Test
    void whenTheDailyLimitRunsOutTheSyncStopsAndTheNextDayFinishesWithNothingLostOrDoubled() throws Exception {
        DataSource cleanData = Databases.fresh("h2");
        CrmStore clean = new CrmStore(cleanData);
        source(crm(), clean, SyncSettings.DEFAULTS).syncAll();
        var smallPages = new SyncSettings(Duration.ofMinutes(5), 200, Duration.ofHours(1));

        // Reads allowed up to the limit itself: the org answers REQUEST_LIMIT_EXCEEDED part-way.
        emulator.control().apiLimit(emulator.control().apiUsed() + 30);
        ResilientCrm wholeBudget = new ResilientCrm(session, ResilienceSettings.defaults().withMaxAttempts(3)
                .withBackoff(Duration.ofMillis(1), 1.5, 0.5, Duration.ofMillis(5)),
                new ApiBudget(session::apiUsage, 1.0));
        SyncState state = new SyncState(clock);
        assertThatThrownBy(() -> source(wholeBudget, store, smallPages, state).syncAll())
                .hasMessageContaining("REQUEST_LIMIT_EXCEEDED");
        assertThat(state.lastCycleError()).contains("REQUEST_LIMIT_EXCEEDED");
        assertThat(total(store)).as("a part is stored").isPositive().isLessThan(total(clean));
        assertThat(emulator.control().snapshot().toString()).contains("REQUEST_LIMIT_EXCEEDED");

        // With the default budget, reads stop by themselves at 80 % of the limit, before the org refuses.
        emulator.control().resetApiUsage();
        emulator.control().apiLimit(emulator.control().apiUsed() + 40);
        ResilientCrm governed = crm();
        assertThatThrownBy(() -> source(governed, store, smallPages).syncAll())
                .isInstanceOf(ApiBudgetExhaustedException.class);
        assertThat(total(store)).isLessThan(total(clean));

        // The next day the usage starts again; the budget's next probe learns it, and the sync finishes with
        // nothing lost or doubled. One lane: with two, the read racing the probe is refused and that cycle
        // fails (the next one finishes).
        emulator.control().resetApiUsage();
        emulator.control().apiLimit(1_000_000);
        clock.advance(Duration.ofHours(1));
        source(governed, store, new SyncSettings(Duration.ofMinutes(5), 200, Duration.ofHours(1), 1)).syncAll();
        StoreStates.assertSameCrmRecords(cleanData, storeData);
    }

    private int total(CrmStore s) {
        return mapper.entities().stream().mapToInt(e -> s.count(e, true)).sum();
    }

    @Test
    void editsDeletesAndUndeletesInTheOrgAppearAfterTheNextPoll() throws Exception {
        sync().syncAll();
        var org = emulator.store();
        var user = WriteContext.api(emulator.runAsUserId());
        String opportunity = org.snapshot(org.schema().find("Opportunity"), false).get(0).id();
        String contact = org.snapshot(org.schema().find("Contact"), false).get(0).id();
        clock.advance(Duration.ofMinutes(10));
        org.update(opportunity, Map.of("NextStep", "Call the new CFO"), Set.of(), user);
        org.delete(contact, user);
        sync().syncAll();
        assertThat(store.row("opportunity", opportunity).get("nextStep")).isEqualTo("Call the new CFO");
        assertThat(store.row("contact", contact).get("deleted")).isEqualTo(true);

        clock.advance(Duration.ofMinutes(10));
        org.undelete(contact, user);
        sync().syncAll();
        assertThat(store.row("contact", contact).get("deleted")).isEqualTo(false);
    }

    @Test
    void aChangeCommittedLateWithAnOlderSystemModstampInsideTheOverlapIsNotMissed() throws Exception {
        assertThat(lateCommitSeen(SyncSettings.DEFAULTS)).isTrue();
    }

    @Test
    void withoutTheOverlapTheSameLateCommitWouldBeMissed() throws Exception {
        assertThat(lateCommitSeen(new SyncSettings(Duration.ZERO, 2000, Duration.ofHours(1)))).isFalse();
    }

    /** A transaction that started two minutes ago commits after a poll read newer changes. */
    private boolean lateCommitSeen(SyncSettings settings) throws Exception {
        PollingSource sync = source(crm(), store, settings);
        sync.syncAll();
        var org = emulator.store();
        var accounts = org.snapshot(org.schema().find("Account"), false);
        clock.advance(Duration.ofMinutes(10));
        org.update(accounts.get(1).id(), Map.of("Industry", "Energy"), Set.of(), WriteContext.api(emulator.runAsUserId()));
        sync.sync("account");
        String account = accounts.get(0).id();
        org.update(account, Map.of("Name", "Renamed Late"), Set.of(), WriteContext.api(emulator.runAsUserId()));
        org.backdate(account, clock.instant().minus(Duration.ofMinutes(2)));
        sync.sync("account");
        return "Renamed Late".equals(store.row("account", account).get("name"));
    }

    @Test
    void aRestartInTheMiddleOfASyncResumesWithNothingLostOrDoubled() throws Exception {
        // Crash while a later page of tasks is being stored (pages are stored two at a time, committed in order).
        DataSource failingData = Databases.fresh("h2");
        CrmStore failing = new CrmStore(failingData) {
            private final java.util.concurrent.atomic.AtomicBoolean crashed = new java.util.concurrent.atomic.AtomicBoolean();

            @Override
            public StoredPage store(IntakePage page, java.util.concurrent.Future<?> previous) {
                if (page.entity().equals("task") && previous != null && crashed.compareAndSet(false, true)) {
                    // Inside the page's transaction: its rows are written, then it dies before the commit.
                    return super.store(page, java.util.concurrent.CompletableFuture.failedFuture(
                            new IllegalStateException("simulated crash")));
                }
                return super.store(page, previous);
            }
        };
        var smallPages = new SyncSettings(Duration.ofMinutes(5), 200, Duration.ofHours(1));
        try {
            source(crm(), failing, smallPages).sync("task");
        } catch (RuntimeException expected) {
            // the service died here
        }
        int stored = failing.count("task", true);
        assertThat(stored).as("whole pages before the crash").isPositive().isLessThan(orgCount("Task"));
        assertThat(stored % 200).isZero();
        clock.advance(Duration.ofMinutes(1));
        PollingSource.ObjectResult resumed = source(crm(), failing, smallPages).sync("task");
        assertThat(resumed.full()).isFalse();
        DataSource cleanData = Databases.fresh("h2");
        source(crm(), new CrmStore(cleanData), smallPages).sync("task");
        StoreStates.assertSameCrmRecords(cleanData, failingData);
    }

    /**
     * Leadership lost in the middle of a first read: the read stops between pages (the pages in hand are stored
     * with their watermark, no further page is asked of the CRM), and the next leader reads on from the watermark
     * to a store equal to one read without interruption.
     */
    @Test
    void aReadStopsBetweenPagesWhenLeadershipIsLostAndTheNextLeaderReadsOnToTheSameStore() throws Exception {
        var smallPages = new SyncSettings(Duration.ofMinutes(5), 200, Duration.ofHours(1), 1);
        int total = emulator.store().count(emulator.store().schema().find("Task"), true);
        assertThat(total).as("enough tasks for many pages").isGreaterThan(10 * smallPages.batchSize());
        DataSource cleanData = Databases.fresh("h2");
        source(crm(), new CrmStore(cleanData), smallPages).sync("task");

        Leadership leadership = new Leadership("replica-a", clock);
        leadership.onGranted(null);
        LeaderWork work = new LeaderWork(leadership, () -> true, () -> leadership.onRevoked(null),
                Duration.ofSeconds(10));
        work.start();
        SyncState state = new SyncState(clock);
        state.mayGoOn(work::mayGoOn);
        CountDownLatch inPage = new CountDownLatch(1);
        CountDownLatch revoked = new CountDownLatch(1);
        AtomicInteger pages = new AtomicInteger();
        CrmStore gated = new CrmStore(storeData) {
            @Override
            public StoredPage store(IntakePage page, Future<?> previous) {
                if (pages.incrementAndGet() == 3) { // the third page is in hand when leadership goes
                    inPage.countDown();
                    await(revoked);
                }
                return super.store(page, previous);
            }
        };
        CompletableFuture<PollingSource.ObjectResult> read = CompletableFuture.supplyAsync(
                () -> work.run(() -> source(crm(), gated, smallPages, state).sync("task")));
        await(inPage);
        leadership.onRevoked(null);
        long callsAtRevoke = emulator.control().apiUsed();
        revoked.countDown();
        PollingSource.ObjectResult stopped = read.get(60, TimeUnit.SECONDS);

        int stored = gated.count("task", true);
        assertThat(stored).as("whole pages only").isEqualTo(pages.get() * smallPages.batchSize());
        assertThat(stored).as("stopped early").isLessThan(total).isEqualTo(stopped.read());
        // The pages read ahead are stored; of the CRM, at most the page already asked for was read after.
        assertThat(emulator.control().apiUsed() - callsAtRevoke).isLessThanOrEqualTo(1);
        assertThat(gated.watermark("Task")).isPresent();

        source(crm(), gated, smallPages).sync("task"); // the next leader
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
