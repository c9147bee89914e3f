package io.redflag.emulator.control;

import io.redflag.emulator.control.ControlApi.Answer;
import io.redflag.emulator.pubsub.PubSub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The control API's {@code /_emulator/pubsub} part: the Pub/Sub API's state, settings and faults (stream
 * reset, gap and overflow events, retention expiry, expired sessions).
 */
final class PubSubControl {
    static final String PREFIX = "/_emulator/pubsub";
    static final String ENDPOINTS = "GET|PUT /_emulator/pubsub, POST /_emulator/pubsub/streams/reset,"
            + " POST /_emulator/pubsub/gap, POST /_emulator/pubsub/overflow,"
            + " POST /_emulator/pubsub/retention/expire, POST /_emulator/pubsub/sessions/expire";

    private final PubSub pubSub;

    /** @param pubSub the running Pub/Sub API, or null when the emulator serves none */
    PubSubControl(PubSub pubSub) {
        this.pubSub = pubSub;
    }

    Answer handle(String method, String path, JsonNode body) {
        if (pubSub == null) {
            return new Answer(404, Map.of("error", "the Pub/Sub API is off: start the emulator with --pubsub-port N"
                    + " (EmulatorConfig.withPubSubPort)"));
        }
        switch (method + " " + path) {
            case "GET " + PREFIX:
                return new Answer(200, pubSub.describe());
            case "PUT " + PREFIX:
                configure(body);
                return new Answer(200, pubSub.describe());
            case "POST " + PREFIX + "/streams/reset":
                return new Answer(200, Map.of("reset", pubSub.resetStreams()));
            case "POST " + PREFIX + "/gap":
                pubSub.gap(text(body, "changeType"), texts(body, "recordIds"));
                return new Answer(200, pubSub.stats());
            case "POST " + PREFIX + "/overflow":
                pubSub.overflow(text(body, "entity"));
                return new Answer(200, pubSub.stats());
            case "POST " + PREFIX + "/retention/expire":
                return new Answer(200, Map.of("purged", pubSub.expireRetention()));
            case "POST " + PREFIX + "/sessions/expire":
                pubSub.expireSessions();
                return new Answer(200, pubSub.stats());
            default:
                return new Answer(404, Map.of("error", "no such control endpoint: " + method + " " + path,
                        "endpoints", ENDPOINTS));
        }
    }

    /** {@code {"keepaliveMillis":500,"overflowThreshold":10,"timeScale":3600}}, any subset. */
    private void configure(JsonNode body) {
        for (String name : body.propertyNames()) {
            JsonNode v = body.get(name);
            if (!v.isNumber()) {
                throw new IllegalArgumentException("'" + name + "' must be a number");
            }
            switch (name) {
                case "keepaliveMillis" -> pubSub.keepalive(Duration.ofMillis(v.asLong()));
                case "overflowThreshold" -> pubSub.overflowThreshold(v.asInt());
                case "timeScale" -> pubSub.timeScale(v.asDouble());
                default -> throw new IllegalArgumentException("unknown Pub/Sub setting '" + name
                        + "' (known: keepaliveMillis, overflowThreshold, timeScale)");
            }
        }
    }

    private static String text(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException("'" + name + "' is required (a string)");
        }
        return v.asString();
    }

    private static List<String> texts(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' is required (a list of strings)");
        }
        List<String> out = new ArrayList<>();
        v.forEach(item -> out.add(item.asString()));
        return out;
    }
}
