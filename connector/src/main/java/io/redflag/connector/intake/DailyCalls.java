package io.redflag.connector.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** The calls made in the last 24 hours, as a rolling count. Not thread-safe: its owner synchronizes. */
final class DailyCalls {
    private static final Duration DAY = Duration.ofDays(1);

    private record Calls(Instant at, int calls) {
    }

    private final Deque<Calls> recent = new ArrayDeque<>();
    private long inWindow;

    void add(Instant at, int calls) {
        if (calls > 0) {
            recent.addLast(new Calls(at, calls));
            inWindow += calls;
        }
    }

    /** The calls added within the 24 hours before {@code now}. */
    long lastDay(Instant now) {
        Instant from = now.minus(DAY);
        while (!recent.isEmpty() && !recent.peekFirst().at().isAfter(from)) {
            inWindow -= recent.pollFirst().calls();
        }
        return inWindow;
    }
}
