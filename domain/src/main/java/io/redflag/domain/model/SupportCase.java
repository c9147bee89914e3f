package io.redflag.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A customer's support case: a complaint or problem, open or resolved. */
public record SupportCase(String id, String accountId, String contactId, String subject, boolean highPriority,
        boolean escalated, boolean closed, Instant openedAt, Instant closedAt) {

    public SupportCase {
        Objects.requireNonNull(id, "id");
    }
}
