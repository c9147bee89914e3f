package io.redflag.connector.intake;

import java.util.Set;

/**
 * How far a source has read, committed with the records it covers: a restart resumes after it and a
 * redelivery of what it covers is recognised.
 */
public sealed interface Position permits Watermark, Position.Notifications, Position.Replay {

    /**
     * Outbound Message notification ids: once stored, a redelivery of the same notification (Salesforce
     * delivers at least once) stores nothing again.
     */
    record Notifications(Set<String> ids) implements Position {
        public Notifications {
            ids = Set.copyOf(ids);
        }
    }

    /**
     * A change event channel's replay id (8 bytes, as the Pub/Sub API sends it): a restart resubscribes just
     * after it, so what the stored records cover is neither asked for again nor skipped.
     */
    record Replay(String topic, byte[] replayId) implements Position {
        public Replay {
            replayId = replayId.clone();
        }

        @Override
        public byte[] replayId() {
            return replayId.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Replay r && topic.equals(r.topic) && java.util.Arrays.equals(replayId, r.replayId);
        }

        @Override
        public int hashCode() {
            return topic.hashCode() * 31 + java.util.Arrays.hashCode(replayId);
        }

        @Override
        public String toString() {
            return "Replay[" + topic + ", " + java.util.HexFormat.of().formatHex(replayId) + "]";
        }
    }
}
