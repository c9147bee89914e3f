package io.redflag.emulator.oauth;

import static io.redflag.emulator.oauth.Browser.CALLBACK;
import static io.redflag.emulator.oauth.Browser.authorizeRequest;
import static io.redflag.emulator.oauth.Browser.challenge;
import static io.redflag.emulator.oauth.Browser.json;
import static io.redflag.emulator.oauth.Browser.newVerifier;
import static io.redflag.emulator.oauth.Browser.redirectParams;
import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.emulator.DemoLogin;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.MutableClock;
import io.redflag.emulator.store.WriteContext;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The provider's front door against the demo org: discovery, the keys, the login page and how the authorize
 * endpoint refuses requests (an error page when the client or callback is wrong, a redirect otherwise).
 */
class OidcAuthorizeIT {
    static final String INACTIVE = "tom.becker@redflag-demo.example";
    static final String INACTIVE_PASSWORD = "Tom-left-in-May-2026";
    static final MutableClock CLOCK = MutableClock.at("2026-06-30T12:00:00Z");
    static Emulator emulator;
    static Browser browser;
    static DemoLogin viewer;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.defaults().withClock(CLOCK).withDemoOrg()
                .withUserPassword(INACTIVE, INACTIVE_PASSWORD));
        browser = new Browser(emulator);
        viewer = emulator.demoLogins().get(1);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void discoveryNamesSalesforcesEndpointsUnderTheIssuer() {
        HttpResponse<String> r = browser.get("/.well-known/openid-configuration", Map.of());

        String base = emulator.baseUrl();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("issuer", base);
        expected.put("authorization_endpoint", base + "/services/oauth2/authorize");
        expected.put("token_endpoint", base + "/services/oauth2/token");
        expected.put("userinfo_endpoint", base + "/services/oauth2/userinfo");
        expected.put("jwks_uri", base + "/id/keys");
        expected.put("scopes_supported", List.of("openid", "profile", "email", "address", "phone", "id", "api",
                "refresh_token", "offline_access", "custom_permissions"));
        expected.put("response_types_supported", List.of("code"));
        expected.put("subject_types_supported", List.of("public"));
        expected.put("id_token_signing_alg_values_supported", List.of("RS256"));
        expected.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        expected.put("claims_supported", List.of("active", "custom_permissions", "email", "email_verified",
                "family_name", "given_name", "is_app_installed", "language", "locale", "name", "nickname",
                "organization_id", "photos", "picture", "preferred_username", "profile", "sub", "updated_at", "urls",
                "user_id", "user_type", "zoneinfo"));
        expected.put("code_challenge_methods_supported", List.of("S256"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).isEqualTo(Browser.JSON.valueToTree(expected));
        assertThat(emulator.issuer()).isEqualTo(base);
    }

    @Test
    void theJwksHoldsOnePublicRs256SigningKeyAndNoPrivatePart() {
        HttpResponse<String> r = browser.get("/id/keys", Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode keys = json(r).get("keys");
        assertThat(keys.size()).isEqualTo(1);
        JsonNode key = keys.get(0);
        assertThat(key.propertyNames()).containsExactlyInAnyOrder("kty", "e", "use", "kid", "alg", "n");
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("use").asString()).isEqualTo("sig");
        assertThat(key.get("alg").asString()).isEqualTo("RS256");
        // 2048 bits: 256 bytes of modulus, 342 base64url characters.
        assertThat(key.get("n").asString()).hasSize(342);
    }

    @Test
    void theLoginPageIsALabelledFormWithSalesforcesIdsCarryingTheRequest() {
        Map<String, String> request = authorizeRequest(CALLBACK, "st-1", "n-1", challenge(newVerifier()));
        HttpResponse<String> r = browser.get("/services/oauth2/authorize", request);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String page = r.body();
        assertThat(page).contains("<label for=\"username\">Username</label><input id=\"username\" name=\"username\"",
                "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\"",
                "<button id=\"Login\" name=\"Login\" type=\"submit\">Log In</button>",
                "<form method=\"post\" action=\"/services/oauth2/authorize\">");
        request.forEach((name, value) -> assertThat(page)
                .contains("<input type=\"hidden\" name=\"" + name + "\" value=\"" + value + "\">"));
        assertThat(page).doesNotContain("role=\"alert\"");
    }

    @Test
    void aWrongPasswordShowsThePageAgainWithAnErrorAndNoRedirect() {
        Map<String, String> request = authorizeRequest(CALLBACK, "st-2", "n-2", challenge(newVerifier()));
        HttpResponse<String> r = browser.login(request, viewer.username(), viewer.password() + "x");

        assertFailedLoginPage(r, viewer.username());
    }

    @Test
    void anInactiveUserCannotLogInWithARightPassword() {
        Map<String, String> request = authorizeRequest(CALLBACK, "st-3", "n-3", challenge(newVerifier()));

        assertFailedLoginPage(browser.login(request, INACTIVE, INACTIVE_PASSWORD), INACTIVE);

        // The same password logs in once the user is active again: it was the inactivity that stopped it.
        String tom = emulator.store().find(emulator.store().schema().find("User"), false,
                u -> INACTIVE.equals(u.get("Username"))).get(0).id();
        emulator.store().update(tom, Map.of("IsActive", true), Set.of(), WriteContext.loader(tom, false));
        try {
            HttpResponse<String> active = browser.login(request, INACTIVE, INACTIVE_PASSWORD);
            assertThat(active.statusCode()).isEqualTo(302);
            assertThat(redirectParams(active)).containsKeys("code", "state");
        } finally {
            emulator.store().update(tom, Map.of("IsActive", false), Set.of(), WriteContext.loader(tom, false));
        }
    }

    @Test
    void anUnregisteredRedirectUriGetsAnErrorPageNotARedirectEvenWithTheRightPassword() {
        Map<String, String> request = authorizeRequest("https://evil.example/callback", "st-4", "n-4",
                challenge(newVerifier()));

        for (HttpResponse<String> r : List.of(browser.get("/services/oauth2/authorize", request),
                browser.login(request, viewer.username(), viewer.password()))) {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.headers().firstValue("Location")).isEmpty();
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(r.body()).contains("error=redirect_uri_mismatch&amp;error_description=redirect_uri must match"
                    + " configuration").doesNotContain("code=");
        }
    }

    @Test
    void anUnknownClientGetsAnErrorPageNotARedirect() {
        Map<String, String> request = authorizeRequest(CALLBACK, "st-5", "n-5", challenge(newVerifier()));
        request.put("client_id", "someone-else");

        HttpResponse<String> r = browser.get("/services/oauth2/authorize", request);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body()).contains("error=invalid_client_id&amp;error_description=client identifier invalid");
    }

    @Test
    void aLoopbackCallbackOnAnotherPortIsAcceptedButNotAnotherPathOrHost() {
        for (String callback : List.of("http://127.0.0.1:54321/login/oauth2/code/salesforce",
                "http://localhost:9/login/oauth2/code/salesforce")) {
            Map<String, String> request = authorizeRequest(callback, "st-6", "n-6", challenge(newVerifier()));
            HttpResponse<String> r = browser.login(request, viewer.username(), viewer.password());
            assertThat(r.statusCode()).as(callback).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(callback + "?code=");
        }
        for (String callback : List.of("http://127.0.0.1:54321/somewhere/else",
                "http://127.0.0.2:8080/login/oauth2/code/salesforce",
                "https://127.0.0.1:8080/login/oauth2/code/salesforce")) {
            Map<String, String> request = authorizeRequest(callback, "st-6", "n-6", challenge(newVerifier()));
            assertThat(browser.get("/services/oauth2/authorize", request).statusCode()).as(callback).isEqualTo(400);
        }
    }

    @Test
    void theLoginPageEscapesAHostileStateAndTheRedirectCarriesItUnchanged() {
        String hostile = "\"><script>alert('x')</script><input name=\"a";
        Map<String, String> request = authorizeRequest(CALLBACK, hostile, "n-7", challenge(newVerifier()));

        HttpResponse<String> page = browser.get("/services/oauth2/authorize", request);
        HttpResponse<String> failed = browser.login(request, "<b>" + viewer.username(), "wrong");

        for (HttpResponse<String> r : List.of(page, failed)) {
            assertThat(r.body()).doesNotContain("<script>", "<b>").contains("<input type=\"hidden\" name=\"state\""
                    + " value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;input name=&quot;a\">");
        }
        HttpResponse<String> loggedIn = browser.login(request, viewer.username(), viewer.password());
        assertThat(redirectParams(loggedIn).get("state")).isEqualTo(hostile);
    }

    @Test
    void otherBadRequestsAreRedirectedToTheCallbackWithTheErrorAndTheState() {
        Map<String, String> token = authorizeRequest(CALLBACK, "st-8", "n-8", challenge(newVerifier()));
        token.put("response_type", "token");
        Map<String, String> web = authorizeRequest(CALLBACK, "st-9", "n-9", challenge(newVerifier()));
        web.put("scope", "openid web");
        Map<String, String> plain = authorizeRequest(CALLBACK, "st-10", "n-10", challenge(newVerifier()));
        plain.put("code_challenge_method", "plain");

        assertThat(redirectParams(browser.get("/services/oauth2/authorize", token))).isEqualTo(Map.of(
                "error", "unsupported_response_type", "error_description", "response type not supported",
                "state", "st-8"));
        assertThat(redirectParams(browser.get("/services/oauth2/authorize", web))).isEqualTo(Map.of(
                "error", "invalid_scope", "error_description", "the requested scope is not allowed", "state", "st-9"));
        assertThat(redirectParams(browser.get("/services/oauth2/authorize", plain))).isEqualTo(Map.of(
                "error", "invalid_request", "error_description", "code_challenge_method must be S256",
                "state", "st-10"));
    }

    private static void assertFailedLoginPage(HttpResponse<String> r, String username) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body()).contains("<div id=\"error\" class=\"error\" role=\"alert\">Please check your username and"
                + " password. If you still can&#39;t log in, contact your Salesforce administrator.</div>",
                "name=\"username\"", "value=\"" + username + "\"", "id=\"Login\"");
    }
}
