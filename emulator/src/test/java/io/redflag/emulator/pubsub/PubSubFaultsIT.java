package io.redflag.emulator.pubsub;

import static io.redflag.emulator.pubsub.PubSubOrg.WAIT;
import static io.redflag.emulator.pubsub.PubSubOrg.events;
import static io.redflag.emulator.pubsub.PubSubOrg.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.sforce.soap.partner.sobject.SObject;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.redflag.emulator.MutableClock;
import io.redflag.pubsub.v1.ConsumerEvent;
import io.redflag.pubsub.v1.ReplayPreset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a subscriber must survive: refused sessions, expired replay ids, gap and overflow events. */
class PubSubFaultsIT {
    private static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code",
            Metadata.ASCII_STRING_MARSHALLER);
    private final MutableClock clock = MutableClock.at("2026-06-30T12:00:00Z");
    private PubSubOrg org;

    @BeforeEach
    void start() {
        org = new PubSubOrg(PubSubOrg.config().withClock(clock));
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private List<String> accounts(String... names) throws Exception {
        List<SObject> records = new ArrayList<>();
        for (String name : names) {
            SObject a = new SObject("Account");
            a.setField("Name", name);
            records.add(a);
        }
        List<String> ids = new ArrayList<>();
        for (var r : org.partner.create(records.toArray(new SObject[0]))) {
            ids.add(r.getId());
        }
        return ids;
    }

    private static String code(StatusRuntimeException e) {
        return e.getStatus().getCode() + " " + e.getTrailers().get(ERROR_CODE);
    }

    private List<String> summary(ConsumerEvent event) {
        GenericRecord h = org.header(org.client.decode(event));
        return List.of(h.get("entityName").toString(), h.get("changeType").toString(), h.get("recordIds").toString());
    }

    @Test
    void aBadTokenTenantOrInstanceUrlIsUnauthenticated() {
        String token = org.accessToken;
        String tenant = token.substring(0, 15);
        try (var badToken = new IndependentClient(org.emulator.pubSubPort(), org.emulator.pubSubCertificatePem(),
                     tenant + "!notAToken", org.instanceUrl);
             var badTenant = new IndependentClient(org.emulator.pubSubPort(), org.emulator.pubSubCertificatePem(),
                     token, org.instanceUrl, "00D000000000001");
             var badInstance = new IndependentClient(org.emulator.pubSubPort(), org.emulator.pubSubCertificatePem(),
                     token, "https://other.my.salesforce.com", tenant)) {
            for (IndependentClient client : List.of(badToken, badTenant, badInstance)) {
                assertThatThrownBy(() -> client.topic("/data/AccountChangeEvent"))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(code(e))
                                .isEqualTo("UNAUTHENTICATED sfdc.platform.eventbus.grpc.service.auth.error"));
            }
            var stream = badToken.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 10);
            assertThat(code(stream.error(WAIT)))
                    .isEqualTo("UNAUTHENTICATED sfdc.platform.eventbus.grpc.service.auth.error");
        }
        assertThat(org.client.topic("/data/AccountChangeEvent").getCanSubscribe()).isTrue();
    }

    @Test
    void anExpiredSessionEndsTheStreamUnauthenticated() {
        var stream = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 10);
        started(stream);

        org.emulator.pubSub().expireSessions();

        assertThat(code(stream.error(WAIT))).isEqualTo("UNAUTHENTICATED sfdc.platform.eventbus.grpc.service.auth.error");
    }

    @Test
    void aReplayIdOlderThanTheRetentionWindowIsRefused() throws Exception {
        var stream = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 10);
        started(stream);
        accounts("Old");
        ByteString old = events(stream, 1).get(0).getReplayId();
        stream.cancel();

        clock.advance(Duration.ofHours(73));
        String fresh = org.emulator.sessions().issue(org.emulator.runAsUserId());
        try (var client = org.newClient(fresh)) {
            var refused = client.subscribe("/data/AccountChangeEvent", ReplayPreset.CUSTOM, old, 10);
            StatusRuntimeException error = refused.error(WAIT);
            assertThat(code(error)).isEqualTo(
                    "INVALID_ARGUMENT sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted");
            assertThat(error.getStatus().getDescription()).contains("rpcId: ");
            var malformed = client.subscribe("/data/AccountChangeEvent", ReplayPreset.CUSTOM,
                    ByteString.copyFrom(new byte[] {1, 2, 3}), 10);
            assertThat(code(malformed.error(WAIT))).isEqualTo(
                    "INVALID_ARGUMENT sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted");
        }
        assertThat(org.emulator.pubSub().stats().retained()).isZero();
    }

    @Test
    void expiringRetentionOnDemandRefusesEveryEarlierReplayId() throws Exception {
        var stream = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 10);
        started(stream);
        accounts("Before", "Purge");
        List<ConsumerEvent> seen = events(stream, 2);
        stream.cancel();

        assertThat(org.emulator.pubSub().expireRetention()).isEqualTo(2);

        var refused = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.CUSTOM, seen.get(0).getReplayId(),
                10);
        assertThat(refused.error(WAIT).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void gapAndOverflowEventsCarryOnlyTheirHeader() throws Exception {
        var stream = org.client.subscribe("/data/ChangeEvents", ReplayPreset.LATEST, 100);
        started(stream);
        List<String> ids = accounts("Gap one", "Gap two");
        events(stream, 2);

        org.emulator.pubSub().gap("GAP_UPDATE", ids);
        org.emulator.pubSub().overflow("Contact");
        List<ConsumerEvent> faults = events(stream, 2);

        assertThat(faults.stream().map(this::summary).toList()).containsExactly(
                List.of("Account", "GAP_UPDATE", ids.toString()), List.of("Contact", "GAP_OVERFLOW", "[]"));
        GenericRecord gap = org.client.decode(faults.get(0));
        assertThat(gap.getSchema().getFields().subList(1, gap.getSchema().getFields().size()))
                .allSatisfy(f -> assertThat(gap.get(f.name())).as(f.name()).isNull());
    }

    @Test
    void aTransactionPastTheOverflowThresholdEndsInAnOverflowEvent() throws Exception {
        var stream = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 100);
        started(stream);
        org.emulator.pubSub().overflowThreshold(3);

        List<String> ids = accounts("O1", "O2", "O3", "O4", "O5");

        assertThat(events(stream, 4).stream().map(this::summary).toList()).containsExactly(
                List.of("Account", "CREATE", List.of(ids.get(0)).toString()),
                List.of("Account", "CREATE", List.of(ids.get(1)).toString()),
                List.of("Account", "CREATE", List.of(ids.get(2)).toString()),
                List.of("Account", "GAP_OVERFLOW", "[]"));
    }
}
