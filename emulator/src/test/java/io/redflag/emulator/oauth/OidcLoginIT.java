package io.redflag.emulator.oauth;

import static io.redflag.emulator.oauth.Browser.CALLBACK;
import static io.redflag.emulator.oauth.Browser.authorizeRequest;
import static io.redflag.emulator.oauth.Browser.challenge;
import static io.redflag.emulator.oauth.Browser.json;
import static io.redflag.emulator.oauth.Browser.newVerifier;
import static io.redflag.emulator.oauth.Browser.redirectParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sforce.soap.partner.GetUserInfoResult;
import io.redflag.emulator.DemoLogin;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.MutableClock;
import io.redflag.emulator.store.SRecord;
import io.redflag.emulator.wsc.Wsc;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A whole browser login against the demo org: the code flow with PKCE, the token exchange, the ID token
 * checked against the JWKS, userinfo, refresh, and the tokens acting as the user in the Partner API.
 */
class OidcLoginIT {
    static final MutableClock CLOCK = MutableClock.at("2026-06-30T12:00:00Z");
    static Emulator emulator;
    static Browser browser;
    static DemoLogin admin;
    static DemoLogin viewer;

    /** What a login left a test with. */
    record Login(String code, String verifier, Map<String, String> request) {
    }

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.defaults().withClock(CLOCK).withDemoOrg());
        browser = new Browser(emulator);
        admin = emulator.demoLogins().get(0);
        viewer = emulator.demoLogins().get(1);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theDemoLoginsAreTheAdminAndTheViewer() {
        assertThat(emulator.demoLogins()).extracting(DemoLogin::username, DemoLogin::admin).containsExactly(
                tuple(EmulatorConfig.DEMO_ADMIN, true), tuple(EmulatorConfig.DEMO_VIEWER, false));
        assertThat(emulator.demoLogins()).allSatisfy(l -> assertThat(l.password()).hasSizeGreaterThanOrEqualTo(16));
    }

    @Test
    void theCodeFlowWithPkceEndsInAnIdTokenThatVerifiesAgainstTheJwks() throws Exception {
        String verifier = newVerifier();
        Map<String, String> request = authorizeRequest(CALLBACK, "state-1", "nonce-1", challenge(verifier));
        assertThat(browser.get("/services/oauth2/authorize", request).statusCode()).isEqualTo(200);

        HttpResponse<String> loggedIn = browser.login(request, admin.username(), admin.password());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        Map<String, String> callback = redirectParams(loggedIn);
        assertThat(callback.keySet()).containsExactly("code", "state");
        assertThat(callback.get("state")).isEqualTo("state-1");
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=");

        HttpResponse<String> exchanged = browser.exchange(callback.get("code"), CALLBACK, verifier);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode tokens = json(exchanged);
        String userId = userId(admin.username());
        String identityUrl = emulator.baseUrl() + "/id/" + Emulator.ORG_ID + "/" + userId;
        assertThat(tokens.propertyNames()).containsExactly("access_token", "refresh_token", "signature", "scope",
                "id_token", "instance_url", "id", "token_type", "issued_at");
        assertThat(tokens.get("scope").asString()).isEqualTo(request.get("scope"));
        assertThat(tokens.get("instance_url").asString()).isEqualTo(emulator.baseUrl());
        assertThat(tokens.get("id").asString()).isEqualTo(identityUrl);
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");

        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());
        JWKSet jwks = JWKSet.parse(browser.get("/id/keys", Map.of()).body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        Instant now = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
        assertThat(claims.getIssuer()).isEqualTo(emulator.issuer());
        assertThat(claims.getAudience()).containsExactly(EmulatorConfig.DEFAULT_CLIENT_ID);
        assertThat(claims.getSubject()).isEqualTo(identityUrl);
        assertThat(claims.getStringClaim("nonce")).isEqualTo("nonce-1");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plus(IdTokens.VALIDITY));
        assertThat(claims.getStringClaim("at_hash"))
                .isEqualTo(IdTokens.accessTokenHash(tokens.get("access_token").asString()));
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(admin.username());
        assertThat(claims.getJSONObjectClaim("custom_permissions")).isEqualTo(Map.of("Redflag_Admin", true));
    }

    @Test
    void userinfoAnswersTheAdminWithTheRedflagAdminCustomPermission() {
        Login login = login(admin);
        JsonNode tokens = json(browser.exchange(login.code(), CALLBACK, login.verifier()));

        HttpResponse<String> r = browser.get("/services/oauth2/userinfo", tokens.get("access_token").asString());

        assertThat(r.statusCode()).isEqualTo(200);
        SRecord user = emulator.store().get(userId(admin.username()));
        String base = emulator.baseUrl();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("sub", base + "/id/" + Emulator.ORG_ID + "/" + user.id());
        expected.put("user_id", user.id());
        expected.put("organization_id", Emulator.ORG_ID);
        expected.put("preferred_username", "diane.foster@redflag-demo.example");
        expected.put("nickname", "dfoster");
        expected.put("name", "Diane Foster");
        expected.put("email", "diane.foster@redflag-demo.example");
        expected.put("email_verified", true);
        expected.put("given_name", "Diane");
        expected.put("family_name", "Foster");
        expected.put("zoneinfo", "America/New_York");
        expected.put("profile", base + "/" + user.id());
        expected.put("picture", base + "/profilephoto/005/F");
        expected.put("locale", "en_US");
        expected.put("updated_at", ((Instant) user.get("LastModifiedDate")).truncatedTo(ChronoUnit.SECONDS).toString());
        expected.put("photos", Map.of("picture", base + "/profilephoto/005/F",
                "thumbnail", base + "/profilephoto/005/T"));
        expected.put("is_salesforce_integration_user", false);
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("enterprise", base + "/services/Soap/c/{version}/" + Emulator.ORG_ID);
        urls.put("metadata", base + "/services/Soap/m/{version}/" + Emulator.ORG_ID);
        urls.put("partner", base + "/services/Soap/u/{version}/" + Emulator.ORG_ID);
        urls.put("rest", base + "/services/data/v{version}/");
        urls.put("sobjects", base + "/services/data/v{version}/sobjects/");
        urls.put("search", base + "/services/data/v{version}/search/");
        urls.put("query", base + "/services/data/v{version}/query/");
        urls.put("recent", base + "/services/data/v{version}/recent/");
        urls.put("profile", base + "/" + user.id());
        expected.put("urls", urls);
        expected.put("active", true);
        expected.put("user_type", "STANDARD");
        expected.put("language", "en_US");
        expected.put("utcOffset", -4 * 3_600_000); // New York in summer
        expected.put("is_app_installed", true);
        expected.put("custom_permissions", Map.of("Redflag_Admin", true));
        assertThat(json(r)).isEqualTo(Browser.JSON.valueToTree(expected));
    }

    @Test
    void userinfoTellsThatTheViewerDoesNotHoldRedflagAdmin() {
        Login login = login(viewer);
        JsonNode tokens = json(browser.exchange(login.code(), CALLBACK, login.verifier()));

        JsonNode info = json(browser.get("/services/oauth2/userinfo", tokens.get("access_token").asString()));

        // Salesforce lists every custom permission of the connected app, true or false for this user.
        assertThat(info.get("preferred_username").asString()).isEqualTo(viewer.username());
        assertThat(info.get("custom_permissions")).isEqualTo(Browser.JSON.valueToTree(Map.of("Redflag_Admin", false)));
    }

    @Test
    void withoutTheCustomPermissionsScopeNeitherUserinfoNorTheIdTokenListThem() throws Exception {
        String verifier = newVerifier();
        Map<String, String> request = authorizeRequest(CALLBACK, "s", "n", challenge(verifier));
        request.put("scope", "openid profile api");
        String code = redirectParams(browser.login(request, admin.username(), admin.password())).get("code");
        JsonNode tokens = json(browser.exchange(code, CALLBACK, verifier));

        JsonNode info = json(browser.get("/services/oauth2/userinfo", tokens.get("access_token").asString()));
        JWTClaimsSet claims = SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();

        assertThat(info.has("preferred_username")).isTrue();
        assertThat(info.has("custom_permissions")).isFalse();
        assertThat(claims.getClaims()).doesNotContainKey("custom_permissions");
        assertThat(tokens.has("refresh_token")).isFalse();
    }

    @Test
    void aCodeUsedTwiceIsRefusedAndTheTokensOfItsFirstUseAreRevoked() {
        Login login = login(admin);
        JsonNode first = json(browser.exchange(login.code(), CALLBACK, login.verifier()));
        String accessToken = first.get("access_token").asString();
        assertThat(browser.get("/services/oauth2/userinfo", accessToken).statusCode()).isEqualTo(200);

        HttpResponse<String> second = browser.exchange(login.code(), CALLBACK, login.verifier());

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(json(second)).isEqualTo(error("invalid_grant", "invalid authorization code"));
        HttpResponse<String> revoked = browser.get("/services/oauth2/userinfo", accessToken);
        assertThat(revoked.statusCode()).isEqualTo(403);
        assertThat(revoked.body()).isEqualTo("Bad_OAuth_Token");
        assertThat(json(refresh(first.get("refresh_token").asString())))
                .isEqualTo(error("invalid_grant", "expired access/refresh token"));
    }

    @Test
    void aWrongOrMissingPkceVerifierIsRefused() {
        for (String verifier : new String[] {newVerifier(), null}) {
            HttpResponse<String> r = browser.exchange(login(admin).code(), CALLBACK, verifier);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(json(r)).isEqualTo(error("invalid_grant", "invalid code verifier"));
        }
    }

    @Test
    void theExchangeMustNameTheRedirectUriOfTheAuthorizationRequest() {
        Login login = login(admin);
        HttpResponse<String> r = browser.exchange(login.code(), "http://127.0.0.1:8080/other", login.verifier());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r)).isEqualTo(error("redirect_uri_mismatch", "redirect_uri must match configuration"));
    }

    @Test
    void aCodeExpiresAfterFifteenMinutes() {
        Login login = login(admin);
        CLOCK.advance(Duration.ofMinutes(15).plusSeconds(1));

        HttpResponse<String> r = browser.exchange(login.code(), CALLBACK, login.verifier());

        assertThat(json(r)).isEqualTo(error("invalid_grant", "expired authorization code"));
    }

    @Test
    void theClientMustAuthenticateWithItsSecret() {
        Login login = login(admin);
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "code", login.code(), "redirect_uri", CALLBACK, "code_verifier", login.verifier(),
                "client_id", EmulatorConfig.DEFAULT_CLIENT_ID, "client_secret", "wrong"));

        HttpResponse<String> r = browser.post("/services/oauth2/token", form, null);

        assertThat(json(r)).isEqualTo(error("invalid_client", "invalid client credentials"));
    }

    @Test
    void theAccessTokenActsAsTheLoggedInUserInThePartnerApi() throws Exception {
        Login login = login(viewer);
        String accessToken = json(browser.exchange(login.code(), CALLBACK, login.verifier())).get("access_token")
                .asString();

        GetUserInfoResult me = Wsc.connect(Wsc.config(emulator, accessToken)).getUserInfo();

        assertThat(me.getUserName()).isEqualTo(viewer.username());
        assertThat(me.getUserId()).isEqualTo(userId(viewer.username()));
    }

    @Test
    void aRefreshTokenGetsANewAccessTokenAndIdTokenForTheSameUser() throws Exception {
        Login login = login(admin);
        JsonNode first = json(browser.exchange(login.code(), CALLBACK, login.verifier()));

        JsonNode refreshed = json(refresh(first.get("refresh_token").asString()));

        assertThat(refreshed.propertyNames()).containsExactly("access_token", "signature", "scope", "id_token",
                "instance_url", "id", "token_type", "issued_at");
        assertThat(refreshed.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
        assertThat(refreshed.get("id").asString()).isEqualTo(first.get("id").asString());
        JWTClaimsSet claims = SignedJWT.parse(refreshed.get("id_token").asString()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(first.get("id").asString());
        assertThat(claims.getClaims()).doesNotContainKey("nonce");
        assertThat(browser.get("/services/oauth2/userinfo", refreshed.get("access_token").asString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void userinfoRefusesAnUnknownTokenAsSalesforceDoes() {
        HttpResponse<String> r = browser.get("/services/oauth2/userinfo", "00D000000000001!made-up");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("Bad_OAuth_Token");
    }

    /** Logs a user in with PKCE and the default scopes; the code and verifier for the exchange. */
    private static Login login(DemoLogin user) {
        String verifier = newVerifier();
        Map<String, String> request = authorizeRequest(CALLBACK, "s", "n", challenge(verifier));
        HttpResponse<String> r = browser.login(request, user.username(), user.password());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return new Login(redirectParams(r).get("code"), verifier, request);
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return browser.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private static JsonNode error(String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return Browser.JSON.valueToTree(body);
    }

    private static String userId(String username) {
        List<SRecord> users = emulator.store().find(emulator.store().schema().find("User"), false,
                u -> username.equals(u.get("Username")));
        return users.get(0).id();
    }
}
