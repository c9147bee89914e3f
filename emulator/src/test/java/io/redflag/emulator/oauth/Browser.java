package io.redflag.emulator.oauth;

import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser and a relying party do against the emulator's OpenID Connect provider, over real HTTP and
 * without following redirects (a test reads the Location itself).
 */
final class Browser {
    static final String CALLBACK = "http://127.0.0.1:8080/login/oauth2/code/salesforce";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Emulator emulator;

    Browser(Emulator emulator) {
        this.emulator = emulator;
    }

    /** The parameters of an authorization request for the demo client, with PKCE and a nonce. */
    static Map<String, String> authorizeRequest(String redirectUri, String state, String nonce, String challenge) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", EmulatorConfig.DEFAULT_CLIENT_ID);
        p.put("redirect_uri", redirectUri);
        p.put("scope", "openid profile email api refresh_token custom_permissions");
        p.put("state", state);
        p.put("nonce", nonce);
        p.put("code_challenge", challenge);
        p.put("code_challenge_method", "S256");
        return p;
    }

    HttpResponse<String> get(String path, Map<String, String> query) {
        String url = emulator.baseUrl() + path + (query.isEmpty() ? "" : "?" + form(query));
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    HttpResponse<String> get(String path, String bearerToken) {
        return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Authorization", "Bearer " + bearerToken).GET().build());
    }

    /** Submits the login form: the request's parameters (carried as hidden fields) and the credentials. */
    HttpResponse<String> login(Map<String, String> request, String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>(request);
        fields.put("username", username);
        fields.put("password", password);
        return post("/services/oauth2/authorize", fields, null);
    }

    /** The token request of a confidential client authenticating with HTTP Basic. */
    HttpResponse<String> token(Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((EmulatorConfig.DEFAULT_CLIENT_ID + ":"
                + EmulatorConfig.DEFAULT_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        return post("/services/oauth2/token", form, "Basic " + basic);
    }

    HttpResponse<String> exchange(String code, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return token(form);
    }

    HttpResponse<String> post(String path, Map<String, String> form, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    /** The query parameters of a redirect's Location, decoded. */
    static Map<String, String> redirectParams(HttpResponse<String> r) {
        String location = r.headers().firstValue("Location").orElseThrow();
        return TokenEndpoint.parseForm(URI.create(location).getRawQuery());
    }

    static String newVerifier() {
        byte[] bytes = new byte[40];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
