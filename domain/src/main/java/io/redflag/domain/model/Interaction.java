package io.redflag.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A call, email or meeting with an account (CRM tasks and events).
 *
 * @param contactId the person it was with, or null
 * @param outcome   what came of it (answered, no answer, declined …)
 * @param completed done (a call made, a meeting held) rather than planned
 */
public record Interaction(String id, String accountId, String contactId, String ownerId, Kind kind,
        Direction direction, Outcome outcome, Instant at, boolean completed) {

    public Interaction {
        Objects.requireNonNull(id, "id");
    }

    public enum Kind {
        CALL,
        EMAIL,
        MEETING,
        OTHER
    }

    public enum Direction {
        INBOUND,
        OUTBOUND
    }

    public enum Outcome {
        CONNECTED,
        NO_RESPONSE,
        DECLINED,
        CANCELLED,
        UNKNOWN
    }
}
