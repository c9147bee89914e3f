package io.redflag.connector.resilience;

/** What to do about a failed CRM call. Decided only by {@link CrmErrorClassifier}. */
public enum CrmErrorKind {
    /** Worth another attempt after a pause: limits, outages, locks, I/O. Counts against the circuit breaker. */
    TRANSIENT,
    /** The session expired or was revoked: get a new token, then try again. */
    REAUTHENTICATE,
    /** The same request will fail the same way: bad query, field, type, data or permission. Never retried. */
    PERMANENT
}
