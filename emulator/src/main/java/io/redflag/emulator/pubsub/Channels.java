package io.redflag.emulator.pubsub;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The change event channels one can subscribe to: {@code /data/ChangeEvents} (every captured object),
 * {@code /data/<Object>ChangeEvent} per object, and custom channels ({@code /data/<Name>__chn}) with their
 * member objects.
 */
final class Channels {
    static final String ALL = "/data/ChangeEvents";

    private final Map<String, Set<String>> byTopic = new LinkedHashMap<>();

    /** @param custom topic → member objects; an object the org does not capture stops the start, named */
    Channels(Set<String> captured, Map<String, List<String>> custom) {
        byTopic.put(ALL, Collections.unmodifiableSet(new LinkedHashSet<>(captured)));
        for (String entity : captured) {
            byTopic.put("/data/" + entity + "ChangeEvent", Set.of(entity));
        }
        custom.forEach((topic, members) -> {
            for (String member : members) {
                if (!captured.contains(member)) {
                    throw new IllegalArgumentException("--cdc-channel " + topic.substring("/data/".length())
                            + ": '" + member + "' is not an object with change events (the emulator captures "
                            + String.join(", ", captured) + ")");
                }
            }
            byTopic.put(topic, Collections.unmodifiableSet(new LinkedHashSet<>(members)));
        });
    }

    /** The objects whose events a topic carries; null when there is no such topic. */
    Set<String> entities(String topic) {
        return byTopic.get(topic);
    }

    List<String> topics() {
        return List.copyOf(byTopic.keySet());
    }
}
