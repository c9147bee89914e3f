package io.redflag.domain.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer account.
 *
 * @param tier        the admin's explicit tier (for example "Strategic"), or null when none is mapped
 * @param changeEvent a major change the CRM records at the customer (restructuring, litigation …), or null
 */
public record Account(String id, String name, String ownerId, String parentId, String tier, String segment,
        BigDecimal annualRevenue, String changeEvent, Instant createdAt, Instant modifiedAt) {

    public Account {
        Objects.requireNonNull(id, "id");
    }
}
