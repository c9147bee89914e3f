package io.redflag.connector.writeback;

import io.redflag.connector.resilience.CrmErrorKind;

/**
 * What happened to one record of a write.
 *
 * @param key     the account id (updates) or the follow-up key (creates)
 * @param id      the CRM record id written or created; null on failure
 * @param kind    null on success; TRANSIENT when retries ran out, PERMANENT when the CRM refused the record
 * @param code    the CRM's status code on failure
 * @param message the CRM's message on failure
 */
public record WriteResult(String key, String id, CrmErrorKind kind, String code, String message) {
    public boolean ok() {
        return kind == null;
    }
}
