package io.redflag.service;

import io.redflag.connector.session.SalesforceSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The embedded demo org's control API, over HTTP as a benchmark or an operator would use it. */
public final class EmulatorHttp {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String base;

    public EmulatorHttp(SalesforceSession session) {
        String endpoint = session.serviceEndpoint();
        this.base = endpoint.substring(0, endpoint.indexOf("/services/"));
    }

    public JsonNode stats() {
        return JSON.readTree(send("GET", "/_emulator/stats", null));
    }

    /** Calls of one operation (update, create, query …) since the last reset. */
    public long calls(String operation) {
        JsonNode n = stats().path("calls").path(operation);
        return n.isMissingNode() ? 0 : n.asLong();
    }

    public void resetCounters() {
        send("POST", "/_emulator/counters/reset", "{}");
    }

    /** e.g. {"unavailableShare": 1.0} */
    public void faults(String json) {
        send("PUT", "/_emulator/faults", json);
    }

    public void noFaults() {
        send("DELETE", "/_emulator/faults", null);
    }

    private String send(String method, String path, String body) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                    "application/json");
            r.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(r.build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return answer.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
