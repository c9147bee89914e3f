package io.redflag.domain.model;

import java.util.Objects;

/**
 * A user of the CRM who owns accounts and logs activities. An inactive user has usually left the company.
 *
 * @param managerId the user's manager, who receives follow-ups when the owner is inactive; null if none
 */
public record CrmUser(String id, String name, String email, boolean active, String managerId) {

    public CrmUser {
        Objects.requireNonNull(id, "id");
    }
}
