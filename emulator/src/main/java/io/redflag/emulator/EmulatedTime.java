package io.redflag.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Emulated time for what the org does on its own schedule (the outbound queue's retries, the event bus's
 * retention): the org's clock, running {@code scale} times faster. With scale 3600 one real second is an
 * emulated hour, so a 24-hour retry schedule plays out in 24 seconds; with a clock a test moves by hand and
 * scale 1, time moves only when the test says so.
 */
public final class EmulatedTime {
    private final Clock clock;
    private double scale = 1;
    private long baseNanos = System.nanoTime();
    private long carriedNanos;

    public EmulatedTime(Clock clock, double scale) {
        this.clock = clock;
        scale(scale);
    }

    public synchronized Instant now() {
        return clock.instant().plusNanos(carriedNanos + extraNanos());
    }

    public synchronized double scale() {
        return scale;
    }

    /** Changes the speed from now on; time already gained stays. */
    public synchronized void scale(double newScale) {
        if (!(newScale >= 1 && newScale <= 1e9)) {
            throw new IllegalArgumentException("time scale " + newScale + " is out of range (1 to 1e9;"
                    + " 3600 = one emulated hour per real second)");
        }
        carriedNanos += extraNanos();
        baseNanos = System.nanoTime();
        scale = newScale;
    }

    /** Real nanoseconds until the emulated time {@code t} (0 when it has come). */
    public synchronized long realNanosUntil(Instant t) {
        Duration d = Duration.between(now(), t);
        if (d.isNegative() || d.isZero()) {
            return 0;
        }
        double nanos = d.toNanos() / scale;
        return nanos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) nanos;
    }

    private long extraNanos() {
        return (long) ((System.nanoTime() - baseNanos) * (scale - 1));
    }
}
