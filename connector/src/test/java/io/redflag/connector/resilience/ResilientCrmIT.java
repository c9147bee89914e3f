package io.redflag.connector.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ResilientCrm and ApiBudget against the emulator: injected outages, a nearly used API allocation. */
class ResilientCrmIT {
    private static final ResilienceSettings FAST = ResilienceSettings.defaults().withMaxAttempts(10)
            .withBackoff(Duration.ofMillis(1), 2.0, 0.5, Duration.ofMillis(8))
            .withBreaker(90f, 50, Duration.ofSeconds(30));

    @Test
    void aSeriesOfReadsSucceedsDespiteMaintenancePages() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            SalesforceSession session = session(emulator);
            ResilientCrm crm = new ResilientCrm(session, FAST, ApiBudget.of(session));
            // The token is fetched before the outage starts: token requests are the session's business.
            crm.read("getServerTimestamp", null, c -> c.getServerTimestamp());
            control(emulator, "PUT", "/_emulator/faults", "{\"unavailableShare\":0.5,\"seed\":7}");

            for (int i = 0; i < 20; i++) {
                assertThat(crm.read("query:User", "User", c -> c.query("SELECT Id, Username FROM User")).getSize())
                        .isPositive();
            }

            @SuppressWarnings("unchecked")
            Map<String, Number> injected = (Map<String, Number>) emulator.control().snapshot().get("injected");
            assertThat(injected.get("HTTP_503").longValue()).as("the emulator really answered with 503s")
                    .isPositive();
        }
    }

    @Test
    void readsPauseNearTheApiLimitWhileWritesGoOn() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withApiLimit(20))) {
            SalesforceSession session = session(emulator);
            ApiBudget budget = ApiBudget.of(session);
            ResilientCrm crm = new ResilientCrm(session, FAST, budget);

            ApiBudgetExhaustedException paused = null;
            int reads = 0;
            while (paused == null && reads < 20) {
                try {
                    crm.read("getServerTimestamp", null, c -> c.getServerTimestamp());
                    reads++;
                } catch (ApiBudgetExhaustedException e) {
                    paused = e;
                }
            }

            assertThat(paused).as("reads paused before the allocation ran out").isNotNull();
            assertThat(paused.state().used()).isEqualTo(17);
            assertThat(paused).hasMessageContaining("17 of 20").hasMessageContaining("80.0 %");
            assertThat(budget.state().readsPaused()).isTrue();

            SObject account = new SObject("Account");
            account.setField("Name", "Written while reads are paused");
            SaveResult[] saved = crm.write("create:Account", "Account",
                    c -> c.create(new SObject[] {account}));
            assertThat(saved[0].isSuccess()).isTrue();
        }
    }

    @Test
    void writesStopOnlyAtTheDailyLimitItself() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withApiLimit(3))) {
            SalesforceSession session = session(emulator);
            ResilientCrm crm = new ResilientCrm(session, FAST, ApiBudget.of(session));
            for (int i = 0; i < 3; i++) {
                crm.write("getServerTimestamp", null, c -> c.getServerTimestamp());
            }

            ApiBudgetExhaustedException e = catchThrowableOfType(() -> crm.write("create:Account", "Account",
                    c -> c.create(new SObject[0])), ApiBudgetExhaustedException.class);
            assertThat(e).hasMessageContaining("daily limit of 3");
        }
    }

    private static SalesforceSession session(Emulator emulator) {
        return new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(emulator.baseUrl()),
                EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC());
    }

    private static void control(Emulator emulator, String method, String path, String json) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
    }
}
