package io.redflag.service.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.intake.cdc.ChangeDataCapture;
import io.redflag.connector.intake.cdc.ChangeEventIntake;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import io.redflag.emulator.store.WriteContext;
import io.redflag.service.store.Databases;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The change stream against the emulated org's Pub/Sub API into a real store, H2 and PostgreSQL (one org and
 * store per database: starting the demo org and reading it in full takes a while). Each test begins with the
 * stream running and caught up, and most end comparing the store with a full read of the org made afterwards:
 * every row, every field.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "postgresql"})
class ChangeStreamIT {
    private static CdcHarness h;
    private static OrgStore org;
    private static WriteContext someoneElse;
    private static ChangeDataCapture cdc;
    @Parameter
    String database;

    @BeforeParameterizedClassInvocation
    static void start(String store) throws Exception {
        cdc = null;
        h = new CdcHarness(store);
        org = h.emulator.store();
        someoneElse = WriteContext.api(h.emulator.runAsUserId(), "com/salesforce/api/soap/65.0;client=DataLoader");
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        h.close();
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @BeforeEach
    void running() {
        if (cdc == null) {
            cdc = h.start();
        }
        h.caughtUp();
        h.clearRecords();
    }

    private static List<SRecord> records(String object) {
        return org.snapshot(org.schema().find(object), false);
    }

    /** Makes a change and waits until the stream has stored everything the org published. */
    private static void change(Runnable write) {
        write.run();
        h.caughtUp();
    }

    private static void restart() {
        cdc = h.start();
    }

    @Test
    void everyKindOfChangeIsStoredOnceAndTheStoreEqualsAFullReadAfterwards() {
        String account = records("Account").get(0).id();
        SRecord opportunity = records("Opportunity").get(0);
        List<SRecord> contacts = records("Contact");
        List<SRecord> tasks = records("Task");
        String[] created = new String[1];
        change(() -> created[0] = org.create(org.schema().find("Contact"), Map.of("FirstName", "Ada", "LastName",
                "Lovelace", "AccountId", account, "Title", "CTO", "Email", "ada@example.com"), someoneElse).id());
        change(() -> org.update(opportunity.id(), Map.of("StageName", "Closed Lost", "Amount", "1234.5"), Set.of(),
                someoneElse));
        change(() -> org.update(contacts.get(0).id(), Map.of("Title", "Chief Executive Officer"), Set.of(),
                someoneElse));
        change(() -> org.update(contacts.get(1).id(), Map.of("LastName", "Renamed"), Set.of("Email"), someoneElse));
        change(() -> org.delete(tasks.get(0).id(), someoneElse));
        change(() -> org.delete(tasks.get(1).id(), someoneElse));
        change(() -> org.undelete(tasks.get(1).id(), someoneElse));

        assertThat(h.differencesFromAFullRead(database)).isEmpty();
        assertThat(h.storedTimes()).isEqualTo(Map.of(created[0], 1, opportunity.id(), 1, contacts.get(0).id(), 1,
                contacts.get(1).id(), 1, tasks.get(0).id(), 1, tasks.get(1).id(), 2));
        // Only the renamed contact needed a read: its full Name is made of parts an update does not all carry.
        assertThat(h.applied().stream().mapToInt(ChangeEventIntake.Applied::reRead).sum()).isEqualTo(1);
        assertThat(h.readCalls()).isEqualTo(1);
    }

    @Test
    void aChangeOfFieldsTheMappingDoesNotReadCostsNoReadAndWritesNoRecord() {
        String account = records("Account").get(1).id();
        h.unmappedOnly.add(account);
        change(() -> org.update(account, Map.of("Phone", "+44 20 7946 0000"), Set.of(), someoneElse));
        assertThat(h.storedTimes()).isEmpty();
        assertThat(h.applied().stream().mapToInt(ChangeEventIntake.Applied::unmapped).sum()).isEqualTo(1);
        assertThat(h.readCalls()).isZero();
        assertThat(h.differencesFromAFullRead(database)).isEmpty();
    }

    @Test
    void redflagsOwnWritesThroughThePartnerApiDoNotComeBackAsChanges() throws Exception {
        SRecord contact = records("Contact").get(2);
        Object storedTitle = h.store.row("contact", contact.id()).get("title");
        SObject update = new SObject("Contact");
        update.setId(contact.id());
        update.setField("Title", "Written by Redflag");
        change(() -> {
            try {
                assertThat(h.session.call(c -> c.update(new SObject[] {update}))[0].getSuccess()).isTrue();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(h.applied().stream().mapToInt(ChangeEventIntake.Applied::echoes).sum()).isEqualTo(1);
        assertThat(h.storedTimes()).isEmpty();
        assertThat(h.store.row("contact", contact.id()).get("title")).isEqualTo(storedTitle);
    }

    @Test
    void aRestartResumesFromTheStoredReplayIdWithNothingLostOrDoubled() {
        List<SRecord> tasks = records("Task").subList(10, 13);
        change(() -> org.update(tasks.get(0).id(), Map.of("Subject", "Before the stop"), Set.of(), someoneElse));
        cdc.stop();
        org.update(tasks.get(1).id(), Map.of("Subject", "While stopped"), Set.of(), someoneElse);
        org.update(tasks.get(2).id(), Map.of("Subject", "While stopped too"), Set.of(), someoneElse);
        restart();
        h.caughtUp();
        assertThat(h.storedTimes()).isEqualTo(Map.of(tasks.get(0).id(), 1, tasks.get(1).id(), 1,
                tasks.get(2).id(), 1));
        assertThat(h.reconciled).isEmpty();
        assertThat(h.differencesFromAFullRead(database)).isEmpty();
    }

    @Test
    void aReplayIdOutsideRetentionIsHealedByReconcilingTheChannelsObjectsThenFollowingFromTheTip() {
        SRecord contact = records("Contact").get(3);
        cdc.stop();
        org.update(contact.id(), Map.of("Title", "Changed while the replay id aged out"), Set.of(), someoneElse);
        assertThat(h.emulator.pubSub().expireRetention()).isPositive();
        restart();
        h.caughtUp();
        assertThat(h.reconciled).containsExactly(cdc.coveredEntities());
        assertThat(h.store.row("contact", contact.id()).get("title")).isEqualTo("Changed while the replay id aged out");
        assertThat(h.differencesFromAFullRead(database)).isEmpty();
    }

    @Test
    void aFirstSubscriptionFromTheTipCatchesUpByAPollOnWhatChangedSinceTheLastRead() {
        SRecord contact = records("Contact").get(7);
        cdc.stop();
        h.store.forgetReplayId(CdcHarness.TOPIC);
        // Between the last read and the first subscription (start-up with no replay id stored): no event carries it.
        org.update(contact.id(), Map.of("Title", "Changed before the first subscription"), Set.of(), someoneElse);
        restart();
        h.caughtUp();
        assertThat(h.reconciled).containsExactly(cdc.coveredEntities());
        assertThat(h.store.row("contact", contact.id()).get("title"))
                .isEqualTo("Changed before the first subscription");
        assertThat(h.differencesFromAFullRead(database)).isEmpty();
    }

    @Test
    void aGapEventIsHealedByReadingTheNamedRecordsById() {
        List<String> lost = records("Contact").subList(4, 6).stream().map(SRecord::id).toList();
        // The store misses these records, as if their changes had never come.
        lost.forEach(id -> new JdbcTemplate(h.data).update("DELETE FROM contact WHERE id = ?", id));
        change(() -> h.emulator.pubSub().gap("GAP_UPDATE", lost));
        assertThat(h.storedTimes()).isEqualTo(lost.stream().collect(Collectors.toMap(id -> id, id -> 1)));
        assertThat(h.readCalls()).isEqualTo(1);
        assertThat(h.differencesFromAFullRead(database)).isEmpty();
    }

    @Test
    void anOverflowIsHealedByReconcilingItsObject() {
        List<SRecord> contacts = records("Contact").subList(6, 9);
        h.emulator.pubSub().overflowThreshold(1);
        try {
            change(() -> org.transaction(() -> contacts.forEach(c -> org.update(c.id(),
                    Map.of("Title", "Renamed in bulk"), Set.of(), someoneElse))));
        } finally {
            h.emulator.pubSub().overflowThreshold(100_000);
        }
        assertThat(h.reconciled).containsExactly(List.of("contact"));
        assertThat(contacts).allSatisfy(c -> assertThat(h.store.row("contact", c.id()).get("title"))
                .isEqualTo("Renamed in bulk"));
        assertThat(h.differencesFromAFullRead(database)).isEmpty();
    }

    @Test
    void anExpiredSessionIsRenewedAndTheStreamGoesOn() {
        SRecord contact = records("Contact").get(9);
        long reconnects = cdc.state().get(0).reconnects();
        h.emulator.pubSub().expireSessions();
        change(() -> org.update(contact.id(), Map.of("Title", "After the session expired"), Set.of(), someoneElse));
        assertThat(cdc.state().get(0).reconnects()).isGreaterThan(reconnects);
        assertThat(h.store.row("contact", contact.id()).get("title")).isEqualTo("After the session expired");
        assertThat(h.storedTimes()).isEqualTo(Map.of(contact.id(), 1));
    }

    @Test
    void aStreamResetWhileABatchIsBeingStoredLosesNothingAndStoresNothingTwice() throws Exception {
        List<SRecord> tasks = records("Task").subList(100, 250);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        h.store.beforeStore = page -> {
            if (holding.getCount() > 0 && !page.records().isEmpty()) {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            tasks.forEach(t -> org.update(t.id(), Map.of("Subject", "Bulk follow-up " + t.id()), Set.of(), someoneElse));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(h.emulator.pubSub().resetStreams()).isEqualTo(1);
            release.countDown();
            h.caughtUp();
        } finally {
            h.store.beforeStore = page -> { };
        }
        assertThat(h.storedTimes()).isEqualTo(tasks.stream().collect(Collectors.toMap(SRecord::id, t -> 1)));
        assertThat(h.differencesFromAFullRead(database)).isEmpty();
    }
}
