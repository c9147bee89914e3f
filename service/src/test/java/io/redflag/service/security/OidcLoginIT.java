package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.emulator.DemoLogin;
import io.redflag.service.crm.DemoOrg;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser login end to end, Spring Security's OpenID Connect client against the demo org's provider: the
 * service's login link, the CRM's login page, the callback, a session. The admin (Redflag_Admin custom
 * permission) pauses the sync with the session's CSRF token, and not without it; the viewer reads but may
 * not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.sync.auto-startup=false"})
@ExtendWith(OutputCaptureExtension.class)
class OidcLoginIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAUSE = "{\"action\":\"pause\"}";
    private static final String RESUME = "{\"action\":\"resume\"}";

    @LocalServerPort
    int port;
    @Autowired
    DemoOrg demo;

    private DemoLogin login(boolean admin) {
        return demo.emulator().demoLogins().stream().filter(l -> l.admin() == admin).findFirst().orElseThrow();
    }

    private static Map.Entry<String, String> csrf(JsonNode me) {
        return Map.entry(me.path("csrf").path("headerName").asString(), me.path("csrf").path("token").asString());
    }

    @Test
    void theAdminLogsInAtTheCrmReadsAndPausesTheSyncWithTheCsrfTokenOnly(CapturedOutput output) throws Exception {
        LoginBrowser browser = new LoginBrowser(port);
        DemoLogin admin = login(true);
        HttpResponse<String> callback = browser.logIn(admin.username(), admin.password());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/");
        String cookie = callback.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        // Not Secure: the demo runs over plain http (WebSecurityConfiguration says why).
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> accounts = browser.get("/api/accounts");
        assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
        JsonNode me = JSON.readTree(browser.get("/api/me").body());
        assertThat(me.path("name").asString()).isEqualTo(admin.username());
        assertThat(me.path("roles")).isEqualTo(JSON.readTree("[\"admin\", \"viewer\"]"));
        assertThat(me.path("csrf").path("headerName").asString()).isEqualTo("X-CSRF-TOKEN");

        HttpResponse<String> forged = browser.post("/actuator/sync", PAUSE, null);
        assertThat(forged.statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).path("detail").asString()).startsWith("The CSRF token is missing");
        HttpResponse<String> paused = browser.post("/actuator/sync", PAUSE, csrf(me));
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        assertThat(JSON.readTree(paused.body()).path("paused").asBoolean()).isTrue();
        assertThat(browser.post("/actuator/sync", RESUME, csrf(me)).statusCode()).isEqualTo(200);

        assertThat(browser.post("/logout", "{}", csrf(me)).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/accounts").statusCode()).as("logged out: back to the login").isEqualTo(302);
        assertThat(output.getAll()).contains(admin.username() + " logged in as admin")
                .as("the OpenID client secret").doesNotContain(demo.emulator().config().clientSecret());
    }

    @Test
    void theViewerReadsButMayNotPauseTheSync() throws Exception {
        LoginBrowser browser = new LoginBrowser(port);
        DemoLogin viewer = login(false);
        assertThat(browser.logIn(viewer.username(), viewer.password()).statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/accounts").statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(browser.get("/api/me").body());
        assertThat(List.of(me.path("name").asString(), me.path("roles"))).isEqualTo(List.of(viewer.username(),
                JSON.readTree("[\"viewer\"]")));

        HttpResponse<String> refused = browser.post("/actuator/sync", PAUSE, csrf(me));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("detail").asString())
                .isEqualTo("Your roles do not allow POST /actuator/sync (admin actions need the admin role)");
    }

    @Test
    void aWrongPasswordNeverReachesTheService() throws Exception {
        LoginBrowser browser = new LoginBrowser(port);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> browser.logIn(login(true).username(), "wrong"))
                .hasMessageContaining("the CRM accepts the password");
        assertThat(browser.get("/api/accounts").statusCode()).as("still not logged in").isEqualTo(302);
    }
}
