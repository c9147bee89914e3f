package io.redflag.connector.intake;

import java.util.Set;

/**
 * How far a source has read, committed with the records it covers: a restart resumes after it and a
 * redelivery of what it covers is recognised.
 */
public sealed interface Position permits Watermark, Position.Notifications {

    /**
     * Outbound Message notification ids: once stored, a redelivery of the same notification (Salesforce
     * delivers at least once) stores nothing again.
     */
    record Notifications(Set<String> ids) implements Position {
        public Notifications {
            ids = Set.copyOf(ids);
        }
    }
}
