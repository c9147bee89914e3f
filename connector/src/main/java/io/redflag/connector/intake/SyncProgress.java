package io.redflag.connector.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Log lines for a long first read: done of total, and an estimate of the time left. */
final class SyncProgress {
    private static final Logger log = LoggerFactory.getLogger(PollingSource.class);

    private final String object;
    private final int total;
    private final Clock clock;
    private final SyncState state;
    private final Instant started;
    private Instant lastLog;

    SyncProgress(String object, int total, Clock clock, SyncState state) {
        this.object = object;
        this.total = total;
        this.clock = clock;
        this.state = state;
        state.progress(object, 0, total);
        this.started = clock.instant();
        this.lastLog = started;
        log.info("Initial sync of {}: {} records to read", object, total);
    }

    void report(int done) {
        state.progress(object, done, total);
        Instant now = clock.instant();
        boolean finished = done >= total;
        if (!finished && Duration.between(lastLog, now).getSeconds() < 5) {
            return;
        }
        lastLog = now;
        long elapsedMillis = Duration.between(started, now).toMillis();
        long leftMillis = done == 0 ? 0 : elapsedMillis * Math.max(0, total - done) / done;
        log.info("Initial sync of {}: {} / {} ({} %), about {} s left", object, done, total,
                total == 0 ? 100 : done * 100L / total, leftMillis / 1000);
    }
}

