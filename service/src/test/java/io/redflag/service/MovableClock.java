package io.redflag.service;

import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock replaced by a {@link TestClock} the test moves by hand, starting at the instant of the
 * property {@value #START} (ISO-8601). Use with {@code @Import(MovableClock.class)}.
 */
@TestConfiguration
public class MovableClock {
    public static final String START = "redflag.test.clock-start";

    @Bean
    @Primary
    TestClock testClock(@Value("${" + START + "}") String start) {
        return new TestClock(Instant.parse(start));
    }
}
