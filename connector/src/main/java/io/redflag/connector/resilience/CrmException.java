package io.redflag.connector.resilience;

import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.SoapFaultException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * A CRM call failed. The message names the operation, the object when known, and Salesforce's own code and
 * message; {@link #kind()} says what may be done about it. Never carries a session id or a secret: the text
 * comes from the fault, never from the connection.
 */
public final class CrmException extends RuntimeException {
    /** Salesforce's messages can be whole HTML pages; a report needs the start only. */
    private static final int MAX_DETAIL = 300;

    private final String operation;
    private final String objectName;
    private final String code;
    private final CrmErrorKind kind;
    private final boolean outcomeUnknown;

    private CrmException(String message, String operation, String objectName, String code, CrmErrorKind kind,
            boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.objectName = objectName;
        this.code = code;
        this.kind = kind;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** A failed call, classified by {@link CrmErrorClassifier}. */
    public static CrmException of(String operation, String objectName, Throwable cause) {
        return of(operation, objectName, cause, CrmErrorClassifier.classify(cause));
    }

    /** A failed call whose kind is already known. */
    public static CrmException of(String operation, String objectName, Throwable cause, CrmErrorKind kind) {
        String code = codeOf(cause);
        boolean unknown = CrmErrorClassifier.outcomeUnknown(cause);
        String message = "CRM operation " + operation + (objectName == null ? "" : " on " + objectName)
                + " failed (" + kind + (unknown ? ", sent: outcome unknown" : "") + "): "
                + (code == null ? "" : code + ": ") + detailOf(cause);
        return new CrmException(message, operation, objectName, code, kind, unknown, cause);
    }

    /** The operation's circuit breaker is open: the call was not attempted. */
    public static CrmException breakerOpen(String operation, String objectName, CallNotPermittedException cause) {
        return new CrmException("CRM operation " + operation + (objectName == null ? "" : " on " + objectName)
                + " not attempted: its circuit breaker is open after repeated transient failures", operation,
                objectName, null, CrmErrorKind.TRANSIENT, false, cause);
    }

    /** The remote operation, e.g. {@code query:Account}. */
    public String operation() {
        return operation;
    }

    /** The CRM object, or null when not known. */
    public String objectName() {
        return objectName;
    }

    /** Salesforce's exception code (INVALID_FIELD, REQUEST_LIMIT_EXCEEDED …), or null for transport failures. */
    public String code() {
        return code;
    }

    public CrmErrorKind kind() {
        return kind;
    }

    /**
     * Whether the call was sent and may have been applied although it failed (see
     * {@link CrmErrorClassifier#outcomeUnknown}): a create must not be sent again before looking for what it
     * made.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    private static String codeOf(Throwable cause) {
        if (cause instanceof ApiFault fault && fault.getExceptionCode() != null) {
            return fault.getExceptionCode().name();
        }
        if (cause instanceof SoapFaultException fault && fault.getFaultCode() != null) {
            return fault.getFaultCode().getLocalPart();
        }
        return null;
    }

    private static String detailOf(Throwable cause) {
        if (cause == null) {
            return "no detail";
        }
        String text = cause instanceof ApiFault fault ? fault.getExceptionMessage() : cause.getMessage();
        if (text == null && cause.getCause() != null && !(cause instanceof ApiFault)) {
            // WSC's wrappers often say little; the I/O failure underneath says what happened.
            text = cause.getCause().getClass().getSimpleName() + ": " + cause.getCause().getMessage();
        }
        if (text == null) {
            text = cause.getClass().getSimpleName();
        }
        text = text.strip().replaceAll("\\s+", " ");
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
