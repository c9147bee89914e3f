package io.redflag.connector.resilience;

import java.time.Duration;

/**
 * How CRM calls are retried and when a circuit breaker opens. Immutable; every value is checked here so a
 * bad setting stops start-up with a message naming the setting, the bad value and what would be valid.
 *
 * @param maxAttempts          attempts per call, the first included (1 = no retry)
 * @param initialInterval      the pause before the first retry
 * @param multiplier           how much each pause grows over the previous one
 * @param randomizationFactor  jitter: each pause is drawn from ±this share of its nominal value, so that many
 *                             clients failing together do not retry together
 * @param maxInterval          the longest pause between two attempts
 * @param failureRateThreshold percentage of transient failures in the window that opens the breaker
 * @param slidingWindowSize    how many recent calls the failure rate is computed over (also the minimum
 *                             number of calls before it is computed at all)
 * @param waitInOpenState      how long an open breaker fails calls fast before letting trial calls through
 */
public record ResilienceSettings(int maxAttempts, Duration initialInterval, double multiplier,
        double randomizationFactor, Duration maxInterval, float failureRateThreshold, int slidingWindowSize,
        Duration waitInOpenState) {

    /**
     * Five attempts spaced 1 s, 2 s, 4 s, 8 s (±50 %, at most 30 s): about 15 s of patience, enough for a row
     * lock or a short outage without holding a sync for minutes. The breaker opens when half of the last 20
     * calls failed transiently and waits a minute before probing again.
     */
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(5, Duration.ofSeconds(1), 2.0, 0.5, Duration.ofSeconds(30), 50f, 20,
                Duration.ofSeconds(60));
    }

    public ResilienceSettings {
        if (maxAttempts < 1) {
            throw invalid("maxAttempts", maxAttempts, "at least 1 (1 means no retry)");
        }
        positive("initialInterval", initialInterval);
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw invalid("multiplier", multiplier, "a finite number of at least 1.0");
        }
        if (!(randomizationFactor >= 0.0 && randomizationFactor < 1.0)) {
            throw invalid("randomizationFactor", randomizationFactor, "at least 0.0 and below 1.0");
        }
        positive("maxInterval", maxInterval);
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw invalid("maxInterval", maxInterval, "at least initialInterval (" + initialInterval + ")");
        }
        if (!(failureRateThreshold > 0f && failureRateThreshold <= 100f)) {
            throw invalid("failureRateThreshold", failureRateThreshold, "a percentage above 0 and at most 100");
        }
        if (slidingWindowSize < 1) {
            throw invalid("slidingWindowSize", slidingWindowSize, "at least 1");
        }
        positive("waitInOpenState", waitInOpenState);
    }

    public ResilienceSettings withMaxAttempts(int v) {
        return new ResilienceSettings(v, initialInterval, multiplier, randomizationFactor, maxInterval,
                failureRateThreshold, slidingWindowSize, waitInOpenState);
    }

    public ResilienceSettings withBackoff(Duration initial, double factor, double randomization, Duration max) {
        return new ResilienceSettings(maxAttempts, initial, factor, randomization, max, failureRateThreshold,
                slidingWindowSize, waitInOpenState);
    }

    public ResilienceSettings withBreaker(float threshold, int windowSize, Duration waitOpen) {
        return new ResilienceSettings(maxAttempts, initialInterval, multiplier, randomizationFactor, maxInterval,
                threshold, windowSize, waitOpen);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw invalid(name, value, "a positive duration");
        }
    }

    private static IllegalArgumentException invalid(String name, Object value, String valid) {
        return new IllegalArgumentException("resilience setting " + name + " is " + value + "; it must be " + valid);
    }
}
