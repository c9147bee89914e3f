package io.redflag.service.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.SyncSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncPropertiesTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static SyncProperties with(Duration min, Duration max, int batchSize, double ceilingShare,
            long ceiling, int lanes) {
        return new SyncProperties(min, max, Duration.ofHours(1), Duration.ofMinutes(5), batchSize, Duration.ofHours(6),
                0.8, ceilingShare, ceiling, true, lanes);
    }

    private static SyncProperties lanes(int lanes) {
        return with(MINUTE, Duration.ofMinutes(15), 2000, 0.02, 0, lanes);
    }

    @Test
    void theSettingsCarryTheLanesAndTheScheduleItsIntervalsAndCeiling() {
        assertThat(lanes(3).settings().lanes()).isEqualTo(3);
        assertThat(SyncSettings.DEFAULTS.lanes()).isEqualTo(SyncSettings.DEFAULT_LANES);
        assertThat(with(MINUTE, Duration.ofMinutes(20), 2000, 0.05, 700, 2).schedule()).isEqualTo(
                new PollSchedule.Settings(MINUTE, Duration.ofMinutes(20), Duration.ofHours(1), Duration.ofHours(6),
                        0.05, 700));
    }

    @Test
    void aBadValueIsNamedWithItsPropertyWhileBinding() {
        assertThatThrownBy(() -> lanes(0)).hasMessageContaining("redflag.sync.lanes = 0 must be 1 to 8");
        assertThatThrownBy(() -> lanes(9)).hasMessageContaining("redflag.sync.lanes = 9");
        assertThatThrownBy(() -> with(MINUTE, Duration.ofMinutes(15), 5000, 0.02, 0, 2))
                .hasMessageContaining("redflag.sync.batch-size = 5000");
        assertThatThrownBy(() -> with(Duration.ofMinutes(10), Duration.ofMinutes(5), 2000, 0.02, 0, 2))
                .hasMessageContaining("redflag.sync.max-poll-interval = PT5M must not be shorter than"
                        + " redflag.sync.poll-interval = PT10M");
        assertThatThrownBy(() -> with(MINUTE, Duration.ofMinutes(15), 2000, 0, 0, 2))
                .hasMessageContaining("redflag.sync.daily-ceiling-share = 0.0 must be above 0 and at most 1");
        assertThatThrownBy(() -> with(MINUTE, Duration.ofMinutes(15), 2000, 0.02, -1, 2))
                .hasMessageContaining("redflag.sync.daily-ceiling = -1");
        assertThatThrownBy(() -> with(Duration.ZERO, Duration.ofMinutes(15), 2000, 0.02, 0, 2))
                .hasMessageContaining("redflag.sync.poll-interval = PT0S must be a positive duration");
    }
}
