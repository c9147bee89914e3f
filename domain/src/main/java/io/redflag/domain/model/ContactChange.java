package io.redflag.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a contact that the sync observed: the contact moved to another account, or got a new title.
 * The CRM keeps such history only where field history tracking is on; the sync sees every change it reads.
 *
 * @param oldValue the account id or title before (null when there was none)
 * @param newValue the account id or title after
 */
public record ContactChange(String contactId, Field field, String oldValue, String newValue, Instant at) {
    public enum Field {
        ACCOUNT, TITLE
    }

    public ContactChange {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(at, "at");
    }
}
