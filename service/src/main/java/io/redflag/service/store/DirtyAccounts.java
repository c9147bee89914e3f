package io.redflag.service.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The durable queue of accounts waiting to be scored again. The sync adds to it in the same transaction as
 * the records that changed an account; scoring takes from it and removes an entry only once it has scored
 * the account, and only if no newer change arrived meanwhile. A crash anywhere loses no change.
 */
public class DirtyAccounts {
    /** An account waiting since its first unscored change, and how many changes it has seen since. */
    public record Entry(String accountId, Instant changedAt, long changes) {
    }

    /** Queued by the daily run instead of account ids: rescore them all. */
    public static final String EVERY_ACCOUNT = "*";

    /**
     * Queued by a full read of an entity instead of account ids, since it may have touched any account: rescore
     * them all. One per entity, so that pages of objects read at once never wait for each other on one row.
     */
    public static String everyAccount(String entity) {
        return EVERY_ACCOUNT + entity;
    }

    /** Whether a queued id asks for every account (the daily run's marker or a full read's). */
    public static boolean isEveryAccount(String id) {
        return id.startsWith(EVERY_ACCOUNT);
    }

    private final JdbcTemplate jdbc;

    public DirtyAccounts(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Asks for every account to be scored again (the daily run), durably. */
    public void queueEveryAccount() {
        queue(List.of(EVERY_ACCOUNT), java.time.Instant.now());
    }

    /**
     * Queues accounts (in the caller's transaction, when there is one); an account already queued keeps its
     * first change time and counts one more change, so scoring it does not lose the newer one.
     */
    public void queue(Collection<String> accounts, java.time.Instant changedAt) {
        if (accounts.isEmpty()) {
            return;
        }
        Object at = RecordWriter.jdbcValue(changedAt);
        // In id order: two transactions queueing the same accounts then lock them in the same order (no deadlock).
        List<Object[]> args = accounts.stream().sorted().map(id -> new Object[] {id, at}).toList();
        jdbc.batchUpdate("MERGE INTO dirty_account AS t USING (VALUES (CAST(? AS VARCHAR(80)),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (account_id, changed_at) ON t.account_id = s.account_id"
                + " WHEN MATCHED THEN UPDATE SET change_count = t.change_count + 1"
                + " WHEN NOT MATCHED THEN INSERT (account_id, changed_at) VALUES (s.account_id, s.changed_at)", args);
    }

    /** The longest-waiting accounts first. */
    public List<Entry> oldest(int limit) {
        return jdbc.query("SELECT account_id, changed_at, change_count FROM dirty_account ORDER BY changed_at, account_id"
                + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                (rs, i) -> new Entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getLong(3)));
    }

    public int size() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM dirty_account", Integer.class);
        return n == null ? 0 : n;
    }

    /** Removes the entries scored, unless a change arrived after they were read. */
    public void done(List<Entry> scored) {
        jdbc.batchUpdate("DELETE FROM dirty_account WHERE account_id = ? AND change_count = ?", scored.stream()
                .map(e -> new Object[] {e.accountId(), e.changes()}).toList());
    }
}
