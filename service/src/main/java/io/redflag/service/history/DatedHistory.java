package io.redflag.service.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the dated history the store keeps beside the records (record_change, written by the sync; V13) for a
 * batch of accounts: what {@link AsOf} needs to see each record as it was on an earlier day. One query per kind
 * per batch.
 */
public final class DatedHistory {
    private static final int CHUNK = 500;
    private final JdbcTemplate jdbc;

    /** One observed change of a tracked field. */
    public record Change(String field, String oldValue, String newValue, Instant at) {
    }

    /**
     * The history of one batch of accounts.
     *
     * @param changes      per record id (account, opportunity, contact), its observed changes, oldest first
     * @param laterStamps  per task or event id dated after the first as-of day, when the store's row last changed
     */
    public record Batch(Map<String, List<Change>> changes, Map<String, Instant> laterStamps) {
        public List<Change> of(String id) {
            return changes.getOrDefault(id, List.of());
        }
    }

    public DatedHistory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Every user's observed changes (active, manager), per user id, oldest first: a few hundred users. */
    public Map<String, List<Change>> users() {
        Map<String, List<Change>> out = new HashMap<>();
        jdbc.query("SELECT record_id, field, old_value, new_value, changed_at FROM record_change WHERE entity = 'user'",
                rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(change(rs));
                });
        out.values().forEach(l -> l.sort(Comparator.comparing(Change::at)));
        return out;
    }

    /** When each user's row last changed: an inactive user whose row changed after a cut was active then. */
    public Map<String, Instant> userStamps() {
        Map<String, Instant> out = new HashMap<>();
        jdbc.query("SELECT id, modified_at FROM crm_user", rs -> {
            out.put(rs.getString(1), instant(rs, 2));
        });
        return out;
    }

    /** @param earliest the first as-of day of the replay: interactions dated after it may have to be left out */
    public Batch read(Collection<String> accountIds, Instant earliest) {
        Map<String, List<Change>> changes = new HashMap<>();
        Map<String, Instant> stamps = new HashMap<>();
        List<String> all = List.copyOf(accountIds);
        Object at = OffsetDateTime.ofInstant(earliest, ZoneOffset.UTC);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String in = " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            Object[] ids = chunk.toArray();
            String columns = "m.record_id, m.field, m.old_value, m.new_value, m.changed_at";
            for (String sql : List.of(
                    "SELECT " + columns + " FROM record_change m WHERE m.entity = 'account' AND m.record_id" + in,
                    "SELECT " + columns + " FROM record_change m JOIN opportunity o ON o.id = m.record_id"
                            + " WHERE m.entity = 'opportunity' AND o.account" + in,
                    "SELECT " + columns + " FROM record_change m JOIN contact c ON c.id = m.record_id"
                            + " WHERE m.entity = 'contact' AND c.account" + in)) {
                jdbc.query(sql, rs -> {
                    changes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(change(rs));
                }, ids);
            }
            Object[] withTime = new Object[ids.length + 1];
            System.arraycopy(ids, 0, withTime, 0, ids.length);
            withTime[ids.length] = at;
            jdbc.query("SELECT id, modified_at FROM task WHERE deleted = FALSE AND account" + in
                    + " AND (completed_at > ? OR (completed_at IS NULL AND due_date > ?))", rs -> {
                        stamps.put(rs.getString(1), instant(rs, 2));
                    }, concat(withTime, LocalDate.ofInstant(earliest, ZoneOffset.UTC)));
            jdbc.query("SELECT id, modified_at FROM event WHERE deleted = FALSE AND account" + in + " AND start_at > ?",
                    rs -> {
                        stamps.put(rs.getString(1), instant(rs, 2));
                    }, withTime);
        }
        changes.values().forEach(l -> l.sort(Comparator.comparing(Change::at)));
        return new Batch(changes, stamps);
    }

    private static Object[] concat(Object[] args, Object more) {
        Object[] out = new Object[args.length + 1];
        System.arraycopy(args, 0, out, 0, args.length);
        out[args.length] = more;
        return out;
    }

    private static Change change(ResultSet rs) throws SQLException {
        return new Change(rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
