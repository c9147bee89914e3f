package io.redflag.connector.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.redflag.connector.session.SalesforceSession.CrmCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A real WSC connection pointed at a stub server, and the fixed answers the stub serves. */
final class WscStub {
    static final String SOAP_PATH = "/services/Soap/u/65.0";
    static final String SESSION_ID = "00D000000000001!AQ4AQFakeSessionForStubsOnly";

    private WscStub() {
    }

    /** A fresh connection per call, as SalesforceSession makes them; short timeouts keep failing tests fast. */
    static PartnerConnection connect(String baseUrl) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setSessionId(SESSION_ID);
        config.setServiceEndpoint(baseUrl + SOAP_PATH);
        config.setConnectionTimeout(1_000);
        // Generous: a cold WireMock on two busy cores can take a few hundred milliseconds to answer.
        config.setReadTimeout(2_000);
        return Connector.newConnection(config);
    }

    static ResilientCrm.Invoker invoker(String baseUrl) {
        return new ResilientCrm.Invoker() {
            @Override
            public <T> T call(CrmCall<T> operation) throws ConnectionException {
                return operation.run(connect(baseUrl));
            }
        };
    }

    /** A SOAP fault as Salesforce sends it: HTTP 500, typed detail. */
    static ResponseDefinitionBuilder fault(String fixture) {
        return aResponse().withStatus(500).withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody(fixture(fixture));
    }

    static ResponseDefinitionBuilder maintenancePage() {
        return aResponse().withStatus(503).withHeader("Content-Type", "text/html;charset=UTF-8")
                .withBody(fixture("maintenance.html"));
    }

    static ResponseDefinitionBuilder serverTimestamp() {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody(fixture("server-timestamp.xml"));
    }

    static String fixture(String name) {
        try (InputStream in = WscStub.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name + " next to " + WscStub.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
