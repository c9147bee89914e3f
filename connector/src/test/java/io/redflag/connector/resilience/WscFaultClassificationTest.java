package io.redflag.connector.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a real WSC connection throws for each fault shape Salesforce (or what stands in front of it) sends. */
class WscFaultClassificationTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static Stream<Arguments> faultShapes() {
        return Stream.of(
                Arguments.of("REQUEST_LIMIT_EXCEEDED fault", WscStub.fault("fault-request-limit-exceeded.xml"),
                        CrmErrorKind.TRANSIENT, "REQUEST_LIMIT_EXCEEDED"),
                Arguments.of("SERVER_UNAVAILABLE fault", WscStub.fault("fault-server-unavailable.xml"),
                        CrmErrorKind.TRANSIENT, "SERVER_UNAVAILABLE"),
                Arguments.of("INVALID_SESSION_ID fault", WscStub.fault("fault-invalid-session-id.xml"),
                        CrmErrorKind.REAUTHENTICATE, "INVALID_SESSION_ID"),
                Arguments.of("MalformedQueryFault", WscStub.fault("fault-malformed-query.xml"),
                        CrmErrorKind.PERMANENT, "MALFORMED_QUERY"),
                Arguments.of("InvalidFieldFault", WscStub.fault("fault-invalid-field.xml"),
                        CrmErrorKind.PERMANENT, "INVALID_FIELD"),
                Arguments.of("503 HTML maintenance page", WscStub.maintenancePage(), CrmErrorKind.TRANSIENT, null),
                Arguments.of("502 with an empty body", aResponse().withStatus(502), CrmErrorKind.TRANSIENT, null),
                Arguments.of("504 with a plain-text body", aResponse().withStatus(504).withBody("upstream timed out"),
                        CrmErrorKind.TRANSIENT, null),
                Arguments.of("500 with an HTML page", aResponse().withStatus(500)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Internal error</body></html>"), CrmErrorKind.TRANSIENT, null),
                Arguments.of("read timeout", WscStub.serverTimestamp().withFixedDelay(4_000),
                        CrmErrorKind.TRANSIENT, null));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("faultShapes")
    void eachFaultShapeIsClassified(String shape, ResponseDefinitionBuilder answer, CrmErrorKind expected,
            String code) {
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).willReturn(answer));

        Throwable thrown = catchThrowable(() -> WscStub.connect(wm.baseUrl()).getServerTimestamp());

        assertThat(thrown).as(shape).isNotNull();
        assertThat(CrmErrorClassifier.classify(thrown)).as(shape + ": " + thrown).isEqualTo(expected);
        CrmException reported = CrmException.of("getServerTimestamp", null, thrown);
        assertThat(reported.kind()).isEqualTo(expected);
        assertThat(reported.code()).isEqualTo(code);
        assertThat(reported.getMessage()).contains("getServerTimestamp").doesNotContain(WscStub.SESSION_ID);
    }

    @Test
    void aRefusedConnectionIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Throwable thrown = catchThrowable(() -> WscStub.connect("http://127.0.0.1:" + closedPort)
                .getServerTimestamp());

        assertThat(CrmErrorClassifier.classify(thrown)).as(String.valueOf(thrown)).isEqualTo(CrmErrorKind.TRANSIENT);
    }

    @Test
    void aMalformedQueryIsReportedWithOperationObjectCodeAndSalesforcesMessage() {
        wm.stubFor(post(urlEqualTo(WscStub.SOAP_PATH)).willReturn(WscStub.fault("fault-malformed-query.xml")));

        Throwable thrown = catchThrowable(() -> WscStub.connect(wm.baseUrl()).query("SELECT Id FORM Account"));
        CrmException reported = CrmException.of("query:Account", "Account", thrown);

        assertThat(reported.getMessage()).isEqualTo("CRM operation query:Account on Account failed (PERMANENT):"
                + " MALFORMED_QUERY: unexpected token: FORM");
        assertThat(reported.objectName()).isEqualTo("Account");
        assertThat(reported.getCause()).isSameAs(thrown);
    }
}
