package io.redflag.connector.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.connector.session.SalesforceSession.ApiUsage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ApiBudgetTest {
    private final AtomicReference<ApiUsage> usage = new AtomicReference<>();
    private final ApiBudget budget = new ApiBudget(usage::get, ApiBudget.DEFAULT_READ_SHARE);

    @Test
    void beforeTheFirstAnswerEverythingIsAllowed() {
        assertThat(budget.readsAllowed()).isTrue();
        assertThat(budget.writesAllowed()).isTrue();
    }

    @Test
    void readsGoOnUpToTheThreshold() {
        usage.set(new ApiUsage(800, 1000));
        assertThat(budget.readsAllowed()).isTrue();
        assertThat(budget.state().shareUsed()).isEqualTo(0.8);
    }

    @Test
    void readsPauseAboveTheThresholdButWritesGoOnUntilTheLimit() {
        usage.set(new ApiUsage(801, 1000));
        assertThat(budget.readsAllowed()).isFalse();
        assertThat(budget.writesAllowed()).isTrue();
        assertThat(budget.state().readsPaused()).isTrue();

        usage.set(new ApiUsage(1000, 1000));
        assertThat(budget.writesAllowed()).isFalse();
        assertThatThrownBy(() -> budget.checkWrite("update:Account")).isInstanceOf(ApiBudgetExhaustedException.class)
                .hasMessageContaining("update:Account").hasMessageContaining("1000");
    }

    @Test
    void aPausedReadFailsFastNamingUsageAndThreshold() {
        usage.set(new ApiUsage(850, 1000));
        assertThatThrownBy(() -> budget.checkRead("query:Account"))
                .isInstanceOfSatisfying(ApiBudgetExhaustedException.class,
                        e -> assertThat(e.state().used()).isEqualTo(850))
                .hasMessage("CRM read query:Account refused: API usage 850 of 1000 (85.0 %) is above the read"
                        + " threshold of 80.0 %; the rest is kept for write-back");
    }

    @Test
    void whilePausedOneReadInEveryRecheckPeriodProbesWhetherTheDailyCountHasFallen() {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-06-30T12:00:00Z"));
        java.time.Clock fixed = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return clock.get();
            }
        };
        ApiBudget probing = new ApiBudget(usage::get, 0.8, fixed, java.time.Duration.ofMinutes(5));
        usage.set(new ApiUsage(900, 1000));
        assertThatThrownBy(() -> probing.checkRead("query:Task")).isInstanceOf(ApiBudgetExhaustedException.class);
        clock.set(clock.get().plusSeconds(299));
        assertThatThrownBy(() -> probing.checkRead("query:Task")).isInstanceOf(ApiBudgetExhaustedException.class);
        clock.set(clock.get().plusSeconds(1));
        probing.checkRead("query:Task"); // the probe
        assertThatThrownBy(() -> probing.checkRead("query:Task")).as("one probe, not a flood")
                .isInstanceOf(ApiBudgetExhaustedException.class);
        usage.set(new ApiUsage(100, 1000)); // the probe's answer: a new day
        probing.checkRead("query:Task");
    }

    @Test
    void aBadShareIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> new ApiBudget(usage::get, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readShare is 1.5");
    }
}
