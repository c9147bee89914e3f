package io.redflag.emulator.wsc;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.MessageHandler;
import io.redflag.emulator.Emulator;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test access to an emulator the way the product reaches Salesforce: an OAuth token, then the real WSC
 * {@link PartnerConnection} with the session id and the Partner endpoint set, and timeouts.
 */
public final class Wsc {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Wsc() {
    }

    /** An HTTP answer with its JSON body. */
    public record Http(int status, JsonNode json, String body) {
    }

    public static Http post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static Http control(Emulator e, String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(e.baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Http send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().startsWith("{") ? JSON.readTree(r.body()) : null;
            return new Http(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client-credentials token for the emulator's demo client. */
    public static JsonNode token(Emulator e) {
        Http r = post(e.baseUrl() + "/services/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", e.config().clientId(), "client_secret", e.config().clientSecret()));
        if (r.status() != 200) {
            throw new IllegalStateException("token request failed: " + r.body());
        }
        return r.json();
    }

    public static ConnectorConfig config(Emulator e, String accessToken) {
        ConnectorConfig config = new ConnectorConfig();
        config.setSessionId(accessToken);
        config.setServiceEndpoint(e.soapEndpoint("65.0"));
        config.setConnectionTimeout(5_000);
        config.setReadTimeout(30_000);
        return config;
    }

    public static PartnerConnection connect(Emulator e) {
        return connect(config(e, token(e).get("access_token").asString()));
    }

    public static PartnerConnection connect(ConnectorConfig config) {
        try {
            return Connector.newConnection(config);
        } catch (ConnectionException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Records the raw bytes WSC sends and receives, to compare the emulator's envelopes with fixtures. */
    public static final class Recorder implements MessageHandler {
        public final List<String> requests = new ArrayList<>();
        public final List<String> responses = new ArrayList<>();

        @Override
        public void handleRequest(URL endpoint, byte[] request) {
            requests.add(new String(request, StandardCharsets.UTF_8));
        }

        @Override
        public void handleResponse(URL endpoint, byte[] response) {
            responses.add(new String(response, StandardCharsets.UTF_8));
        }

        public String lastResponse() {
            return responses.get(responses.size() - 1);
        }
    }
}
