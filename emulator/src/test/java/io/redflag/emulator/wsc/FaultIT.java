package io.redflag.emulator.wsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults switched on through the control API, seen through the real client library. */
class FaultIT {
    private Emulator emulator;
    private PartnerConnection conn;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorConfig.defaults().withApiLimit(50));
        conn = Wsc.connect(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void faults(String json) {
        Wsc.Http r = Wsc.control(emulator, "PUT", "/_emulator/faults", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void a503MaintenancePageReachesTheClientAsAnErrorAndTheNextCallGoesThrough() throws Exception {
        faults("{\"unavailableShare\": 1}");
        // WSC finds an HTML page where it expects an envelope: not a SOAP fault, a transport failure.
        assertThatThrownBy(conn::getServerTimestamp).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("HTML");
        faults("{\"unavailableShare\": 0}");
        assertThat(conn.getServerTimestamp().getTimestamp()).isNotNull();
        assertThat(stat("injected", "HTTP_503")).isEqualTo(1);
    }

    @Test
    void anHtmlErrorPageIsNotASoapFault() {
        faults("{\"htmlErrorShare\": 1}");
        assertThatThrownBy(conn::getServerTimestamp).isInstanceOf(ConnectionException.class)
                .isNotInstanceOf(UnexpectedErrorFault.class);
        assertThat(stat("injected", "HTML_ERROR_PAGE")).isEqualTo(1);
    }

    @Test
    void aShareOfCallsFailsAndTheSameSeedGivesTheSameFaults() {
        String first = pattern("{\"unavailableShare\": 0.5, \"seed\": 7}");
        String second = pattern("{\"unavailableShare\": 0.5, \"seed\": 7}");
        assertThat(first).isEqualTo(second).contains("x").contains(".");
    }

    private String pattern(String json) {
        faults(json);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            try {
                conn.getServerTimestamp();
                sb.append('.');
            } catch (ConnectionException e) {
                sb.append('x');
            }
        }
        faults("{\"unavailableShare\": 0}");
        return sb.toString();
    }

    @Test
    void sessionsExpireAfterNCallsWithInvalidSessionId() throws Exception {
        faults("{\"sessionExpiresAfterCalls\": 2}");
        PartnerConnection fresh = Wsc.connect(emulator);
        fresh.getServerTimestamp();
        fresh.getServerTimestamp();
        assertThatThrownBy(fresh::getServerTimestamp).isInstanceOfSatisfying(UnexpectedErrorFault.class, f ->
                assertThat(f.getExceptionCode().name()).isEqualTo("INVALID_SESSION_ID"));
        // A new token works again.
        assertThat(Wsc.connect(emulator).getServerTimestamp()).isNotNull();
    }

    @Test
    void lockErrorsHitAShareOfRecordsAndTheRestCommit() throws Exception {
        faults("{\"lockErrorShare\": 0.5, \"seed\": 3}");
        SObject[] batch = new SObject[40];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = new SObject("Account");
            batch[i].setField("Name", "Locked " + i);
        }
        SaveResult[] r = conn.create(batch);
        long failed = Arrays.stream(r).filter(s -> !s.isSuccess()).count();
        assertThat(failed).isBetween(5L, 35L);
        assertThat(Arrays.stream(r).filter(s -> !s.isSuccess()).map(s -> s.getErrors()[0].getStatusCode().name()))
                .containsOnly("UNABLE_TO_LOCK_ROW");
        assertThat(conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Locked %'").getSize())
                .isEqualTo((int) (batch.length - failed));
    }

    @Test
    void requestLimitExceededOnceTheApiLimitIsUsedUpAndBackAfterAReset() throws Exception {
        long used = emulator.control().apiUsed();
        for (long i = used; i < 50; i++) {
            conn.getServerTimestamp();
        }
        assertThatThrownBy(conn::getServerTimestamp).isInstanceOfSatisfying(UnexpectedErrorFault.class, f ->
                assertThat(f.getExceptionCode().name()).isEqualTo("REQUEST_LIMIT_EXCEEDED"));
        Wsc.control(emulator, "POST", "/_emulator/api-usage/reset", null);
        conn.getServerTimestamp();
        assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(1);
    }

    @Test
    void callsAreCountedByOperation() throws Exception {
        conn.getServerTimestamp();
        conn.query("SELECT Id FROM Account");
        conn.query("SELECT Id FROM Account");
        assertThat(stat("calls", "query")).isEqualTo(2);
        assertThat(stat("calls", "getServerTimestamp")).isEqualTo(1);
        Wsc.Http stats = Wsc.control(emulator, "GET", "/_emulator/stats", null);
        assertThat(stats.json().get("apiUsage").get("limit").asLong()).isEqualTo(50);
    }

    @Test
    void badFaultSettingsAreRejectedWithTheirName() {
        Wsc.Http r = Wsc.control(emulator, "PUT", "/_emulator/faults", "{\"unavailableShare\": 2}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asString()).contains("unavailableShare");
        Wsc.Http unknown = Wsc.control(emulator, "PUT", "/_emulator/faults", "{\"chaos\": 1}");
        assertThat(unknown.json().get("error").asString()).contains("chaos");
    }

    private long stat(String group, String key) {
        var node = Wsc.control(emulator, "GET", "/_emulator/stats", null).json().get(group).get(key);
        return node == null ? 0 : node.asLong();
    }
}
