package io.redflag.connector.resilience;

import io.redflag.connector.session.AuthenticationException;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.SoapFaultException;
import com.sforce.ws.bind.HTMLResponseException;
import com.sforce.ws.parser.XmlPullParserException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place that decides whether a CRM failure is transient, needs re-authentication or is permanent.
 * Retries, circuit breakers and error reports all follow this decision; nothing else inspects fault codes.
 * Pure: no state, no I/O.
 */
public final class CrmErrorClassifier {

    /** Codes Salesforce uses for conditions that clear by themselves (limits, maintenance, row locks). */
    private static final Set<String> TRANSIENT_CODES = Set.of("REQUEST_LIMIT_EXCEEDED", "SERVER_UNAVAILABLE",
            "UNABLE_TO_LOCK_ROW");
    private static final String INVALID_SESSION = "INVALID_SESSION_ID";

    private CrmErrorClassifier() {
    }

    /** Classifies a failed call: a WSC fault, a transport failure, or anything else thrown around it. */
    public static CrmErrorKind classify(Throwable error) {
        CrmErrorKind kind = firstDecided(error, CrmErrorClassifier::classifyOne);
        return kind == null ? CrmErrorKind.PERMANENT : kind;
    }

    /**
     * Whether a failed call may have been applied by the org all the same: it was sent, and no answer says it
     * was not (a timeout after sending, a reset connection, a gateway's error page instead of the API's
     * answer). False when the call never left (a refused connection, an unknown host, an open breaker, a spent
     * budget, no session) or when the org answered with a fault: a call that faults is not applied at all.
     * Anything not recognised counts as unknown. A create whose outcome is unknown must never be sent again
     * before looking for what it may have made.
     */
    public static boolean outcomeUnknown(Throwable error) {
        Boolean unknown = firstDecided(error, CrmErrorClassifier::outcomeOf);
        return unknown == null || unknown;
    }

    /**
     * Follows the cause chain: WSC wraps I/O failures ("Failed to send request …") and our own wrappers wrap
     * WSC; the first link the rule recognises decides. The identity set guards against cause cycles.
     */
    private static <T> T firstDecided(Throwable error, Function<Throwable, T> rule) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            T decided = rule.apply(t);
            if (decided != null) {
                return decided;
            }
        }
        return null;
    }

    private static Boolean outcomeOf(Throwable t) {
        if (t instanceof CrmException crm) {
            return crm.outcomeUnknown();
        }
        if (t instanceof ApiFault || t instanceof SoapFaultException) {
            return Boolean.FALSE; // the org answered, with a fault
        }
        if (t instanceof CallNotPermittedException || t instanceof ApiBudgetExhaustedException
                || t instanceof AuthenticationException || t instanceof ConnectException
                || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
            return Boolean.FALSE; // never sent: refused or stopped before the request left
        }
        return null;
    }

    /** Classifies a per-record save error (create, update, upsert, delete results). */
    public static CrmErrorKind classify(StatusCode code) {
        return code == null ? CrmErrorKind.PERMANENT : classifyCode(code.name());
    }

    /** Classifies a Salesforce exception or status code by name (also the local part of a SOAP faultcode). */
    static CrmErrorKind classifyCode(String code) {
        if (INVALID_SESSION.equals(code)) {
            return CrmErrorKind.REAUTHENTICATE;
        }
        return TRANSIENT_CODES.contains(code) ? CrmErrorKind.TRANSIENT : CrmErrorKind.PERMANENT;
    }

    private static CrmErrorKind classifyOne(Throwable t) {
        if (t instanceof CrmException crm) {
            return crm.kind();
        }
        if (t instanceof AuthenticationException auth) {
            // The token endpoint was down (try again) or refused the credentials (an admin must act).
            return auth.isTransient() ? CrmErrorKind.TRANSIENT : CrmErrorKind.PERMANENT;
        }
        if (t instanceof ApiFault fault) {
            // ApiFault.getMessage() is null; the typed detail carries the code.
            return fault.getExceptionCode() == null ? CrmErrorKind.PERMANENT
                    : classifyCode(fault.getExceptionCode().name());
        }
        if (t instanceof SoapFaultException fault) {
            // A fault without typed detail: the faultcode (sf:SERVER_UNAVAILABLE …) is all there is.
            return fault.getFaultCode() == null ? CrmErrorKind.PERMANENT
                    : classifyCode(fault.getFaultCode().getLocalPart());
        }
        if (t instanceof CallNotPermittedException) {
            // Our own breaker refused the call: the CRM was failing transiently a moment ago.
            return CrmErrorKind.TRANSIENT;
        }
        if (t instanceof HTMLResponseException) {
            // An HTML page instead of a SOAP envelope: a maintenance page or a proxy in front of Salesforce.
            return CrmErrorKind.TRANSIENT;
        }
        if (t instanceof XmlPullParserException parse
                && String.valueOf(parse.getMessage()).contains("START_DOCUMENT")) {
            // WSC hides the HTTP status; a body that is not XML from its first character is a gateway's
            // error text (502/504), never an answer from the API. Malformed XML later in a document stays
            // permanent: that is a contract mismatch a retry will not fix.
            return CrmErrorKind.TRANSIENT;
        }
        if (t instanceof IOException) {
            // Refused connections, timeouts, resets, truncated or empty bodies: the request may succeed later.
            return CrmErrorKind.TRANSIENT;
        }
        return null;
    }
}
