package io.redflag.emulator.oauth;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The org as an OpenID Connect provider, at Salesforce's paths: discovery
 * ({@code /.well-known/openid-configuration}), the signing keys ({@code /id/keys}), the login
 * ({@code /services/oauth2/authorize}) and userinfo ({@code /services/oauth2/userinfo}); the token endpoint
 * completes its logins. The issuer is the base URL a client reaches the emulator by, as each Salesforce host
 * (login, My Domain) is the issuer of its own discovery document.
 */
public final class OidcProvider {
    private static final Set<String> PATHS = Set.of("/.well-known/openid-configuration", "/id/keys",
            "/services/oauth2/authorize", "/services/oauth2/userinfo");
    private final Authorize authorize;
    private final UserInfo userInfo;
    private final IdTokens idTokens;
    private final TokenResponses responses;
    private final CodeExchange codeExchange;

    public OidcProvider(ConnectedApp app, Users users, Sessions sessions, Clock clock, String orgId, String orgName) {
        AuthorizationCodes codes = new AuthorizationCodes(clock, sessions);
        this.authorize = new Authorize(app, users, codes, clock, orgName);
        this.userInfo = new UserInfo(users, sessions, clock, orgId);
        this.idTokens = new IdTokens(clock);
        this.responses = new TokenResponses(app, clock, orgId);
        this.codeExchange = new CodeExchange(responses, codes, sessions, users, idTokens, userInfo);
    }

    /** Whether a path is one of the provider's (the token endpoint's aside). */
    public boolean serves(String path) {
        return PATHS.contains(path);
    }

    /**
     * Answers a request to one of the provider's paths.
     *
     * @param params        query parameters, and for a POST the form fields
     * @param authorization the Authorization header, or null
     * @param base          the base URL the client reached the emulator by, e.g. http://127.0.0.1:8787
     */
    public Reply handle(String method, String path, Map<String, String> params, String authorization, String base) {
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        return switch (path) {
            case "/.well-known/openid-configuration" -> get ? Reply.json(200, Discovery.document(base))
                    : notAllowed("GET");
            case "/id/keys" -> get ? Reply.json(200, idTokens.publicKeys()) : notAllowed("GET");
            case "/services/oauth2/authorize" -> get ? authorize.show(params)
                    : post ? authorize.login(params) : notAllowed("GET, POST");
            case "/services/oauth2/userinfo" -> get || post ? userInfo.answer(bearer(authorization, params), base)
                    : notAllowed("GET, POST");
            default -> Reply.text(404, "Not Found");
        };
    }

    /** Query string and form body parameters together (the body's win), URL-decoded. */
    public static Map<String, String> parameters(String rawQuery, String formBody) {
        Map<String, String> params = TokenEndpoint.parseForm(rawQuery);
        params.putAll(TokenEndpoint.parseForm(formBody));
        return params;
    }

    public IdTokens idTokens() {
        return idTokens;
    }

    TokenResponses responses() {
        return responses;
    }

    CodeExchange codeExchange() {
        return codeExchange;
    }

    /** The access token from "Authorization: Bearer …" or, as Salesforce also takes it, oauth_token. */
    private static String bearer(String authorization, Map<String, String> params) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return params.get("oauth_token");
    }

    private static Reply notAllowed(String allowed) {
        return Reply.text(405, "Method Not Allowed").with("Allow", allowed);
    }
}
