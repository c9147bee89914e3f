package io.redflag.connector.resilience;

import com.sforce.ws.ConnectionException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.connector.session.SalesforceSession.CrmCall;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Runs named remote operations ({@code query:Account}, {@code update:Account} …) against the CRM with retry
 * and a circuit breaker per operation name. Only failures {@link CrmErrorClassifier} calls TRANSIENT are
 * retried (exponential backoff with jitter) and counted by the breaker: a bad query or a validation error
 * fails at once and never opens a breaker. Re-authentication happens below, in {@link SalesforceSession}.
 * Reads consult the {@link ApiBudget} first and fail fast while it keeps the rest for write-back. Creates are
 * the one kind of call a blind retry can double: {@link #create} sends one again only when the failure shows
 * the org did not apply it.
 */
public final class ResilientCrm {

    /** What runs one attempt; the session in production. */
    @FunctionalInterface
    interface Invoker {
        <T> T call(CrmCall<T> operation) throws ConnectionException;
    }

    private final Invoker invoker;
    private final ApiBudget budget;
    private final RetryRegistry retries;
    private final RetryRegistry createRetries;
    private final CircuitBreakerRegistry breakers;

    public ResilientCrm(SalesforceSession session, ResilienceSettings settings, ApiBudget budget) {
        this(session::call, settings, budget);
    }

    ResilientCrm(Invoker invoker, ResilienceSettings settings, ApiBudget budget) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.retries = RetryRegistry.of(retryConfig(settings, e -> true));
        // A create is sent again only when it provably did not apply: refused before sending, or a fault.
        this.createRetries = RetryRegistry.of(retryConfig(settings, e -> !CrmErrorClassifier.outcomeUnknown(e)));
        this.breakers = CircuitBreakerRegistry.of(breakerConfig(settings));
    }

    /** A read: refused with {@link ApiBudgetExhaustedException} while the budget pauses reads. */
    public <T> T read(String operation, String objectName, CrmCall<T> call) {
        budget.checkRead(operation);
        return call(operation, objectName, call);
    }

    /** A write: allowed until the daily limit itself is used up. */
    public <T> T write(String operation, String objectName, CrmCall<T> call) {
        budget.checkWrite(operation);
        return call(operation, objectName, call);
    }

    /**
     * A write the org must not apply twice (a create): allowed until the daily limit itself is used up, and
     * sent again only after a failure that shows the org did not apply it (refused before sending, or answered
     * with a fault). When it was sent and no answer came back (a timeout, a reset connection, a gateway's
     * error page), it is not sent again: the {@link CrmException} thrown says {@link CrmException#outcomeUnknown},
     * and the caller must look for what the call may have made before sending anything again.
     */
    public <T> T create(String operation, String objectName, CrmCall<T> call) {
        budget.checkWrite(operation);
        return call(operation, objectName, call, createRetries);
    }

    /**
     * Runs the call under the operation's retry and breaker.
     *
     * @throws CrmException naming the operation, the object and Salesforce's code, carrying the kind
     */
    public <T> T call(String operation, String objectName, CrmCall<T> call) {
        return call(operation, objectName, call, retries);
    }

    private <T> T call(String operation, String objectName, CrmCall<T> call, RetryRegistry registry) {
        Objects.requireNonNull(operation, "operation");
        Retry retry = registry.retry(operation);
        CircuitBreaker breaker = breakers.circuitBreaker(operation);
        // Retry outside the breaker: every attempt is one call the breaker sees, and an open breaker stops
        // the remaining attempts at once.
        var attempt = CircuitBreaker.decorateCheckedSupplier(breaker, () -> invoker.call(call));
        try {
            return Retry.decorateCheckedSupplier(retry, attempt).get();
        } catch (CallNotPermittedException open) {
            throw CrmException.breakerOpen(operation, objectName, open);
        } catch (CrmException | ApiBudgetExhaustedException e) {
            throw e;
        } catch (Error e) {
            throw e;
        } catch (Throwable failure) {
            throw CrmException.of(operation, objectName, failure);
        }
    }

    /** The breaker state of an operation, for health and metrics. */
    public CircuitBreaker.State breakerState(String operation) {
        return breakers.circuitBreaker(operation).getState();
    }

    public ApiBudget budget() {
        return budget;
    }

    private static RetryConfig retryConfig(ResilienceSettings s, Predicate<Throwable> sendAgain) {
        return RetryConfig.custom()
                .maxAttempts(s.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(s.initialInterval(), s.multiplier(),
                        s.randomizationFactor(), s.maxInterval()))
                // An open breaker is transient too, but retrying it only burns the attempts: stop at once.
                .retryOnException(e -> !(e instanceof CallNotPermittedException)
                        && CrmErrorClassifier.classify(e) == CrmErrorKind.TRANSIENT && sendAgain.test(e))
                .failAfterMaxAttempts(false)
                .build();
    }

    private static CircuitBreakerConfig breakerConfig(ResilienceSettings s) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(s.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.slidingWindowSize())
                .minimumNumberOfCalls(s.slidingWindowSize())
                .waitDurationInOpenState(s.waitInOpenState())
                // A permanent error is an answer from a healthy server: it counts as a success, not a failure.
                .recordException(e -> CrmErrorClassifier.classify(e) == CrmErrorKind.TRANSIENT)
                .build();
    }
}
