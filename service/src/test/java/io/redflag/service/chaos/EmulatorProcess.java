package io.redflag.service.chaos;

import static org.awaitility.Awaitility.await;

import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standalone emulator ({@code emulator/target/redflag-emulator-standalone.jar}) in a process of its own,
 * with a generated org and the CRM plugin's custom fields, on a free port; its control API ({@code /_emulator})
 * over HTTP, and a Partner API session for reading and changing the org as any Salesforce client would.
 */
final class EmulatorProcess implements AutoCloseable {
    static final String CLIENT_ID = "redflag-demo-client";
    static final String CLIENT_SECRET = "redflag-demo-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final OsProcess process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private SalesforceSession session;

    private EmulatorProcess(OsProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** An org generated from the seed (about 68 records per account), every call allowed. */
    static EmulatorProcess start(Path runDir, int accounts, int seed) {
        OsProcess p = OsProcess.start("emulator", List.of(OsProcess.java(), "-Xmx512m", "-jar",
                Jars.EMULATOR.toString(), "--port", "0", "--generate", "accounts=" + accounts + ",seed=" + seed,
                "--metadata", Jars.PLUGIN_METADATA.toString(), "--api-limit", "10000000"), Map.of(),
                runDir.resolve("emulator.log"));
        try {
            String url = p.awaitLog(LISTENING, Duration.ofSeconds(90)).group(1);
            return new EmulatorProcess(p, url);
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    OsProcess process() {
        return process;
    }

    /** A Partner API session of the integration user (client credentials), opened on first use. */
    synchronized SalesforceSession session() {
        if (session == null) {
            session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(baseUrl), CLIENT_ID,
                    CLIENT_SECRET), Clock.systemUTC());
        }
        return session;
    }

    JsonNode stats() {
        return JSON.readTree(send("GET", "/_emulator/stats", null));
    }

    /** Calls of one Partner API operation (query, update, create …) so far. */
    long calls(String operation) {
        return stats().path("calls").path(operation).asLong(0);
    }

    /** e.g. {@code {"unavailableShare":1.0}}: every API call answered 503 with a maintenance page. */
    void faults(String json) {
        send("PUT", "/_emulator/faults", json);
    }

    void noFaults() {
        send("DELETE", "/_emulator/faults", null);
    }

    /** Waits until the org answers the Partner API again (faults off), so reads of its state are not refused. */
    void awaitAnswering() {
        await("the emulator answers").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> stats().path("faultSettings").path("unavailableShare").asDouble() == 0.0);
    }

    private String send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type",
                "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
