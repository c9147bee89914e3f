package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;

import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.DemoLogin;
import io.redflag.emulator.Emulator;
import io.redflag.service.crm.DemoOrg;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user who logs in at the CRM but belongs to another org than the one the service syncs (anyone at
 * login.salesforce.com can) is refused with a problem that names both orgs, and gets no session. The
 * connection is made to report another org after start-up: the emulator has a single org.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.sync.auto-startup=false"})
class OtherOrgLoginIT {
    private static final String CONNECTED_ORG = "00D5e0000009ZzzEAA";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DemoOrg demo;
    @MockitoSpyBean
    SalesforceSession session;

    @Test
    void aUserOfAnotherOrgIsRefusedNamingBothOrgs() throws Exception {
        doReturn(CONNECTED_ORG).when(session).orgId();
        DemoLogin admin = demo.emulator().demoLogins().get(0);
        LoginBrowser browser = new LoginBrowser(port);

        HttpResponse<String> callback = browser.logIn(admin.username(), admin.password());
        assertThat(callback.statusCode()).isEqualTo(403);
        assertThat(callback.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(callback.body()).path("detail").asString()).isEqualTo("Login refused: "
                + admin.username() + " belongs to org " + Emulator.ORG_ID + ", Redflag is connected to org "
                + CONNECTED_ORG);
        assertThat(browser.get("/api/accounts").statusCode()).as("no session: back to the login").isEqualTo(302);
    }
}
