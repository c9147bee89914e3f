package io.redflag.service.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Outbound Message notification ids already stored (table intake_notification). Ids are remembered in
 * the transaction that stores the records they named, so a redelivery after a lost acknowledgement finds
 * them. Salesforce redelivers for at most 24 hours; ids older than {@link #KEPT} are forgotten.
 */
final class NotificationLog {
    static final Duration KEPT = Duration.ofDays(2);
    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    NotificationLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Set<String> unseen(Collection<String> ids) {
        Set<String> unseen = new HashSet<>(ids);
        List<String> all = List.copyOf(unseen);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            unseen.removeAll(jdbc.queryForList("SELECT notification_id FROM intake_notification"
                    + " WHERE notification_id IN (" + marks + ")", String.class, part.toArray()));
        }
        return unseen;
    }

    /** Within the caller's transaction; an id already known stays as it is. */
    void remember(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Object now = RecordWriter.jdbcValue(clock.instant());
        List<Object[]> args = ids.stream().sorted().map(id -> new Object[] {id, now}).toList();
        jdbc.batchUpdate("MERGE INTO intake_notification AS t USING (VALUES (CAST(? AS VARCHAR(18)),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (notification_id, received_at)"
                + " ON t.notification_id = s.notification_id"
                + " WHEN NOT MATCHED THEN INSERT (notification_id, received_at) VALUES (s.notification_id, s.received_at)",
                args);
        jdbc.update("DELETE FROM intake_notification WHERE received_at < ?",
                RecordWriter.jdbcValue(clock.instant().minus(KEPT)));
    }
}
