package io.redflag.connector.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResilienceSettingsTest {
    private static final ResilienceSettings D = ResilienceSettings.defaults();

    @Test
    void defaultsAreValidAndModest() {
        assertThat(D.maxAttempts()).isEqualTo(5);
        assertThat(D.initialInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(D.maxInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(D.failureRateThreshold()).isEqualTo(50f);
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad(() -> D.withMaxAttempts(0), "maxAttempts is 0"),
                bad(() -> D.withBackoff(Duration.ZERO, 2, 0.5, Duration.ofSeconds(1)), "initialInterval is PT0S"),
                bad(() -> D.withBackoff(Duration.ofSeconds(1), 0.5, 0.5, Duration.ofSeconds(9)), "multiplier is 0.5"),
                bad(() -> D.withBackoff(Duration.ofSeconds(1), 2, 1.0, Duration.ofSeconds(9)),
                        "randomizationFactor is 1.0"),
                bad(() -> D.withBackoff(Duration.ofSeconds(2), 2, 0.5, Duration.ofSeconds(1)), "maxInterval is PT1S"),
                bad(() -> D.withBackoff(Duration.ofSeconds(1), 2, 0.5, null), "maxInterval is null"),
                bad(() -> D.withBreaker(0f, 10, Duration.ofSeconds(1)), "failureRateThreshold is 0.0"),
                bad(() -> D.withBreaker(150f, 10, Duration.ofSeconds(1)), "failureRateThreshold is 150.0"),
                bad(() -> D.withBreaker(50f, 0, Duration.ofSeconds(1)), "slidingWindowSize is 0"),
                bad(() -> D.withBreaker(50f, 10, Duration.ofSeconds(-1)), "waitInOpenState is PT-1S"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void aBadSettingIsRejectedNamingTheSettingAndTheValue(Supplier<ResilienceSettings> build, String named) {
        assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named).hasMessageContaining("it must be");
    }

    private static Arguments bad(Supplier<ResilienceSettings> build, String named) {
        return Arguments.of(build, named);
    }
}
