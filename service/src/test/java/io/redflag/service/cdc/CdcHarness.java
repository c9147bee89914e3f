package io.redflag.service.cdc;

import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.PollingSource;
import io.redflag.connector.intake.StoredPage;
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
import io.redflag.service.TestClock;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.Databases;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The emulated demo org serving its Pub/Sub API, a real store (H2 or PostgreSQL) read in full once, and change
 * streams into it: every page stored and every call to the listener is kept, reconciliation runs a real poll.
 */
final class CdcHarness implements AutoCloseable {
    static final String TOPIC = CdcSettings.ALL_CHANGES;
    /** Every object the demo org captures that the mapping reads. */
    static final List<String> OBJECTS = List.of("Account", "Contact", "Opportunity", "OpportunityContactRole",
            "Task", "Event", "Case", "User");
    /** The tables change events feed (the histories are polled only). */
    static final List<String> STREAMED = List.of("crm_user", "account", "contact", "contact_role", "opportunity",
            "task", "event", "support_case");

    final TestClock clock = new TestClock(Instant.parse("2026-06-30T12:00:00Z"));
    final Emulator emulator;
    final SalesforceSession session;
    final RecordMapper mapper;
    final CrmReads reads;
    final DataSource data;
    final Pages store;
    final PollingSource polls;
    final List<Collection<String>> reconciled = new CopyOnWriteArrayList<>();
    final List<ChangeEventIntake.Applied> applied = new CopyOnWriteArrayList<>();
    /**
     * Records whose only changes were to fields the mapping does not read: such a change costs nothing, so the
     * stored stamp (modified_at) stays at the last change that mattered, the one difference from a full read.
     */
    final Set<Object> unmappedOnly = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<ChangeDataCapture> streams = new ArrayList<>();

    /** The store, keeping each page it was given; a hook may hold a page back before it is stored. */
    static final class Pages extends CrmStore {
        final List<IntakePage> pages = new CopyOnWriteArrayList<>();
        volatile Consumer<IntakePage> beforeStore = p -> { };

        Pages(DataSource data) {
            super(data);
        }

        @Override
        public StoredPage store(IntakePage page, Future<?> previous) {
            beforeStore.accept(page);
            StoredPage stored = super.store(page, previous);
            pages.add(page);
            return stored;
        }
    }

