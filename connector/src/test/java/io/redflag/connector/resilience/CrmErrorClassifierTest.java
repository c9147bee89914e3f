package io.redflag.connector.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import com.sforce.ws.bind.HTMLResponseException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The classification table, without a network: exceptions built as WSC builds them. */
class CrmErrorClassifierTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(fault(ExceptionCode.REQUEST_LIMIT_EXCEEDED), CrmErrorKind.TRANSIENT),
                Arguments.of(fault(ExceptionCode.SERVER_UNAVAILABLE), CrmErrorKind.TRANSIENT),
                Arguments.of(fault(ExceptionCode.UNABLE_TO_LOCK_ROW), CrmErrorKind.TRANSIENT),
                Arguments.of(fault(ExceptionCode.INVALID_SESSION_ID), CrmErrorKind.REAUTHENTICATE),
                Arguments.of(fault(ExceptionCode.MALFORMED_QUERY), CrmErrorKind.PERMANENT),
                Arguments.of(fault(ExceptionCode.INVALID_FIELD), CrmErrorKind.PERMANENT),
                Arguments.of(fault(ExceptionCode.INVALID_TYPE), CrmErrorKind.PERMANENT),
                Arguments.of(fault(ExceptionCode.INSUFFICIENT_ACCESS), CrmErrorKind.PERMANENT),
                Arguments.of(fault(ExceptionCode.API_DISABLED_FOR_ORG), CrmErrorKind.PERMANENT),
                Arguments.of(new ApiFault(), CrmErrorKind.PERMANENT),
                Arguments.of(untyped("SERVER_UNAVAILABLE"), CrmErrorKind.TRANSIENT),
                Arguments.of(untyped("INVALID_SESSION_ID"), CrmErrorKind.REAUTHENTICATE),
                Arguments.of(untyped("Client"), CrmErrorKind.PERMANENT),
                Arguments.of(new ConnectionException("Request timed out", new SocketTimeoutException("Read timed out")),
                        CrmErrorKind.TRANSIENT),
                Arguments.of(new ConnectionException("Failed to send request", new ConnectException("refused")),
                        CrmErrorKind.TRANSIENT),
                Arguments.of(new HTMLResponseException("Encountered HTML Content when looking for Envelope"),
                        CrmErrorKind.TRANSIENT),
                Arguments.of(new ConnectionException("Unexpected element"), CrmErrorKind.PERMANENT),
                Arguments.of(new ClassCastException("detail without xsi:type"), CrmErrorKind.PERMANENT),
                Arguments.of(new IllegalStateException("wrapped", fault(ExceptionCode.SERVER_UNAVAILABLE)),
                        CrmErrorKind.TRANSIENT),
                Arguments.of(CrmException.of("query:Account", "Account", new RuntimeException("x"),
                        CrmErrorKind.REAUTHENTICATE), CrmErrorKind.REAUTHENTICATE));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("table")
    void classifiesThrowables(Throwable error, CrmErrorKind expected) {
        assertThat(CrmErrorClassifier.classify(error)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "UNABLE_TO_LOCK_ROW, TRANSIENT",
        "INVALID_SESSION_ID, REAUTHENTICATE",
        "REQUIRED_FIELD_MISSING, PERMANENT",
        "FIELD_CUSTOM_VALIDATION_EXCEPTION, PERMANENT",
        "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY, PERMANENT",
        "INVALID_FIELD_FOR_INSERT_UPDATE, PERMANENT",
        "STRING_TOO_LONG, PERMANENT",
        "ENTITY_IS_DELETED, PERMANENT",
        "DUPLICATE_EXTERNAL_ID, PERMANENT",
        "INVALID_CROSS_REFERENCE_KEY, PERMANENT"
    })
    void classifiesPerRecordStatusCodes(StatusCode code, CrmErrorKind expected) {
        assertThat(CrmErrorClassifier.classify(code)).isEqualTo(expected);
    }

    @Test
    void validationAndPermissionErrorsOnRecordsArePermanent() {
        assertThat(Stream.of(StatusCode.REQUIRED_FIELD_MISSING, StatusCode.FIELD_CUSTOM_VALIDATION_EXCEPTION,
                StatusCode.INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY, StatusCode.STRING_TOO_LONG,
                StatusCode.ENTITY_IS_DELETED)).allMatch(c -> CrmErrorClassifier.classify(c) == CrmErrorKind.PERMANENT);
    }

    static Stream<Arguments> outcomes() {
        var breaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("create:Task");
        breaker.transitionToOpenState();
        return Stream.of(
                Arguments.of("a read timeout", new ConnectionException("Request timed out",
                        new SocketTimeoutException("Read timed out")), true),
                Arguments.of("a reset connection", new ConnectionException("Failed to send request",
                        new java.net.SocketException("Connection reset")), true),
                Arguments.of("a gateway's HTML page", new HTMLResponseException("Encountered HTML Content"), true),
                Arguments.of("something not recognised", new IllegalStateException("?"), true),
                Arguments.of("a refused connection", new ConnectionException("Failed to send request",
                        new ConnectException("Connection refused")), false),
                Arguments.of("an unknown host", new ConnectionException("Failed to send request",
                        new java.net.UnknownHostException("org.invalid")), false),
                Arguments.of("no route to the host", new ConnectionException("Failed to send request",
                        new java.net.NoRouteToHostException("no route")), false),
                Arguments.of("a typed fault", fault(ExceptionCode.SERVER_UNAVAILABLE), false),
                Arguments.of("an untyped fault", untyped("SERVER_UNAVAILABLE"), false),
                Arguments.of("an open breaker", CallNotPermittedException.createCallNotPermittedException(breaker),
                        false),
                Arguments.of("a spent budget", ApiBudgetExhaustedException.limitReached("create:Task",
                        new ApiBudget.State(1000, 1000, 1.0, 0.8, true, true)), false),
                Arguments.of("a fault wrapped by us", CrmException.of("create:Task", "Task",
                        fault(ExceptionCode.REQUEST_LIMIT_EXCEEDED)), false),
                Arguments.of("a timeout wrapped by us", CrmException.of("create:Task", "Task",
                        new SocketTimeoutException("Read timed out")), true));
    }

    @ParameterizedTest(name = "{0}: outcome unknown = {2}")
    @MethodSource("outcomes")
    void aCallIsOfUnknownOutcomeOnlyWhenSentAndUnanswered(String what, Throwable error, boolean unknown) {
        assertThat(CrmErrorClassifier.outcomeUnknown(error)).as(what).isEqualTo(unknown);
        assertThat(CrmException.of("create:Task", "Task", error).outcomeUnknown()).as(what).isEqualTo(unknown);
    }

    @Test
    void anUnknownOutcomeIsSaidInTheMessageAndABreakerRefusalHasNone() {
        assertThat(CrmException.of("create:Task", "Task", new SocketTimeoutException("Read timed out")).getMessage())
                .isEqualTo("CRM operation create:Task on Task failed (TRANSIENT, sent: outcome unknown):"
                        + " Read timed out");
        var breaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("create:Task");
        breaker.transitionToOpenState();
        assertThat(CrmException.breakerOpen("create:Task", "Task",
                CallNotPermittedException.createCallNotPermittedException(breaker)).outcomeUnknown()).isFalse();
    }

    @Test
    void aCauseCycleEndsAsPermanent() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(CrmErrorClassifier.classify(a)).isEqualTo(CrmErrorKind.PERMANENT);
    }

    @Test
    void anOpenBreakerIsTransient() {
        var breaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("query:Account");
        breaker.transitionToOpenState();
        assertThat(CrmErrorClassifier.classify(CallNotPermittedException.createCallNotPermittedException(breaker)))
                .isEqualTo(CrmErrorKind.TRANSIENT);
    }

    private static ApiFault fault(ExceptionCode code) {
        UnexpectedErrorFault fault = new UnexpectedErrorFault();
        fault.setExceptionCode(code);
        fault.setExceptionMessage(code + " from the table");
        return fault;
    }

    private static SoapFaultException untyped(String code) {
        return new SoapFaultException(new QName("urn:fault.partner.soap.sforce.com", code), code + ": untyped");
    }
}
