package io.redflag.service.sync;

import io.redflag.connector.intake.SyncState;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether an operator paused the sync, kept in the store (table {@code sync_control}) so that a pause asked of
 * any replica stops the one that leads, and outlives a restart. Read again at most every {@link #RECHECK}: the
 * leader asks between pages, every replica at each tick. What was read is mirrored into the {@link SyncState},
 * which health, metrics and the endpoint show.
 */
final class SharedPause {
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SyncState state;
    private volatile Instant readAt = Instant.MIN;

    SharedPause(DataSource dataSource, Clock clock, SyncState state) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.state = state;
    }

    /** The pause as the store held it at most {@link #RECHECK} ago. */
    boolean paused() {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(RECHECK)) || now.isBefore(readAt)) {
            Boolean stored = jdbc.query("SELECT paused FROM sync_control", rs -> rs.next() ? rs.getBoolean(1) : null);
            state.paused(Boolean.TRUE.equals(stored));
            readAt = now;
        }
        return state.paused();
    }

    /** Pauses or resumes the sync on every replica; {@code by} says who, for whoever looks at the table. */
    void set(boolean paused, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE sync_control SET paused = ?, changed_at = ?, changed_by = ?", paused, now, by) == 0) {
            // Two replicas setting the first pause at once: the loser's insert fails on the key; then it updates.
            try {
                jdbc.update("INSERT INTO sync_control (singleton, paused, changed_at, changed_by) VALUES (1, ?, ?, ?)",
                        paused, now, by);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                jdbc.update("UPDATE sync_control SET paused = ?, changed_at = ?, changed_by = ?", paused, now, by);
            }
        }
        state.paused(paused);
        readAt = clock.instant();
    }
}