    CdcHarness(String database) throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults().withClock(clock).withDemoOrg().withPubSubPort(0));
        session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(emulator.baseUrl()),
                EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET), clock);
        Mapping mapping = MappingLoader.load(Path.of("../mappings/salesforce.yaml"));
        var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object).toList();
        mapper = new RecordMapper(mapping, MappingValidator.validate(mapping, WscOrgSchema.describe(session, objects))
                .throwIfErrors());
        reads = new CrmReads(crm(), mapper, 2000);
        data = Databases.fresh(database);
        store = new Pages(data);
        polls = new PollingSource(reads, store, clock, SyncSettings.DEFAULTS, new SyncState(clock));
        polls.syncAll();
        store.pages.clear();
    }

    ResilientCrm crm() {
        return new ResilientCrm(session, ResilienceSettings.defaults().withMaxAttempts(10)
                .withBackoff(Duration.ofMillis(1), 1.5, 0.5, Duration.ofMillis(5)),
                new ApiBudget(session::apiUsage, ApiBudget.DEFAULT_READ_SHARE, clock, ApiBudget.DEFAULT_RECHECK));
    }

    CdcSettings settings(String topic, List<String> objects) {
        return new CdcSettings("127.0.0.1", emulator.pubSubPort(), List.of(topic), objects, 100,
                Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofMillis(200),
                emulator.pubSubCertificatePem());
    }

    /** A stream of /data/ChangeEvents, started; reconciliation polls the entities named. */
    ChangeDataCapture start() {
        return start(settings(TOPIC, OBJECTS));
    }

    ChangeDataCapture start(CdcSettings settings) {
        ChangeStreamListener listener = new ChangeStreamListener() {
            @Override
            public void reconcile(Collection<String> entities) {
                reconciled.add(List.copyOf(entities));
                polls.poll(List.copyOf(entities), e -> Duration.ZERO, r -> { });
            }

            @Override
            public void stored(ChangeEventIntake.Applied batch) {
                applied.add(batch);
            }
        };
        ChangeDataCapture cdc = new ChangeDataCapture(settings, session,
                new ChangeEventIntake(reads, store, store, listener), store, store, listener);
        streams.add(cdc);
        cdc.start();
        return cdc;
    }

    /**
     * Waits until the stream has stored everything the org published; nudges a quiet org with a change of a
     * field the mapping does not read (Account.Phone) until it has, since a stream subscribed at the tip only
     * sees what is published after the server took its request.
     */
    void caughtUp() {
        String account = emulator.store().snapshot(emulator.store().schema().find("Account"), false).get(0).id();
        int[] pokes = {0};
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (storedReplayId(TOPIC) == latestReplayId()) {
                        return true;
                    }
                    if (storedReplayId(TOPIC) < 0 && pokes[0]++ % 5 == 0) {
                        unmappedOnly.add(account);
                        emulator.store().update(account, java.util.Map.of("Phone", "+1 555 0100 " + pokes[0]),
                                Set.of(), io.redflag.emulator.store.WriteContext.api(emulator.runAsUserId()));
                    }
                    return false;
                });
    }

    /** Forgets what the pages, batches and reconciliations so far were. */
    void clearRecords() {
        store.pages.clear();
        applied.clear();
        reconciled.clear();
    }

    /** The replay id the store holds for the channel, as the emulator numbers them; -1 when none. */
    long storedReplayId(String topic) {
        return store.replayId(topic).map(b -> ByteBuffer.wrap(b).getLong()).orElse(-1L);
    }

    long latestReplayId() {
        return emulator.pubSub().stats().latestReplayId();
    }

    /** Every live row of the streamed tables, by table, in id order (deleted ones must be marked so). */
    static Map<String, List<Map<String, Object>>> rows(DataSource data) {
        JdbcTemplate jdbc = new JdbcTemplate(data);
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String table : STREAMED) {
            out.put(table, jdbc.queryForList("SELECT * FROM " + table + " WHERE deleted = FALSE ORDER BY id"));
        }
        return out;
    }

    /** The streamed tables of a fresh store read in full from the org now: what the stream must have reached. */
    Map<String, List<Map<String, Object>>> fullRead(String database) {
        DataSource fresh = Databases.fresh(database);
        new PollingSource(new CrmReads(crm(), mapper, 2000), new CrmStore(fresh), clock, SyncSettings.DEFAULTS,
                new SyncState(clock)).syncAll();
        return rows(fresh);
    }

    /**
     * Where the store differs from a full read of the org made now: per table, each row that is missing, extra
     * or different, with the differing columns (empty: equal, every row and every field).
     */
    List<String> differencesFromAFullRead(String database) {
        Map<String, List<Map<String, Object>>> expected = fullRead(database);
        Map<String, List<Map<String, Object>>> actual = rows(data);
        List<String> out = new ArrayList<>();
        expected.forEach((table, rows) -> {
            Map<Object, Map<String, Object>> have = new LinkedHashMap<>();
            actual.get(table).forEach(r -> have.put(r.get("ID"), r));
            for (Map<String, Object> want : rows) {
                Map<String, Object> got = have.remove(want.get("ID"));
                if (got == null) {
                    out.add(table + " " + want.get("ID") + ": missing");
                } else {
                    List<String> columns = new ArrayList<>();
                    want.forEach((k, v) -> {
                        boolean stampOnly = k.equalsIgnoreCase("modified_at") && unmappedOnly.contains(want.get("ID"));
                        if (!stampOnly && !java.util.Objects.equals(v, got.get(k))) {
                            columns.add(k + " stored " + got.get(k) + ", org " + v);
                        }
                    });
                    if (!columns.isEmpty()) {
                        out.add(table + " " + want.get("ID") + ": " + columns);
                    }
                }
            }
            have.keySet().forEach(id -> out.add(table + " " + id + ": not in the org"));
        });
        return out;
    }

    /** How many times each record id was in a stored page (written or marked deleted). */
    Map<String, Integer> storedTimes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (IntakePage p : store.pages) {
            p.records().forEach(r -> out.merge(r.id(), 1, Integer::sum));
            p.deletedIds().forEach(id -> out.merge(id, 1, Integer::sum));
        }
        return out;
    }

    int readCalls() {
        return applied.stream().mapToInt(ChangeEventIntake.Applied::calls).sum();
    }

    List<ChangeEventIntake.Applied> applied() {
        return Collections.unmodifiableList(applied);
    }

    @Override
    public void close() {
        streams.forEach(ChangeDataCapture::stop);
        emulator.close();
    }
}
