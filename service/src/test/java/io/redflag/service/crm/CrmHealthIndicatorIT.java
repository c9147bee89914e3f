package io.redflag.service.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.control.FaultSettings;
import io.redflag.service.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** CRM health spends a call of its own only when nothing has asked the org for an hour. */
class CrmHealthIndicatorIT {
    private TestClock clock;
    private Emulator org;
    private SalesforceSession session;
    private CrmHealthIndicator health;

    @BeforeEach
    void start() {
        clock = new TestClock(Instant.parse("2026-06-30T12:00:00Z"));
        org = Emulator.start(EmulatorConfig.defaults().withClock(clock));
        session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(org.baseUrl()),
                EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET), clock);
        health = new CrmHealthIndicator(session, clock);
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void probesEveryFewSecondsCostOneCallAnHourAndNoneWhileTheServiceTalksToTheOrg() throws Exception {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(org.control().apiUsed()).as("the first probe asks the org").isEqualTo(1);
        for (int i = 0; i < 360; i++) { // an hour of probes every ten seconds
            clock.advance(Duration.ofSeconds(10));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
        assertThat(org.control().apiUsed()).as("one more when an hour has passed").isEqualTo(2);
        session.call(c -> c.query("SELECT Id FROM Account LIMIT 1")); // the sync, say
        clock.advance(Duration.ofMinutes(50));
        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails().get("apiRequests")).isEqualTo("3 of 100000");
        assertThat(org.control().apiUsed()).isEqualTo(3);
    }

    @Test
    void whenTheLatestCallFailedToReachTheOrgHealthIsDownWithTheReasonWithoutAskingAgain() throws Exception {
        session.call(c -> c.getServerTimestamp());
        org.control().faults(FaultSettings.NONE.withUnavailableShare(1.0));
        assertThatThrownBy(() -> session.call(c -> c.getServerTimestamp())).isNotNull();
        long calls = org.control().calls("getServerTimestamp");
        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) h.getDetails().get("error")).isNotBlank();
        assertThat(org.control().calls("getServerTimestamp")).isEqualTo(calls);

        org.control().faults(FaultSettings.NONE);
        session.call(c -> c.getServerTimestamp());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
