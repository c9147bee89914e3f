package io.redflag.emulator.outbound;

import java.time.Duration;
import java.time.Instant;

/**
 * When Salesforce tries a message again: the interval grows exponentially from {@code first}, at most
 * {@code max} apart, and a message is dropped once it is {@code maxAge} old (Understanding Notifications:
 * "up to a maximum of two hours between retries", "After 24 hours, messages are dropped from the queue").
 * Salesforce does not document the first interval; 15 seconds is the emulator's choice.
 */
public record RetryPolicy(Duration first, Duration max, Duration maxAge) {

    public static final RetryPolicy SALESFORCE = new RetryPolicy(Duration.ofSeconds(15), Duration.ofHours(2),
            Duration.ofHours(24));

    /** The wait after the {@code failedAttempts}-th failed attempt (1 = after the first). */
    public Duration delayAfter(int failedAttempts) {
        long millis = first.toMillis();
        for (int i = 1; i < failedAttempts && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** Whether a message first queued at {@code queuedAt} is too old to be tried at {@code at}. */
    public boolean expired(Instant queuedAt, Instant at) {
        return !at.isBefore(queuedAt.plus(maxAge));
    }
}
