package io.redflag.connector.writeback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.ResilienceSettings;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * An org served by WireMock: a token answer naming the integration user, then the SOAP answers given, one per
 * call in order (fixtures of this package, or "502" for a gateway's error page after the org got the call).
 */
final class StubOrg {
    static final String SOAP_PATH = "/services/Soap/u/65.0";
    static final String INTEGRATION_USER = "005000000000001AAA";
    /** One attempt per call and millisecond pauses: the sequence of answers is the whole story. */
    static final ResilienceSettings ONE_ATTEMPT = ResilienceSettings.defaults().withMaxAttempts(1)
            .withBackoff(Duration.ofMillis(1), 2.0, 0.5, Duration.ofMillis(4));

    private final WireMockExtension wm;

    StubOrg(WireMockExtension wm) {
        this.wm = wm;
        wm.stubFor(post(urlEqualTo("/services/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"00D!stub\","
                        + "\"instance_url\":\"" + wm.baseUrl() + "\",\"id\":\"" + wm.baseUrl()
                        + "/id/00D000000000001AAA/" + INTEGRATION_USER + "\",\"token_type\":\"Bearer\"}")));
    }

    ResilientCrm crm() {
        SalesforceSession session = new SalesforceSession(SalesforceCredentials.clientCredentials(
                URI.create(wm.baseUrl()), "client", "secret"), Clock.systemUTC());
        return new ResilientCrm(session, ONE_ATTEMPT, ApiBudget.of(session));
    }

    FollowUpTasks followUps(ResilientCrm crm) {
        return new FollowUpTasks(crm, () -> INTEGRATION_USER);
    }

    /** @param recordRetries how often the writer sends a record again */
    CrmWriter writer(int recordRetries) {
        ResilientCrm crm = crm();
        return new CrmWriter(crm, followUps(crm), recordRetries, Duration.ofMillis(1));
    }

    /** The SOAP calls answer with these, in order; the call after the last one fails the test with a 404. */
    void answers(String... answers) {
        String state = STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = "answer " + (i + 1);
            wm.stubFor(post(urlEqualTo(SOAP_PATH)).inScenario("org").whenScenarioStateIs(state)
                    .willReturn(answer(answers[i])).willSetStateTo(next));
            state = next;
        }
    }

    int soapCalls() {
        return wm.countRequestsMatching(postRequestedFor(urlEqualTo(SOAP_PATH)).build()).getCount();
    }

    private static ResponseDefinitionBuilder answer(String name) {
        if (name.equals("502")) {
            return aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                    .withBody("<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>");
        }
        return aResponse().withStatus(name.startsWith("fault") ? 500 : 200)
                .withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(fixture(name + ".xml"));
    }

    private static String fixture(String file) {
        try (InputStream in = StubOrg.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file + " beside " + StubOrg.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
