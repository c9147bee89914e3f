package io.redflag.emulator.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.MutableClock;
import io.redflag.emulator.outbound.Receiver.Answer;
import io.redflag.emulator.wsc.Wsc;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound Messages from a running org to a listener on loopback, records written through WSC. */
class OutboundMessagesIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final MutableClock clock = MutableClock.at("2026-06-30T12:00:00Z");
    private Receiver receiver;
    private URI endpoint;
    private Emulator emulator;
    private OutboundMessages outbound;
    private PartnerConnection conn;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        endpoint = receiver.uri("/crm/outbound-messages?token=abc");
        emulator = Emulator.start(EmulatorConfig.defaults().withClock(clock)
                .withOutboundMessage("Contact", List.of("Id", "AccountId", "Title", "LastName"), endpoint));
        outbound = emulator.outboundMessages();
        conn = Wsc.connect(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void createAndUpdateEachSendANotificationWithTheLatestValues() throws Exception {
        String account = create("Account", "Name", "Acme").get(0);
        String contact = create("Contact", "LastName", "Ng", "AccountId", account, "Title", "CFO").get(0);
        Receiver.Request first = receiver.await(1, WAIT).get(0);
        conn.update(new SObject[] {sobject("Contact", "Id", contact, "Title", "Chief Financial Officer")});
        Receiver.Request second = receiver.await(2, WAIT).get(1);
        awaitDelivered();

        assertThat(first.contentType()).isEqualTo("text/xml; charset=utf-8");
        assertThat(first.soapAction()).isEqualTo("\"\"");
        assertThat(first.query()).isEqualTo("token=abc");
        Notifications created = first.parsed();
        String org15 = Emulator.ORG_ID.substring(0, 15);
        assertThat(created.organizationId()).isEqualTo(Emulator.ORG_ID).hasSize(18);
        assertThat(created.actionId()).startsWith("04k").hasSize(18);
        assertThat(created.sessionNil()).isTrue();
        assertThat(created.enterpriseUrl()).isEqualTo(emulator.baseUrl() + "/services/Soap/c/65.0/" + org15);
        assertThat(created.partnerUrl()).isEqualTo(emulator.baseUrl() + "/services/Soap/u/65.0/" + org15);
        assertThat(created.items()).singleElement().satisfies(n -> {
            assertThat(n.id()).startsWith("04l").hasSize(18);
            assertThat(n.xsiType()).isEqualTo("sf:Contact");
            assertThat(n.fields()).containsExactly(Map.entry("Id", contact), Map.entry("AccountId", account),
                    Map.entry("Title", "CFO"), Map.entry("LastName", "Ng"));
        });
        Notifications updated = second.parsed();
        assertThat(updated.actionId()).isEqualTo(created.actionId());
        assertThat(updated.items()).singleElement().satisfies(n -> {
            assertThat(n.id()).isNotEqualTo(created.items().get(0).id());
            assertThat(n.fields()).containsEntry("Title", "Chief Financial Officer");
        });
        assertThat(outbound.stats(endpoint)).isEqualTo(new EndpointStats(2, 2, 2, 0, 0, 0, 0));
    }

    @Test
    void aMessageCarriesAtMostOneHundredNotifications() throws Exception {
        List<String> ids = new ArrayList<>(createContacts(200, "Batch"));
        ids.addAll(createContacts(50, "Tail"));
        awaitDelivered();

        List<Notifications> messages = receiver.requests().stream().map(Receiver.Request::parsed).toList();
        assertThat(messages).allSatisfy(m -> assertThat(m.items()).hasSizeBetween(1, 100));
        assertThat(messages.size()).isGreaterThanOrEqualTo(3);
        List<String> notificationIds = messages.stream().flatMap(m -> m.ids().stream()).toList();
        assertThat(new HashSet<>(notificationIds)).hasSize(250);
        assertThat(messages.stream().flatMap(m -> m.recordIds().stream())).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void failedDeliveriesAreRetriedFurtherApartUpToTwoHoursAndDroppedAfterADay() throws Exception {
        receiver.script(Answer.NACK);
        receiver.otherwise(Answer.HTTP_500);
        Instant queued = clock.instant();
        createContacts(1, "Unlucky");
        List<Instant> attempts = new ArrayList<>();
        while (outbound.stats(endpoint).dropped() == 0) {
            int n = attempts.size() + 1;
            receiver.await(n, WAIT);
            attempts.add(clock.instant());
            until(() -> outbound.stats(endpoint).retried() == n);
            clock.set(outbound.nextAttemptAt());
            until(() -> receiver.requests().size() > n || outbound.stats(endpoint).dropped() == 1);
        }
        awaitDelivered();

        assertThat(clock.instant()).isEqualTo(queued.plus(Duration.ofHours(24)));
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)));
        }
        assertThat(gaps.get(0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(gaps.get(1)).isEqualTo(Duration.ofSeconds(30));
        for (int i = 1; i < gaps.size(); i++) {
            assertThat(gaps.get(i)).isGreaterThanOrEqualTo(gaps.get(i - 1)).isLessThanOrEqualTo(Duration.ofHours(2));
        }
        assertThat(gaps).contains(Duration.ofHours(2));
        assertThat(receiver.requests()).extracting(r -> r.parsed().ids()).containsOnly(
                receiver.requests().get(0).parsed().ids());
        EndpointStats stats = outbound.stats(endpoint);
        assertThat(stats.sent()).isEqualTo(attempts.size());
        assertThat(stats.retried()).isEqualTo(attempts.size());
        assertThat(stats.acknowledged()).isZero();
        assertThat(stats.dropped()).isEqualTo(1);
    }

    @Test
    void aTimeScaleRunsTheWholeDayOfRetriesInUnderASecond() throws Exception {
        emulator.close();
        emulator = Emulator.start(EmulatorConfig.defaults().withOutboundTimeScale(100_000)
                .withOutboundMessage("Contact", List.of("LastName"), endpoint));
        outbound = emulator.outboundMessages();
        conn = Wsc.connect(emulator);
        receiver.otherwise(Answer.HTTP_500);
        createContacts(1, "Scaled");
        awaitDelivered();
        assertThat(outbound.stats(endpoint).dropped()).isEqualTo(1);
        // Each real millisecond is 100 emulated seconds: a handful of attempts fit before the day is over.
        assertThat(outbound.stats(endpoint).sent()).isGreaterThan(2).isEqualTo(outbound.stats(endpoint).retried());
    }

    @Test
    void aLostAckRedeliversTheSameNotificationIds() throws Exception {
        outbound.faults(OutboundFaults.NONE.withLostAckShare(1));
        createContacts(3, "Lost");
        receiver.await(1, WAIT);
        until(() -> outbound.stats(endpoint).lostAcks() == 1);
        outbound.faults(OutboundFaults.NONE);
        clock.set(outbound.nextAttemptAt());
        awaitDelivered();

        List<Receiver.Request> got = receiver.requests();
        assertThat(got).hasSize(2);
        assertThat(got.get(1).parsed().ids()).isEqualTo(got.get(0).parsed().ids());
        assertThat(outbound.stats(endpoint)).isEqualTo(new EndpointStats(3, 2, 1, 1, 0, 0, 1));
    }

    @Test
    void theDuplicateFaultSendsAMessageTwiceWithTheSameIds() throws Exception {
        outbound.faults(OutboundFaults.NONE.withDuplicateShare(1));
        createContacts(2, "Twice");
        awaitDelivered();
        List<Receiver.Request> got = receiver.requests();
        assertThat(got).hasSize(2);
        assertThat(got.get(1).parsed().ids()).isEqualTo(got.get(0).parsed().ids()).hasSize(2);
        assertThat(outbound.stats(endpoint).duplicated()).isEqualTo(1);
    }

    @Test
    void theReorderFaultDeliversOutOfQueueOrder() throws Exception {
        outbound.faults(OutboundFaults.NONE.withReorder(true).withSeed(7));
        List<String> ids = createContacts(30, "Shuffled");
        awaitDelivered();
        List<String> delivered = receiver.requests().stream().flatMap(r -> r.parsed().recordIds().stream()).toList();
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(ids).isNotEqualTo(ids);
    }

    @Test
    void theDelayFaultHoldsAMessage() throws Exception {
        outbound.faults(OutboundFaults.NONE.withDelayMillis(60_000));
        createContacts(1, "Held");
        until(() -> outbound.nextAttemptAt() != null);
        assertThat(outbound.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(receiver.requests()).isEmpty();
        clock.advance(Duration.ofSeconds(60));
        awaitDelivered();
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void unknownObjectsAndFieldsAreRefusedAtStart() {
        assertThatThrownBy(() -> Emulator.start(EmulatorConfig.defaults()
                .withOutboundMessage("Contact", List.of("Shoe_Size__c"), endpoint)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Shoe_Size__c");
    }

    @Test
    void theControlApiConfiguresRulesAndFaults() throws Exception {
        var bad = Wsc.control(emulator, "PUT", "/_emulator/outbound-messages", "{\"rules\":[{\"object\":\"Contact\","
                + "\"fields\":[\"Id\",\"Shoe_Size__c\"],\"endpoint\":\"" + endpoint + "\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asString()).contains("Contact has no field 'Shoe_Size__c'");

        URI accounts = receiver.uri("/accounts");
        var ok = Wsc.control(emulator, "PUT", "/_emulator/outbound-messages", "{\"rules\":[{\"object\":\"Account\","
                + "\"fields\":[\"Name\"],\"endpoint\":\"" + accounts + "\"}],\"timeScale\":1}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("rules")).hasSize(1);
        assertThat(ok.json().get("rules").get(0).get("actionId").asString()).startsWith("04k");
        create("Account", "Name", "Globex");
        awaitDelivered();
        assertThat(receiver.requests()).singleElement()
                .satisfies(r -> assertThat(r.parsed().items().get(0).fields()).containsEntry("Name", "Globex"));
        var stats = Wsc.control(emulator, "GET", "/_emulator/outbound-messages", null);
        assertThat(stats.json().get("stats").get(accounts.toString()).get("acknowledged").asLong()).isEqualTo(1);

        var faults = Wsc.control(emulator, "PUT", "/_emulator/outbound-messages/faults",
                "{\"lostAckShare\":0.2,\"duplicateShare\":0.1,\"delayMillis\":500,\"reorder\":true,\"seed\":7}");
        assertThat(faults.status()).isEqualTo(200);
        assertThat(outbound.faults()).isEqualTo(new OutboundFaults(0.2, 0.1, 500, true, 7));
        assertThat(Wsc.control(emulator, "PUT", "/_emulator/outbound-messages/faults", "{\"lostAckShare\":2}")
                .status()).isEqualTo(400);
        assertThat(Wsc.control(emulator, "DELETE", "/_emulator/outbound-messages/faults", null).status())
                .isEqualTo(200);
        assertThat(outbound.faults()).isEqualTo(OutboundFaults.NONE);

        assertThat(Wsc.control(emulator, "DELETE", "/_emulator/outbound-messages", null).json().get("rules"))
                .isEmpty();
        create("Account", "Name", "Ignored");
        awaitDelivered();
        assertThat(receiver.requests()).hasSize(1);
    }

    /**
     * Nothing left to send, and every attempt recorded by the receiver: it records a request once it has answered
     * it, so the emulator may settle the last attempt (and go idle) a moment before the receiver lists it.
     */
    private void awaitDelivered() throws InterruptedException {
        outbound.awaitIdle(WAIT);
        receiver.await((int) outbound.stats(endpoint).sent(), WAIT);
    }

    private List<String> createContacts(int n, String prefix) throws Exception {
        SObject[] batch = new SObject[n];
        for (int i = 0; i < n; i++) {
            batch[i] = sobject("Contact", "LastName", prefix + i);
        }
        return ids(conn.create(batch));
    }

    private List<String> create(String type, Object... fieldsAndValues) throws Exception {
        return ids(conn.create(new SObject[] {sobject(type, fieldsAndValues)}));
    }

    private static List<String> ids(SaveResult[] results) {
        List<String> out = new ArrayList<>();
        for (SaveResult r : results) {
            assertThat(r.isSuccess()).as("%s", (Object) r.getErrors()).isTrue();
            out.add(r.getId());
        }
        return out;
    }

    private static SObject sobject(String type, Object... fieldsAndValues) {
        SObject s = new SObject(type);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            s.setField((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return s;
    }

    /** Waits for a condition the background sender makes true; fails after a while. */
    private static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.onSpinWait();
            Thread.sleep(1);
        }
    }
}
