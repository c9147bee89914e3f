package io.redflag.service.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service replica started as the README says: {@code java -jar service/target/redflag-service.jar} with the
 * CRM settings pointing at the emulator, the store in the run's PostgreSQL schema, a bootstrap API token to
 * read its health, a free port. Timings are shortened (polls every 2 s, scoring swept every second) so a run
 * takes seconds, not the production minutes.
 */
final class Replica implements AutoCloseable {
    static final String TOKEN = "rf_chaos_" + "0123456789abcdef0123456789abcdef";
    static final Pattern STARTED = Pattern.compile("Started RedflagApplication in");
    static final Pattern GRANTED = Pattern.compile("Leadership granted to replica (\\S+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String id;
    private final int port;
    private final OsProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Replica(String id, int port, OsProcess process) {
        this.id = id;
        this.port = port;
        this.process = process;
    }

    /** Starts the replica; returns at once (see {@link #awaitStarted}). Extra settings as {@code --key=value}. */
    static Replica start(String id, Path runDir, EmulatorProcess org, ChaosDatabase db, Map<String, String> settings) {
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SALESFORCE_LOGIN_URL", org.baseUrl());
        env.put("SALESFORCE_CLIENT_ID", EmulatorProcess.CLIENT_ID);
        env.put("SALESFORCE_CLIENT_SECRET", EmulatorProcess.CLIENT_SECRET);
        env.put("SPRING_DATASOURCE_URL", db.urlFor(id));
        env.put("SPRING_DATASOURCE_USERNAME", ChaosDatabase.USER);
        env.put("REDFLAG_SECURITY_BOOTSTRAP_TOKEN", TOKEN);
        env.put("REDFLAG_CLUSTER_REPLICA_ID", id);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", String.valueOf(port));
        all.put("redflag.sync.poll-interval", "2s");
        all.put("redflag.sync.max-poll-interval", "4s");
        all.put("redflag.scoring.sweep-interval", "1s");
        all.putAll(settings);
        List<String> command = new ArrayList<>(List.of(OsProcess.java(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", Jars.SERVICE.toString()));
        all.forEach((k, v) -> command.add("--" + k + "=" + v));
        return new Replica(id, port, OsProcess.start(id, command, env, runDir.resolve(id + ".log")));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String id() {
        return id;
    }

    OsProcess process() {
        return process;
    }

    Replica awaitStarted() {
        process.awaitLog(STARTED, Duration.ofMinutes(10));
        return this;
    }

    /** {@code /actuator/health} as an authenticated caller sees it; empty when the replica does not answer. */
    Optional<JsonNode> health() {
        if (!process.alive()) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 || r.statusCode() == 503 ? Optional.of(JSON.readTree(r.body()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether health has the {@code leadership} component (leader election is built in). */
    boolean reportsLeadership() {
        return health().map(h -> !h.path("components").path("leadership").isMissingNode()).orElse(false);
    }

    /** True when health says this replica leads; a replica without leader election always leads. */
    boolean leads() {
        return health().map(h -> {
            JsonNode leadership = h.path("components").path("leadership");
            return leadership.isMissingNode() || leadership.path("details").path("leader").asBoolean(false);
        }).orElse(false);
    }

    /**
     * Nothing left to do: every object read in full at least once, no account waiting to be scored, no risk
     * field or follow-up waiting to be written; every object read to its end after {@code since}.
     */
    boolean settled(Instant since) {
        return health().map(h -> {
            JsonNode scoring = h.path("components").path("scoring").path("details");
            JsonNode objects = h.path("components").path("sync").path("details").path("objects");
            if (objects.isEmpty() || scoring.isMissingNode()) {
                return false;
            }
            for (JsonNode o : objects) {
                String initial = o.path("initialSync").asString("");
                String last = o.path("lastSuccessAt").asString("");
                if (last.isEmpty() || Instant.parse(last).isBefore(since)
                        || (!initial.isEmpty() && !sameParts(initial))) {
                    return false;
                }
            }
            return scoring.path("accountsWaitingToBeScored").asInt(-1) == 0
                    && scoring.path("riskFieldUpdatesPending").asInt(-1) == 0
                    && scoring.path("followUpsPending").asInt(-1) == 0;
        }).orElse(false);
    }

    /** "500 of 500" */
    private static boolean sameParts(String progress) {
        String[] parts = progress.split(" of ");
        return parts.length == 2 && parts[0].equals(parts[1]);
    }

    void kill() {
        process.kill();
    }

    void terminate() {
        process.terminate(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        process.close();
    }
}
