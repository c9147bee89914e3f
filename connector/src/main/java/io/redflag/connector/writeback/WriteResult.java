package io.redflag.connector.writeback;

import io.redflag.connector.resilience.CrmErrorKind;

/**
 * What happened to one record of a write.
 *
 * @param key      the account id (updates) or the follow-up key (creates)
 * @param id       the CRM record id written, created or found; null on failure
 * @param evidence how it is known that the CRM holds the record; null on failure
 * @param kind     null on success; TRANSIENT when retries ran out, PERMANENT when the CRM refused the record
 * @param code     the CRM's status code on failure (NO_ANSWER: sent, the answer lost, and not found in the CRM)
 * @param message  the CRM's message on failure
 */
public record WriteResult(String key, String id, Evidence evidence, CrmErrorKind kind, String code,
        String message) {

    /** How it is known that the CRM holds a record. */
    public enum Evidence {
        /** The CRM's answer to the write named it. */
        ANSWERED,
        /** The call was sent and its answer lost; a look-up by key found the record it made. */
        FOUND_AFTER_LOST_ANSWER,
        /** The CRM held it before anything was sent: an earlier call made it, and its note was lost. */
        ALREADY_THERE
    }

    public static WriteResult answered(String key, String id) {
        return new WriteResult(key, id, Evidence.ANSWERED, null, null, null);
    }

    public static WriteResult foundAfterLostAnswer(String key, String id) {
        return new WriteResult(key, id, Evidence.FOUND_AFTER_LOST_ANSWER, null, null, null);
    }

    public static WriteResult alreadyThere(String key, String id) {
        return new WriteResult(key, id, Evidence.ALREADY_THERE, null, null, null);
    }

    public static WriteResult failed(String key, CrmErrorKind kind, String code, String message) {
        return new WriteResult(key, null, null, kind, code, message);
    }

    public boolean ok() {
        return kind == null;
    }
}
