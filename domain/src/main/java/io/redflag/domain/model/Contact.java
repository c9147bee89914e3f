package io.redflag.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person at an account.
 *
 * @param roles         the buying roles this contact plays on the account's deals (decision maker …)
 * @param leftCompany   marked as having left (the mapped departure field)
 * @param emailBouncedAt when mail to the contact last bounced, or null
 */
public record Contact(String id, String accountId, String name, String title, String email, Set<ContactRole> roles,
        boolean primary, boolean leftCompany, Instant emailBouncedAt, Instant createdAt, Instant modifiedAt,
        boolean deleted) {

    public Contact {
        Objects.requireNonNull(id, "id");
        // An EnumSet keeps its order: the same contact prints, and so hashes, the same on every run.
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(ContactRole.class) : EnumSet.copyOf(roles));
    }
}
