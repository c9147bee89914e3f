package io.redflag.emulator.control;

import io.redflag.emulator.outbound.OutboundFaults;
import io.redflag.emulator.outbound.OutboundMessages;
import io.redflag.emulator.outbound.OutboundRule;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads the control API's Outbound Message bodies: rules with a time scale, and delivery faults. */
final class OutboundJson {
    private OutboundJson() {
    }

    /**
     * {@code {"rules":[{"object":"Contact","fields":["Id","AccountId"],"endpoint":"http://…"}],"timeScale":1}}:
     * the rules replace those in force (all checked first); the time scale is optional.
     */
    static void configure(OutboundMessages outbound, JsonNode body) {
        for (String name : body.propertyNames()) {
            if (!name.equals("rules") && !name.equals("timeScale")) {
                throw new IllegalArgumentException("unknown outbound message setting '" + name
                        + "' (known: rules, timeScale)");
            }
        }
        JsonNode timeScale = body.get("timeScale");
        JsonNode rules = body.get("rules");
        if (rules != null && !rules.isArray()) {
            throw new IllegalArgumentException("'rules' must be a list of {object, fields, endpoint}");
        }
        List<OutboundRule> parsed = new ArrayList<>();
        if (rules != null) {
            for (JsonNode r : rules) {
                parsed.add(rule(r));
            }
        }
        if (timeScale != null && !timeScale.isNumber()) {
            throw new IllegalArgumentException("'timeScale' must be a number (1 = real time)");
        }
        if (rules != null) {
            outbound.rules(parsed);
        }
        if (timeScale != null) {
            outbound.timeScale(timeScale.asDouble());
        }
    }

    private static OutboundRule rule(JsonNode r) {
        JsonNode object = r.get("object");
        JsonNode endpoint = r.get("endpoint");
        JsonNode fields = r.get("fields");
        if (object == null || !object.isString() || endpoint == null || !endpoint.isString()) {
            throw new IllegalArgumentException("a rule needs \"object\" and \"endpoint\" (strings): " + r);
        }
        if (fields != null && !fields.isArray()) {
            throw new IllegalArgumentException("\"fields\" of the rule for " + object.asString()
                    + " must be a list of field names");
        }
        List<String> names = new ArrayList<>();
        if (fields != null) {
            fields.forEach(f -> names.add(f.asString()));
        }
        JsonNode session = r.get("sendSessionId");
        try {
            return new OutboundRule(object.asString(), names, new URI(endpoint.asString()),
                    session != null && session.asBoolean());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the endpoint of the rule for " + object.asString()
                    + " is not a URL: " + e.getMessage(), e);
        }
    }

    /** Applies the settings a body names onto the current ones; unknown names are an error. */
    static OutboundFaults faults(OutboundFaults f, JsonNode body) {
        for (String name : body.propertyNames()) {
            JsonNode v = body.get(name);
            f = switch (name) {
                case "lostAckShare" -> f.withLostAckShare(v.asDouble());
                case "duplicateShare" -> f.withDuplicateShare(v.asDouble());
                case "delayMillis" -> f.withDelayMillis(v.asLong());
                case "reorder" -> f.withReorder(v.asBoolean());
                case "seed" -> f.withSeed(v.asLong());
                default -> throw new IllegalArgumentException("unknown outbound fault setting '" + name + "' (known:"
                        + " lostAckShare, duplicateShare, delayMillis, reorder, seed)");
            };
        }
        return f;
    }
}
