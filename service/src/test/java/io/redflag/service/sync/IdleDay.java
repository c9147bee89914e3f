package io.redflag.service.sync;

import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.PollingSource;
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
import io.redflag.service.TestClock;
import io.redflag.service.store.CrmStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * An idle org polled for simulated days: the service's polling source and schedule with the default settings
 * against an emulated org that shares a clock the harness moves a minute at a time. What it counts are the
 * API calls the org itself counted, not what the schedule believes it made.
 */
public final class IdleDay implements AutoCloseable {
    static final PollSchedule.Settings DEFAULTS = new PollSchedule.Settings(Duration.ofSeconds(60),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), 0.02, 0);

    final TestClock clock;
    final Emulator emulator;
    final SalesforceSession session;
    final CrmStore store;
    final PollingSource source;
    final PollSchedule schedule;
    private final CrmReads reads;
    private io.redflag.connector.intake.cdc.ChangeDataCapture stream;

    public PollSchedule schedule() {
        return schedule;
    }

    /** @param org the emulator's configuration, with {@code clock} as its clock */
    IdleDay(TestClock clock, EmulatorConfig org, DataSource store, Path mappingFile) throws Exception {
        this(clock, org, store, mappingFile, DEFAULTS);
    }

    public IdleDay(TestClock clock, EmulatorConfig org, DataSource store, Path mappingFile, PollSchedule.Settings settings)
            throws Exception {
        this.clock = clock;
        this.emulator = Emulator.start(org);
        this.session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(emulator.baseUrl()),
                EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET), clock);
        Mapping mapping = MappingLoader.load(mappingFile);
        var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object).toList();
        RecordMapper mapper = new RecordMapper(mapping, MappingValidator.validate(mapping,
                WscOrgSchema.describe(session, objects)).throwIfErrors());
        ResilientCrm crm = new ResilientCrm(session, ResilienceSettings.defaults(),
                new ApiBudget(session::apiUsage, ApiBudget.DEFAULT_READ_SHARE, clock, ApiBudget.DEFAULT_RECHECK));
        this.store = new CrmStore(store, clock);
        this.reads = new CrmReads(crm, mapper, SyncSettings.DEFAULTS.batchSize());
        this.source = new PollingSource(reads, this.store,
                clock, SyncSettings.DEFAULTS, new SyncState(clock));
        this.schedule = source.schedule(settings, () -> crm.budget().state().limit());
    }

    /** Marks objects (by entity) as covered by a push source: only reconciled. */
    public void pushCovered(Collection<String> entities) {
        schedule.pushCovered(entities, true);
    }

    /**
     * Subscribes to the org's change events (/data/ChangeEvents, every captured object; the emulator must serve its
     * Pub/Sub API) as the service does: the objects the stream covers are only reconciled, at {@code reconcile}.
     */
    public void streamChanges(Duration reconcile) {
        var listener = new io.redflag.connector.intake.cdc.ChangeStreamListener() {
            @Override
            public void covering(Collection<String> entities, boolean up) {
                schedule.pushCovered(entities, up, reconcile);
            }

            @Override
            public void reconcile(Collection<String> entities) {
                entities.forEach(schedule::nudge);
            }

        };
        var settings = new io.redflag.connector.intake.cdc.CdcSettings("127.0.0.1", emulator.pubSubPort(),
                List.of(io.redflag.connector.intake.cdc.CdcSettings.ALL_CHANGES), List.of("Account", "Contact",
                        "Opportunity", "OpportunityContactRole", "Task", "Event", "Case", "User"), 100,
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(5), emulator.pubSubCertificatePem());
        stream = new io.redflag.connector.intake.cdc.ChangeDataCapture(settings, session,
                new io.redflag.connector.intake.cdc.ChangeEventIntake(reads, store, store, listener), store, store,
                listener);
        stream.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> stream.state().stream()
                .allMatch(io.redflag.connector.intake.cdc.ChangeDataCapture.TopicState::up));
    }

    /** The org's own count of API calls (exact: lanes answer out of order, so the last LimitInfoHeader may lag). */
    long apiCalls() {
        return emulator.control().apiUsed();
    }

    /** Polls whatever is due each simulated minute for {@code duration}; returns the API calls it made. */
    public long run(Duration duration) {
        long before = apiCalls();
        for (long minute = 0; minute < duration.toMinutes(); minute++) {
            List<String> due = schedule.due();
            if (!due.isEmpty()) {
                source.poll(due, schedule::deletionCheckEvery, r -> schedule.polled(r.entity(), r.sawChanges(),
                        r.calls()));
            }
            clock.advance(Duration.ofMinutes(1));
        }
        return apiCalls() - before;
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.stop();
        }
        emulator.close();
    }
}
