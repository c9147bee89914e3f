package io.redflag.service.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncPropertiesTest {
    private static SyncProperties lanes(int lanes) {
        return new SyncProperties(Duration.ofSeconds(60), Duration.ofMinutes(5), 2000, Duration.ofHours(1), 0.8, true,
                lanes);
    }

    @Test
    void theSettingsCarryTheLanes() {
        assertThat(lanes(3).settings().lanes()).isEqualTo(3);
        assertThat(SyncSettings.DEFAULTS.lanes()).isEqualTo(SyncSettings.DEFAULT_LANES);
    }

    @Test
    void aBadValueIsNamedWithItsPropertyWhileBinding() {
        assertThatThrownBy(() -> lanes(0)).hasMessageContaining("redflag.sync.lanes = 0 must be 1 to 8");
        assertThatThrownBy(() -> lanes(9)).hasMessageContaining("redflag.sync.lanes = 9");
        assertThatThrownBy(() -> new SyncProperties(Duration.ofSeconds(60), Duration.ofMinutes(5), 5000,
                Duration.ofHours(1), 0.8, true, 2)).hasMessageContaining("redflag.sync.batch-size = 5000");
    }
}
