package io.redflag.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.redflag.emulator.store.WriteContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polling source against the emulated demo org, into the in-memory store: what it reads and what it costs. */
class PollingSourceIT {
    private final MovingClock clock = new MovingClock();
    private Emulator emulator;
    private RecordMapper mapper;
    private CrmReads reads;
    private final MemoryIntakeStore store = new MemoryIntakeStore();

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults().withClock(clock).withDemoOrg());
        SalesforceSession session = new SalesforceSession(SalesforceCredentials.clientCredentials(
                URI.create(emulator.baseUrl()), EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET),
                clock);
        Mapping mapping = MappingLoader.load(java.nio.file.Path.of("../mappings/salesforce.yaml"));
        var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object).toList();
        mapper = new RecordMapper(mapping, MappingValidator.validate(mapping, WscOrgSchema.describe(session, objects))
                .throwIfErrors());
        ResilientCrm crm = new ResilientCrm(session, ResilienceSettings.defaults(), new ApiBudget(session::apiUsage,
                ApiBudget.DEFAULT_READ_SHARE, clock, ApiBudget.DEFAULT_RECHECK));
        reads = new CrmReads(crm, mapper, 200);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private PollingSource source() {
        return new PollingSource(reads, store, clock, new SyncSettings(Duration.ofMinutes(5), 200, Duration.ofHours(1)),
                new SyncState(clock));
    }

    private Set<String> orgIds(String entity) {
        var org = emulator.store();
        Set<String> ids = new TreeSet<>();
        org.snapshot(org.schema().find(mapper.object(entity)), false).forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Test
    void aFirstReadBringsEveryRecordInPagesWithTheirWatermarkAndAnIdlePollCostsOneCallAndReadsNothing() {
        PollingSource source = source();
        List<PollingSource.ObjectResult> first = source.syncAll();
        for (String entity : mapper.entities()) {
            assertThat(new TreeSet<>(store.records.getOrDefault(entity, Map.of()).keySet())).as(entity)
                    .isEqualTo(orgIds(entity));
        }
        assertThat(first).allSatisfy(r -> assertThat(r.full()).isTrue());
        assertThat(store.fullReads).containsExactlyInAnyOrderElementsOf(mapper.entities());
        // The tasks in pages of 200 (the batch size), each moving the watermark, committed in order.
        int tasks = orgIds("task").size();
        List<Integer> pages = new java.util.ArrayList<>(java.util.Collections.nCopies(tasks / 200, 200));
        if (tasks % 200 > 0) {
            pages.add(tasks % 200);
        }
        assertThat(store.pages.stream().filter(p -> p.entity().equals("task") && !p.records().isEmpty())
                .map(p -> p.records().size()).toList()).isEqualTo(pages);
        List<Instant> marks = store.pages.stream().filter(p -> p.entity().equals("task")
                && p.position() instanceof Watermark).map(p -> ((Watermark) p.position()).watermark()).toList();
        assertThat(marks).isSorted();

        clock.advance(Duration.ofHours(1));
        Instant second = clock.instant();
        assertThat(source.syncAll()).allSatisfy(r -> {
            assertThat(r.full()).isFalse();
            assertThat(r.sawChanges()).isFalse();
        });
        assertThat(store.watermark("Task").orElseThrow().watermark()).isEqualTo(second.minus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(15));
        assertThat(source.syncAll()).allSatisfy(r -> {
            assertThat(r.read()).as(r.entity()).isZero();
            assertThat(r.calls()).as(r.entity()).isEqualTo(1);
        });
    }

    @Test
    void aChangeIsReadOnceSnapsTheIntervalBackAndADeletionArrivesMarkedDeleted() {
        PollingSource source = source();
        source.syncAll();
        clock.advance(Duration.ofMinutes(10));
        var org = emulator.store();
        var contacts = org.snapshot(org.schema().find("Contact"), false);
        org.update(contacts.get(0).id(), Map.of("Title", "Chief Revenue Officer"), Set.of(),
                WriteContext.api(emulator.runAsUserId()));
        org.delete(contacts.get(1).id(), WriteContext.api(emulator.runAsUserId()));

        PollingSource.ObjectResult contact = source.sync("contact");
        assertThat(contact.sawChanges()).isTrue();
        assertThat(contact.deleted()).isEqualTo(1);
        assertThat(store.records.get("contact").get(contacts.get(0).id()).get("title"))
                .isEqualTo("Chief Revenue Officer");
        assertThat(store.deleted).contains(contacts.get(1).id());
    }

    @Test
    void deletionsPurgedPastWhatWasCoveredMakeTheNextReadAFullOneOnceGetDeletedIsDueAndTheStateSaysWhereTheSyncIs() {
        SyncState state = new SyncState(clock);
        PollingSource source = new PollingSource(reads, store, clock, new SyncSettings(Duration.ofMinutes(5), 200,
                Duration.ofHours(1)), state);
        source.syncAll();
        assertThat(state.cycles()).isEqualTo(1);
        assertThat(state.lastCycleError()).isNull();
        assertThat(state.objects().get("Case").lastSuccessAt()).isEqualTo(clock.instant());
        assertThat(state.objects().get("Case").total()).isEqualTo(orgIds("supportCase").size());

        clock.advance(Duration.ofMinutes(30));
        var org = emulator.store();
        String gone = org.snapshot(org.schema().find("Case"), false).get(0).id();
        org.delete(gone, WriteContext.api(emulator.runAsUserId()));
        clock.advance(Duration.ofMinutes(20));
        org.purgeRecycleBin(clock.instant().plusSeconds(1)); // out of queryAll's sight: only getDeleted knows

        PollingSource.ObjectResult early = source.sync("supportCase");
        assertThat(early.calls()).as("within the hour: no getDeleted").isEqualTo(1);
        assertThat(store.deleted).doesNotContain(gone);

        clock.advance(Duration.ofMinutes(40));
        PollingSource.ObjectResult due = source.sync("supportCase");
        assertThat(due.calls()).as("queryAll and getDeleted").isEqualTo(2);
        // Salesforce purged deletions past what was covered: the object is read again in full.
        assertThat(store.watermark("Case")).isEmpty();
        PollingSource.ObjectResult again = source.sync("supportCase");
        assertThat(again.full()).isTrue();
        assertThat(again.read()).isEqualTo(orgIds("supportCase").size());
    }
}
