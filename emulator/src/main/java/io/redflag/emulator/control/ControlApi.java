package io.redflag.emulator.control;

import io.redflag.emulator.oauth.Sessions;
import io.redflag.emulator.outbound.OutboundMessages;
import io.redflag.emulator.pubsub.PubSub;
import io.redflag.emulator.schema.FieldValues;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's own HTTP API under {@code /_emulator}, for tests and benchmarks: inspect call counts and
 * API usage, switch faults on and off, move the clock of a record back, empty the recycle bin. Not part of
 * Salesforce; nothing in the product may depend on it.
 */
public final class ControlApi {
    /** An answer: HTTP status and a JSON-serialisable body. */
    public record Answer(int status, Object body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OrgControl control;
    private final OrgStore store;
    private final Sessions sessions;
    private final OutboundMessages outbound;
    private final PubSubControl pubSub;

    /** @param pubSub the org's Pub/Sub API, or null when it serves none */
    public ControlApi(OrgControl control, OrgStore store, Sessions sessions, OutboundMessages outbound, PubSub pubSub) {
        this.control = control;
        this.store = store;
        this.sessions = sessions;
        this.outbound = outbound;
        this.pubSub = new PubSubControl(pubSub);
    }

    public Answer handle(String method, String path, String body) {
        try {
            return route(method, path, body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
        } catch (JacksonException e) {
            return bad("the body is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
    }

    private Answer route(String method, String path, JsonNode body) {
        if (path.equals(PubSubControl.PREFIX) || path.startsWith(PubSubControl.PREFIX + "/")) {
            return pubSub.handle(method, path, body);
        }
        String key = method + " " + path;
        switch (key) {
            case "GET /_emulator/stats": {
                Map<String, Object> out = new LinkedHashMap<>(control.snapshot());
                out.put("records", store.counts());
                out.put("activeSessions", sessions.active());
                return new Answer(200, out);
            }
            case "GET /_emulator/faults":
                return new Answer(200, control.faults());
            case "PUT /_emulator/faults":
            case "POST /_emulator/faults":
                control.faults(merge(control.faults(), body));
                return new Answer(200, control.faults());
            case "DELETE /_emulator/faults":
                control.faults(FaultSettings.NONE);
                return new Answer(200, control.faults());
            case "PUT /_emulator/api-limit":
                control.apiLimit(required(body, "limit").asLong());
                return new Answer(200, Map.of("limit", control.apiLimit(), "current", control.apiUsed()));
            case "POST /_emulator/api-usage/reset":
                control.resetApiUsage();
                return new Answer(200, Map.of("limit", control.apiLimit(), "current", control.apiUsed()));
            case "POST /_emulator/counters/reset":
                control.resetCounters();
                return new Answer(200, control.snapshot());
            case "POST /_emulator/sessions/revoke":
                sessions.revokeAll();
                return new Answer(200, Map.of("activeSessions", 0));
            case "POST /_emulator/recycle-bin/purge": {
                Instant before = body.has("before") ? FieldValues.parseDateTime(body.get("before").asString())
                        : store.now().plusSeconds(1);
                return new Answer(200, Map.of("purged", store.purgeRecycleBin(before)));
            }
            case "GET /_emulator/outbound-messages":
                return new Answer(200, outbound.describe());
            case "PUT /_emulator/outbound-messages":
                OutboundJson.configure(outbound, body);
                return new Answer(200, outbound.describe());
            case "DELETE /_emulator/outbound-messages":
                outbound.clear();
                return new Answer(200, outbound.describe());
            case "GET /_emulator/outbound-messages/faults":
                return new Answer(200, outbound.faults());
            case "PUT /_emulator/outbound-messages/faults":
                outbound.faults(OutboundJson.faults(outbound.faults(), body));
                return new Answer(200, outbound.faults());
            case "DELETE /_emulator/outbound-messages/faults":
                outbound.faults(io.redflag.emulator.outbound.OutboundFaults.NONE);
                return new Answer(200, outbound.faults());
            default:
                break;
        }
        if (method.equals("POST") && path.startsWith("/_emulator/records/") && path.endsWith("/backdate")) {
            String id = path.substring("/_emulator/records/".length(), path.length() - "/backdate".length());
            Instant to = FieldValues.parseDateTime(required(body, "systemModstamp").asString());
            SRecord r = store.backdate(id, to);
            return r == null ? new Answer(404, Map.of("error", "no record " + id))
                    : new Answer(200, Map.of("id", r.id(), "systemModstamp", FieldValues.format(r.modstamp())));
        }
        return new Answer(404, Map.of("error", "no such control endpoint: " + key,
                "endpoints", "GET /_emulator/stats, GET|PUT|DELETE /_emulator/faults, PUT /_emulator/api-limit,"
                        + " POST /_emulator/api-usage/reset, POST /_emulator/counters/reset,"
                        + " POST /_emulator/sessions/revoke, POST /_emulator/recycle-bin/purge,"
                        + " POST /_emulator/records/{id}/backdate, GET|PUT|DELETE /_emulator/outbound-messages,"
                        + " GET|PUT|DELETE /_emulator/outbound-messages/faults, " + PubSubControl.ENDPOINTS));
    }

    /** Applies the settings a body names onto the current ones; unknown names are an error. */
    static FaultSettings merge(FaultSettings s, JsonNode body) {
        for (String name : body.propertyNames()) {
            JsonNode v = body.get(name);
            s = switch (name) {
                case "latencyMillis" -> s.withLatencyMillis(v.asLong());
                case "unavailableShare" -> s.withUnavailableShare(v.asDouble());
                case "htmlErrorShare" -> s.withHtmlErrorShare(v.asDouble());
                case "sessionExpiresAfterCalls" -> s.withSessionExpiresAfterCalls(v.asLong());
                case "lockErrorShare" -> s.withLockErrorShare(v.asDouble());
                case "seed" -> new FaultSettings(s.latencyMillis(), s.unavailableShare(), s.htmlErrorShare(),
                        s.sessionExpiresAfterCalls(), s.lockErrorShare(), v.asLong());
                default -> throw new IllegalArgumentException("unknown fault setting '" + name + "' (known: latencyMillis,"
                        + " unavailableShare, htmlErrorShare, sessionExpiresAfterCalls, lockErrorShare, seed)");
            };
        }
        return s;
    }

    private static JsonNode required(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("'" + name + "' is required");
        }
        return v;
    }

    private static Answer bad(String message) {
        return new Answer(400, Map.of("error", message));
    }

    public static String toJson(Object body) {
        return JSON.writeValueAsString(body);
    }
}
