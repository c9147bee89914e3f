package io.redflag.service.crm;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.redflag.connector.resilience.CrmErrorClassifier;
import io.redflag.connector.resilience.CrmErrorKind;
import io.redflag.service.startup.StartupProblems;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM calls start-up cannot do without (the org's id, the describe of the mapped objects). A transient
 * failure (the org unreachable, a 5xx, a maintenance page, a limit) is tried again with exponential backoff,
 * each wait logged on one line; refused credentials or a bad request stop start-up at once. Either way the
 * failure ends as {@link StartupProblems}, naming the login URL and what to check.
 */
public final class StartupContact {
    private static final Logger log = LoggerFactory.getLogger(StartupContact.class);

    private final String loginUrl;
    private final RetryConfig config;
    private final int attempts;

    /**
     * @param attempts how many times a transient failure is tried in all
     * @param firstWait the wait after the first failure; it doubles up to 30 s
     */
    public StartupContact(String loginUrl, int attempts, Duration firstWait) {
        this.loginUrl = loginUrl;
        this.attempts = attempts;
        this.config = RetryConfig.custom().maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(firstWait, 2.0, Duration.ofSeconds(30)))
                .retryOnException(StartupContact::isTransient).failAfterMaxAttempts(true).build();
    }

    /** Runs {@code call}, named {@code what} in the log and the failure ("reading the org's id" …). */
    public <T> T call(String what, Supplier<T> call) {
        Retry retry = Retry.of(what, config);
        retry.getEventPublisher().onRetry(e -> log.warn("Start-up: {} failed ({}); trying again in {} ms (attempt {}"
                + " of {})", what, summary(e.getLastThrowable()), e.getWaitInterval().toMillis(),
                e.getNumberOfRetryAttempts() + 1, attempts));
        try {
            return Retry.decorateSupplier(retry, call).get();
        } catch (RuntimeException e) {
            boolean gaveUp = isTransient(e);
            throw new StartupProblems("the connection to the CRM at " + loginUrl,
                    List.of(what + (gaveUp ? " failed " + attempts + " times, the last time: " : " failed: ")
                            + summary(e)),
                    gaveUp ? "Check that SALESFORCE_LOGIN_URL is reachable from here (network, proxy, the org's"
                            + " status page); the connect timeout is redflag.salesforce.connect-timeout."
                            : "Check the connected app's settings: SALESFORCE_CLIENT_ID, the secret or JWT key, the"
                                    + " integration user's permissions.", e);
        }
    }

    static boolean isTransient(Throwable e) {
        return CrmErrorClassifier.classify(e) == CrmErrorKind.TRANSIENT;
    }

    /** The failure's message on one line (the connector's messages name the URL and the cause). */
    private static String summary(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ");
    }
}
