package io.redflag.service.store;

import io.redflag.connector.intake.outbound.OutboundMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Outbound Message notifications a replica that does not lead has acknowledged, waiting for the leader (table
 * intake_notification_queue). A notification is durable once queued: the leader reads the named record again
 * (as for a message it takes in itself) and stores it with the notification's id, then removes it from here;
 * a crash between the two finds the id stored and only removes it.
 */
public final class NotificationQueue {
    private static final int IN_LIST = 500;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final NotificationLog log;
    private final Clock clock;

    public NotificationQueue(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.log = new NotificationLog(jdbc, clock);
        this.clock = clock;
    }

    /**
     * Queues the message's notifications that are neither stored nor queued yet (a redelivery may reach
     * another replica), in one transaction; returns how many were new.
     */
    public int enqueue(OutboundMessage message) {
        Set<String> unseen = log.unseen(message.notifications().stream().map(OutboundMessage.Notification::id)
                .collect(Collectors.toSet()));
        List<Object[]> rows = message.notifications().stream().filter(n -> unseen.contains(n.id()))
                .map(n -> new Object[] {n.id(), n.object(), n.recordId(), message.actionId(),
                        Timestamp.from(clock.instant())})
                .toList();
        int[][] counts = tx.execute(status -> jdbc.batchUpdate("MERGE INTO intake_notification_queue AS t"
                + " USING (VALUES (CAST(? AS VARCHAR(18)), CAST(? AS VARCHAR(80)), CAST(? AS VARCHAR(18)),"
                + " CAST(? AS VARCHAR(18)), CAST(? AS TIMESTAMP WITH TIME ZONE)))"
                + " AS s (notification_id, object_name, record_id, action_id, received_at)"
                + " ON t.notification_id = s.notification_id WHEN NOT MATCHED THEN INSERT"
                + " (notification_id, object_name, record_id, action_id, received_at)"
                + " VALUES (s.notification_id, s.object_name, s.record_id, s.action_id, s.received_at)", rows,
                rows.size(), (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                }));
        int queued = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                queued += Math.max(c, 0);
            }
        }
        return queued;
    }

    /** The oldest queued notifications, at most {@code limit}. */
    public List<OutboundMessage.Notification> oldest(int limit) {
        return jdbc.query("SELECT notification_id, object_name, record_id FROM intake_notification_queue"
                + " ORDER BY received_at, notification_id FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new OutboundMessage.Notification(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** Forgets notifications the leader has taken in (stored, found stored before, or ignored). */
    public void remove(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            jdbc.update("DELETE FROM intake_notification_queue WHERE notification_id IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")", part.toArray());
        }
    }

    public int size() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM intake_notification_queue", Integer.class);
        return n == null ? 0 : n;
    }
}
