package io.redflag.emulator.pubsub;

import static io.redflag.emulator.pubsub.PubSubOrg.WAIT;
import static io.redflag.emulator.pubsub.PubSubOrg.events;
import static io.redflag.emulator.pubsub.PubSubOrg.started;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.sobject.SObject;
import io.grpc.Status;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.wsc.Wsc;
import io.redflag.pubsub.v1.ReplayPreset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Pub/Sub faults and settings through the control API (/_emulator/pubsub), as scripts and benchmarks use them. */
class PubSubControlIT {
    private PubSubOrg org;

    @BeforeEach
    void start() {
        org = new PubSubOrg(PubSubOrg.config());
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private Wsc.Http control(String method, String path, String json) {
        return Wsc.control(org.emulator, method, "/_emulator/pubsub" + path, json);
    }

    @Test
    void settingsAreReadAndChanged() {
        Wsc.Http changed = control("PUT", "", "{\"keepaliveMillis\":150,\"overflowThreshold\":7}");
        Wsc.Http read = control("GET", "", null);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(List.of(read.json().get("port").asInt(), read.json().get("keepaliveMillis").asLong(),
                read.json().get("overflowThreshold").asInt(), read.json().get("retentionHours").asLong()))
                .containsExactly(org.emulator.pubSubPort(), 150L, 7, 72L);
        assertThat(read.json().get("topics").get(0).asString()).isEqualTo("/data/ChangeEvents");
        Wsc.Http unknown = control("PUT", "", "{\"keepalive\":1}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asString()).contains("'keepalive'");
    }

    @Test
    void gapAndOverflowEventsAreAskedForByRecordIdAndObject() throws Exception {
        SObject a = new SObject("Account");
        a.setField("Name", "Gap by control");
        String id = org.partner.create(new SObject[] {a})[0].getId();
        var stream = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 10);
        started(stream);

        assertThat(control("POST", "/gap", "{\"changeType\":\"GAP_DELETE\",\"recordIds\":[\"" + id + "\"]}")
                .status()).isEqualTo(200);
        assertThat(control("POST", "/overflow", "{\"entity\":\"Account\"}").status()).isEqualTo(200);

        assertThat(events(stream, 2).stream().map(e -> org.header(org.client.decode(e)))
                .map(h -> h.get("changeType") + " " + h.get("recordIds")).toList())
                .containsExactly("GAP_DELETE [" + id + "]", "GAP_OVERFLOW []");
        Wsc.Http badType = control("POST", "/gap", "{\"changeType\":\"UPDATE\",\"recordIds\":[\"" + id + "\"]}");
        Wsc.Http badObject = control("POST", "/overflow", "{\"entity\":\"Lead\"}");
        assertThat(List.of(badType.status(), badObject.status())).containsExactly(400, 400);
        assertThat(badType.json().get("error").asString()).contains("'UPDATE'");
        assertThat(badObject.json().get("error").asString()).contains("'Lead'");
    }

    @Test
    void streamsAreResetAndSessionsExpiredOnDemand() {
        var reset = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 10);
        started(reset);
        assertThat(control("POST", "/streams/reset", null).json().get("reset").asInt()).isEqualTo(1);
        assertThat(reset.error(WAIT).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);

        var expired = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 10);
        started(expired);
        assertThat(control("POST", "/sessions/expire", null).status()).isEqualTo(200);
        assertThat(expired.error(WAIT).getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(control("POST", "/retention/expire", null).json().get("purged").asInt()).isZero();
    }

    @Test
    void withoutThePubSubApiTheControlEndpointsSaySo() {
        try (Emulator plain = Emulator.start(EmulatorConfig.defaults())) {
            Wsc.Http r = Wsc.control(plain, "GET", "/_emulator/pubsub", null);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("error").asString()).contains("--pubsub-port");
        }
    }
}
