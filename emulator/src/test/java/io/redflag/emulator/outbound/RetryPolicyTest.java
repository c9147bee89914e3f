package io.redflag.emulator.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.SALESFORCE;

    @Test
    void intervalsGrowExponentiallyUpToTwoHours() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(1));
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt < 60; attempt++) {
            Duration d = policy.delayAfter(attempt);
            assertThat(d).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofHours(2));
            previous = d;
        }
        assertThat(policy.delayAfter(60)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void messagesExpireWhenTwentyFourHoursOld() {
        Instant queued = Instant.parse("2026-06-30T12:00:00Z");
        assertThat(policy.expired(queued, queued.plus(Duration.ofHours(24)).minusMillis(1))).isFalse();
        assertThat(policy.expired(queued, queued.plus(Duration.ofHours(24)))).isTrue();
    }
}
