package io.redflag.service.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks an admin's scorecard file against the shape of the shipped one, which holds every key: every unknown
 * key and every value of the wrong kind is found in one pass, named by its key path (rules.activityWindowDays),
 * never by a Java type. What the values may be beyond their kind is the domain's {@code validate()}.
 */
final class ScorecardShape {

    private ScorecardShape() {
    }

    static List<String> problems(JsonNode shipped, JsonNode admin) {
        List<String> problems = new ArrayList<>();
        compare("", shipped, admin, problems);
        return problems;
    }

    private static void compare(String path, JsonNode expected, JsonNode given, List<String> problems) {
        if (expected.isObject()) {
            if (!given.isObject()) {
                problems.add(name(path) + " = " + shown(given) + " must be a group of keys (" + keys(expected) + ")");
                return;
            }
            for (Map.Entry<String, JsonNode> entry : given.properties()) {
                String key = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                JsonNode known = expected.get(entry.getKey());
                if (known == null) {
                    problems.add(key + " is not a scorecard setting; "
                            + (path.isEmpty() ? "the settings are " : name(path) + " holds ") + keys(expected));
                } else {
                    compare(key, known, entry.getValue(), problems);
                }
            }
            return;
        }
        // Numbers are one kind here: whether a setting takes a fraction is the binding's to say, by its key.
        String kind = expected.isArray() ? "a list" : expected.isNumber() ? "a number"
                : expected.isBoolean() ? "true or false" : "a text";
        boolean ok = expected.isArray() ? given.isArray()
                : expected.isNumber() ? given.isNumber()
                : expected.isBoolean() ? given.isBoolean()
                : given.isValueNode() && !given.isNull();
        if (!ok) {
            problems.add(path + " = " + shown(given) + " must be " + kind + ", e.g. " + expected);
        }
    }

    private static String name(String path) {
        return path.isEmpty() ? "the scorecard" : path;
    }

    private static String shown(JsonNode node) {
        return node.isNull() ? "(empty)" : node.isArray() ? "a list" : node.isObject() ? "a group of keys"
                : "'" + node.asString() + "'";
    }

    private static String keys(JsonNode object) {
        return String.join(", ", object.propertyNames());
    }
}
