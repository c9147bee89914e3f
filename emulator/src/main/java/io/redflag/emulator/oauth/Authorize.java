package io.redflag.emulator.oauth;

import io.redflag.emulator.store.SRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /services/oauth2/authorize}, the web server flow's first half: GET answers the login page, POST
 * logs in and redirects to the callback with a code and the state. A request naming an unknown client or a
 * callback the connected app does not have gets an error page, never a redirect; other bad requests are
 * redirected to the callback with {@code error} and {@code error_description}, as Salesforce does. There is
 * no browser session: every authorization asks for the password (no single sign-on, no consent screen, the
 * app being admin-approved).
 */
public final class Authorize {
    /** The request parameters the login form carries to its POST. */
    private static final List<String> CARRIED = List.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "nonce", "code_challenge", "code_challenge_method");
    /** An S256 challenge: the base64url SHA-256 of the verifier, 43 characters (RFC 7636 §4.2). */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ConnectedApp app;
    private final Users users;
    private final AuthorizationCodes codes;
    private final Clock clock;
    private final String orgName;

    /** A request that may be answered with a login page: its callback is the connected app's. */
    private record Valid(Map<String, String> carried, String redirectUri, List<String> scopes, String state) {
    }

    /** Either a valid request or the answer refusing it. */
    private record Checked(Valid request, Reply refusal) {
    }

    Authorize(ConnectedApp app, Users users, AuthorizationCodes codes, Clock clock, String orgName) {
        this.app = app;
        this.users = users;
        this.codes = codes;
        this.clock = clock;
        this.orgName = orgName;
    }

    /** GET: the login page, or the refusal. {@code login_hint} fills in the username. */
    Reply show(Map<String, String> params) {
        Checked checked = check(params);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        return Reply.html(200, LoginPage.login(orgName, app.clientId(), checked.request().carried(),
                params.get("login_hint"), false));
    }

    /** POST of the login form: a redirect with the code, or the page again (HTTP 200) saying the login failed. */
    Reply login(Map<String, String> form) {
        Checked checked = check(form);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        Valid request = checked.request();
        SRecord user = users.authenticate(form.get("username"), form.get("password"));
        if (user == null) {
            return Reply.html(200, LoginPage.login(orgName, app.clientId(), request.carried(), form.get("username"),
                    true));
        }
        String code = codes.issue(new AuthorizationCodes.Grant(app.clientId(), request.redirectUri(),
                request.scopes(), request.carried().get("nonce"), request.carried().get("code_challenge"), user.id(),
                clock.instant()));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        putIfPresent(answer, "state", request.state());
        return Reply.redirect(withQuery(request.redirectUri(), answer));
    }

    private Checked check(Map<String, String> p) {
        if (!app.isClient(p.get("client_id"))) {
            return refused("invalid_client_id", "client identifier invalid");
        }
        String redirectUri = p.get("redirect_uri");
        if (redirectUri == null || redirectUri.isEmpty()) {
            return refused("redirect_uri_missing", "redirect_uri must be provided");
        }
        if (!app.allowsCallback(redirectUri)) {
            return refused("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        String state = p.get("state");
        if (!"code".equals(p.get("response_type"))) {
            return redirected(redirectUri, state, "unsupported_response_type", "response type not supported");
        }
        List<String> scopes = scopes(p.get("scope"));
        if (scopes == null) {
            return redirected(redirectUri, state, "invalid_scope", "the requested scope is not allowed");
        }
        String method = p.get("code_challenge_method");
        String challenge = p.get("code_challenge");
        if (method != null && !method.equals("S256")) {
            return redirected(redirectUri, state, "invalid_request", "code_challenge_method must be S256");
        }
        if (challenge != null && !CHALLENGE.matcher(challenge).matches()) {
            return redirected(redirectUri, state, "invalid_request",
                    "code_challenge must be the base64url SHA-256 of the code verifier (43 characters)");
        }
        if (method != null && challenge == null) {
            return redirected(redirectUri, state, "invalid_request", "code_challenge_method without code_challenge");
        }
        Map<String, String> carried = new LinkedHashMap<>();
        CARRIED.forEach(name -> putIfPresent(carried, name, p.get(name)));
        return new Checked(new Valid(carried, redirectUri, scopes, state), null);
    }

    /** The requested scopes without repeats; all the app's when none are named; null when one is not the app's. */
    private static List<String> scopes(String requested) {
        if (requested == null || requested.isBlank()) {
            return ConnectedApp.SCOPES;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String scope : requested.trim().split("[\\s+]+")) {
            if (!ConnectedApp.SCOPES.contains(scope)) {
                return null;
            }
            out.add(scope);
        }
        return new ArrayList<>(out);
    }

    private static Checked refused(String error, String description) {
        return new Checked(null, Reply.html(400, LoginPage.error(error, description)));
    }

    private static Checked redirected(String redirectUri, String state, String error, String description) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", description);
        putIfPresent(answer, "state", state);
        return new Checked(null, Reply.redirect(withQuery(redirectUri, answer)));
    }

    private static String withQuery(String uri, Map<String, String> params) {
        StringBuilder out = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            out.append(separator).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return out.toString();
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}
