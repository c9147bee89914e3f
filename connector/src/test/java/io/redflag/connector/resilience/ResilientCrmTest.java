package io.redflag.connector.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sforce.ws.ConnectionException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.redflag.connector.session.AuthenticationException;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.connector.session.SalesforceSession.ApiUsage;
import io.redflag.connector.session.SalesforceSession.CrmCall;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Calendar;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retry and circuit breaker around a real WSC connection; intervals of a millisecond keep the tests fast. */
class ResilientCrmTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ResilienceSettings FAST = ResilienceSettings.defaults()
            .withBackoff(Duration.ofMillis(1), 2.0, 0.5, Duration.ofMillis(4));

    private final AtomicReference<ApiUsage> usage = new AtomicReference<>();

    private ResilientCrm crm(ResilienceSettings settings) {
        return new ResilientCrm(WscStub.invoker(wm.baseUrl()), settings,
                new ApiBudget(usage::get, ApiBudget.DEFAULT_READ_SHARE));
    }

    @Test
    void succeedsAfterTwoMaintenancePages() {
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(WscStub.maintenancePage()).willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(WscStub.maintenancePage()).willSetStateTo("third"));
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(WscStub.serverTimestamp()));

        Calendar timestamp = crm(FAST).read("getServerTimestamp", null, c -> c.getServerTimestamp().getTimestamp());

        assertThat(timestamp.toInstant()).hasToString("2026-06-30T12:00:00Z");
        wm.verify(3, postRequestedFor(urlEqualTo(WscStub.SOAP_PATH)));
    }

    @Test
    void aPermanentFaultIsNotRetriedAndNamesTheOperation() {
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).willReturn(WscStub.fault("fault-invalid-field.xml")));

        CrmException e = catchThrowableOfType(() -> crm(FAST).read("query:Account", "Account",
                c -> c.query("SELECT Helth__c FROM Account")), CrmException.class);

        assertThat(e.kind()).isEqualTo(CrmErrorKind.PERMANENT);
        assertThat(e.code()).isEqualTo("INVALID_FIELD");
        assertThat(e.getMessage()).contains("query:Account", "on Account", "INVALID_FIELD", "Helth__c");
        wm.verify(1, postRequestedFor(urlEqualTo(WscStub.SOAP_PATH)));
    }

    @Test
    void transientFailuresAreRetriedUpToMaxAttemptsThenReported() {
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).willReturn(WscStub.fault("fault-request-limit-exceeded.xml")));

        CrmException e = catchThrowableOfType(() -> crm(FAST.withMaxAttempts(3)).read("getServerTimestamp", null,
                c -> c.getServerTimestamp()), CrmException.class);

        assertThat(e.kind()).isEqualTo(CrmErrorKind.TRANSIENT);
        assertThat(e.code()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        wm.verify(3, postRequestedFor(urlEqualTo(WscStub.SOAP_PATH)));
    }

    @Test
    void theBreakerOpensAfterRepeatedTransientFailuresAndThenFailsFast() {
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).willReturn(WscStub.maintenancePage()));
        ResilientCrm crm = crm(FAST.withMaxAttempts(2).withBreaker(50f, 4, Duration.ofMinutes(1)));

        for (int i = 0; i < 2; i++) {
            catchThrowableOfType(() -> crm.read("query:Account", "Account", c -> c.query("SELECT Id FROM Account")),
                    CrmException.class);
        }
        assertThat(crm.breakerState("query:Account")).isEqualTo(CircuitBreaker.State.OPEN);
        int sent = wm.getAllServeEvents().size();

        CrmException e = catchThrowableOfType(() -> crm.read("query:Account", "Account",
                c -> c.query("SELECT Id FROM Account")), CrmException.class);

        assertThat(e).hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(e.kind()).isEqualTo(CrmErrorKind.TRANSIENT);
        assertThat(e.getMessage()).contains("query:Account", "circuit breaker is open");
        assertThat(wm.getAllServeEvents()).hasSize(sent);
        assertThat(crm.breakerState("update:Account")).as("breakers are per operation")
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void permanentFaultsNeverOpenTheBreaker() {
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).willReturn(WscStub.fault("fault-malformed-query.xml")));
        ResilientCrm crm = crm(FAST.withBreaker(50f, 4, Duration.ofMinutes(1)));

        for (int i = 0; i < 8; i++) {
            catchThrowableOfType(() -> crm.read("query:Account", "Account", c -> c.query("SELECT Id FORM Account")),
                    CrmException.class);
        }

        assertThat(crm.breakerState("query:Account")).isEqualTo(CircuitBreaker.State.CLOSED);
        wm.verify(8, postRequestedFor(urlEqualTo(WscStub.SOAP_PATH)));
    }

    @Test
    void readsArePausedByTheBudgetWithoutACallWhileWritesGoOn() {
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).willReturn(WscStub.serverTimestamp()));
        usage.set(new ApiUsage(900, 1000));
        ResilientCrm crm = crm(FAST);

        ApiBudgetExhaustedException e = catchThrowableOfType(() -> crm.read("getServerTimestamp", null,
                c -> c.getServerTimestamp()), ApiBudgetExhaustedException.class);
        assertThat(e).hasMessageContaining("900 of 1000").hasMessageContaining("80.0 %");
        wm.verify(0, postRequestedFor(urlEqualTo(WscStub.SOAP_PATH)));

        Calendar written = crm.write("getServerTimestamp", null, c -> c.getServerTimestamp().getTimestamp());
        assertThat(written).isNotNull();
    }

    @Test
    void aCreateAnsweredByAGatewayPageIsNotSentAgainAndSaysItsOutcomeIsUnknown() {
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>")));

        CrmException e = catchThrowableOfType(() -> crm(FAST).create("create:Task", "Task",
                c -> c.getServerTimestamp()), CrmException.class);

        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.kind()).isEqualTo(CrmErrorKind.TRANSIENT);
        wm.verify(1, postRequestedFor(urlEqualTo(WscStub.SOAP_PATH)));
    }

    @Test
    void aCreateAnsweredWithATransientFaultIsSentAgain() {
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(WscStub.fault("fault-request-limit-exceeded.xml")).willSetStateTo("answered"));
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).inScenario("limit").whenScenarioStateIs("answered")
                .willReturn(WscStub.serverTimestamp()));

        Calendar made = crm(FAST).create("create:Task", "Task", c -> c.getServerTimestamp().getTimestamp());

        assertThat(made.toInstant()).hasToString("2026-06-30T12:00:00Z");
        wm.verify(2, postRequestedFor(urlEqualTo(WscStub.SOAP_PATH)));
    }

    @Test
    void aCreateWhoseConnectionWasRefusedIsSentAgain() {
        AtomicInteger sent = new AtomicInteger();
        ResilientCrm.Invoker refusedOnce = new ResilientCrm.Invoker() {
            @Override
            public <T> T call(CrmCall<T> operation) throws ConnectionException {
                if (sent.incrementAndGet() == 1) {
                    throw new ConnectionException("Failed to send request", new ConnectException("Connection refused"));
                }
                return operation.run(null);
            }
        };
        ResilientCrm crm = new ResilientCrm(refusedOnce, FAST, new ApiBudget(usage::get, ApiBudget.DEFAULT_READ_SHARE));

        String made = crm.create("create:Task", "Task", c -> "made");
        assertThat(made).isEqualTo("made");
        assertThat(sent).hasValue(2);
    }

    @Test
    void aCreateIsRefusedWithoutACallOnceTheDailyLimitIsReached() {
        usage.set(new ApiUsage(1000, 1000));

        catchThrowableOfType(() -> crm(FAST).create("create:Task", "Task", c -> c.getServerTimestamp()),
                ApiBudgetExhaustedException.class);

        wm.verify(0, postRequestedFor(urlEqualTo(WscStub.SOAP_PATH)));
    }

    @Test
    void aCreateWithoutASessionIsNotOfUnknownOutcome() {
        wm.stubFor(post(urlEqualTo("/services/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}")));
        SalesforceSession session = new SalesforceSession(SalesforceCredentials.clientCredentials(
                URI.create(wm.baseUrl()), "client", "secret"), Clock.systemUTC());
        ResilientCrm crm = new ResilientCrm(session, FAST, ApiBudget.of(session));

        CrmException e = catchThrowableOfType(() -> crm.create("create:Task", "Task", c -> c.getServerTimestamp()),
                CrmException.class);

        assertThat(e).hasCauseInstanceOf(AuthenticationException.class);
        assertThat(e.kind()).as("refused credentials: an admin must act").isEqualTo(CrmErrorKind.PERMANENT);
        assertThat(e.outcomeUnknown()).isFalse();
        wm.verify(0, postRequestedFor(urlEqualTo(WscStub.SOAP_PATH)));
    }
}
