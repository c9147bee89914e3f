package io.redflag.service.store;

import io.redflag.connector.mapping.MappedRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes one entity's rows and says which accounts they change. Inserts the records the table does not have
 * and updates the others where the stored stamp is not newer (plain batched INSERT and UPDATE: several times
 * faster than MERGE on H2; the stamp check sits in the UPDATE's WHERE so an older version never overwrites a
 * newer one). One writer per entity (the sync is sequential per object), so no other insert slips in between
 * the look-up and the insert. Runs inside the caller's transaction.
 *
 * <p>Echo suppression: each row keeps a hash of its scoring inputs (every property but the stamp and the
 * fields Redflag writes itself). A record whose hash is unchanged is not news, whoever touched it: Redflag's
 * own write-back comes back from the CRM as a change of exactly this kind.
 */
final class RecordWriter {
    /** What a write did: rows written, accounts whose inputs changed, rows that came back unchanged. */
    record Outcome(int written, Set<String> changedAccounts, int unchanged) {
    }

    /**
     * @param title   the stored title (contacts only: a new one is an observed change)
     * @param tracked the stored values of the {@link TrackedFields}, as text
     */
    private record Existing(Long hash, String link, boolean deleted, String title, String[] tracked) {
    }

    private static final int IN_CHUNK = 1000;
    /**
     * One COPY buffer per writer thread, kept from page to page: a new one per page (half a megabyte and more)
     * was a large object for the garbage collector each time.
     */
    private static final ThreadLocal<CopyText> COPY_TEXT = ThreadLocal.withInitial(() -> new CopyText(1 << 20));
    private final JdbcTemplate jdbc;
    private final EntityTable table;
    private final String insertSql;
    private final String copySql;
    /** Whether the store is PostgreSQL (found on first use): new rows then go in with COPY. */
    private Boolean postgres;
    private final String updateSql;
    private final int stampIndex;
    private final int linkIndex;
    /** Contacts only: moves and re-titles are kept in contact_change. */
    private final boolean tracksContactChanges;
    private final int titleIndex;
    /** The columns whose changes go to record_change (dated history). */
    private final TrackedFields tracked;
    /** Tasks only: Redflag's own follow-ups (they carry a signal key) are no news for scoring. */
    private final int signalKeyIndex;
    /** Per column, the position of its property among a record's values. */
    private final int[] propertyIndex;

    RecordWriter(JdbcTemplate jdbc, EntityTable table) {
        this.jdbc = jdbc;
        this.table = table;
        String names = table.columns().stream().map(EntityTable.Column::name).collect(Collectors.joining(", "));
        String marks = table.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        this.insertSql = "INSERT INTO " + table.table() + " (" + names + ", content_hash) VALUES (" + marks + ", ?)";
        this.copySql = "COPY " + table.table() + " (" + names + ", content_hash) FROM STDIN";
        String sets = table.columns().stream().filter(c -> !c.name().equals("id")).map(c -> c.name() + " = ?")
                .collect(Collectors.joining(", "));
        // Also revives a record that was deleted and then undeleted (its stamp moved on).
        this.updateSql = "UPDATE " + table.table() + " SET " + sets + ", content_hash = ?, deleted = FALSE"
                + " WHERE id = ? AND " + table.stampColumn() + " <= ?";
        this.stampIndex = table.columnIndex(table.stampColumn());
        this.linkIndex = table.columnIndex(table.link().column);
        this.tracksContactChanges = table.entity().equals("contact");
        this.titleIndex = tracksContactChanges ? table.columnIndex("title") : -1;
        this.tracked = TrackedFields.of(table);
        this.signalKeyIndex = table.entity().equals("task") ? table.columnIndex(OwnTasks.COLUMN) : -1;
        // Columns follow the model's properties (EntityTable.of); looked up here rather than assumed.
        this.propertyIndex = table.columns().stream()
                .mapToInt(c -> MappedRecord.index(table.entity(), c.property())).toArray();
    }

    Outcome write(List<MappedRecord> records, boolean trackAccounts) {
        return write(records, trackAccounts, false);
    }

    /**
     * @param trackAccounts false: skip finding the accounts the rows change (the caller queues every account)
     * @param assumeAbsent  true: the table holds none of these records (a first full read): insert them all
     *                      without looking; one that is there after all fails the write on its key
     */
    Outcome write(List<MappedRecord> records, boolean trackAccounts, boolean assumeAbsent) {
        if (records.isEmpty()) {
            return new Outcome(0, Set.of(), 0);
        }
        Map<String, Existing> known = assumeAbsent ? new HashMap<>(capacity(records.size()))
                : existing(records.stream().map(MappedRecord::id).toList(), false);
        ContentHash hasher = new ContentHash(table);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> updateLinks = new ArrayList<>(); // per update: {new link, old link, content changed}
        List<Object[]> contactChanges = new ArrayList<>(); // per update: its observed changes, or null
        List<List<Object[]>> fieldChanges = new ArrayList<>(); // per update: its record_change rows
        Set<String> links = new LinkedHashSet<>();
        int columns = table.columns().size();
        for (MappedRecord r : records) {
            if (!r.entity().equals(table.entity())) {
                throw new IllegalArgumentException("a " + r.entity() + " record among " + table.entity() + " records");
            }
            // The columns, then the hash (an insert's row as it is); as mapped, forJdbc converts for statements.
            Object[] row = new Object[columns + 1];
            for (int i = 0; i < columns; i++) {
                row[i] = r.value(propertyIndex[i]);
            }
            long hash = hasher.of(row);
            // The scorecard leaves Redflag's own follow-up tasks out, so creating or closing one changes no score.
            boolean own = signalKeyIndex >= 0 && OwnTasks.isOwn(row[signalKeyIndex]);
            String link = own ? null : (String) row[linkIndex];
            Existing before = known.get(r.id());
            if (before == null) {
                row[columns] = hash;
                inserts.add(row);
                known.put(r.id(), new Existing(hash, link, false, title(row), tracked.of(row)));
                addLink(links, link);
            } else {
                // SET every column but id, and the hash; then WHERE id = ? AND stamp <= ?
                Object[] update = new Object[columns + 2];
                System.arraycopy(row, 1, update, 0, columns - 1);
                update[columns - 1] = hash;
                update[columns] = r.id();
                update[columns + 1] = row[stampIndex];
                updates.add(update);
                // An undeleted record is news even with the same content.
                boolean changed = before.deleted() || before.hash() == null || before.hash() != hash;
                updateLinks.add(new Object[] {link, own ? null : before.link(), changed});
                contactChanges.add(tracksContactChanges ? observed(r.id(), before, link, title(row), row[stampIndex])
                        : null);
                String[] now = tracked.of(row);
                fieldChanges.add(tracked.changes(r.id(), before.tracked(), now, row[stampIndex]));
                known.put(r.id(), new Existing(hash, link, false, title(row), now));
            }
        }
        int written = 0;
        int unchanged = 0;
        if (!inserts.isEmpty()) {
            written += postgres() ? copy(inserts) : sum(jdbc.batchUpdate(insertSql, forJdbc(inserts)));
        }
        if (!updates.isEmpty()) {
            int[] counts = jdbc.batchUpdate(updateSql, forJdbc(updates));
            List<Object[]> changeRows = new ArrayList<>();
            List<Object[]> fieldRows = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    continue; // an older version: skipped
                }
                written++;
                fieldRows.addAll(fieldChanges.get(i));
                if (contactChanges.get(i) != null) {
                    for (Object change : contactChanges.get(i)) {
                        changeRows.add((Object[]) change);
                    }
                }
                Object[] l = updateLinks.get(i);
                if ((Boolean) l[2]) {
                    addLink(links, (String) l[0]);
                    addLink(links, (String) l[1]); // a contact that moved changes both accounts
                } else {
                    unchanged++;
                }
            }
            if (!changeRows.isEmpty()) {
            // Idempotent: a page read again (after a crash, or in the overlap) records each change once.
            jdbc.batchUpdate("MERGE INTO contact_change AS t USING (VALUES (CAST(? AS VARCHAR(18)),"
                    + " CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(4000)), CAST(? AS VARCHAR(4000)),"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (contact, field, old_value, new_value, changed_at)"
                    + " ON t.contact = s.contact AND t.field = s.field AND t.changed_at = s.changed_at"
                    + " WHEN MATCHED THEN UPDATE SET new_value = s.new_value"
                    + " WHEN NOT MATCHED THEN INSERT (contact, field, old_value, new_value, changed_at)"
                    + " VALUES (s.contact, s.field, s.old_value, s.new_value, s.changed_at)", forJdbc(changeRows));
            }
            if (!fieldRows.isEmpty()) {
                jdbc.batchUpdate(TrackedFields.MERGE, forJdbc(fieldRows)); // idempotent, as above
            }
        }
        return new Outcome(written, trackAccounts ? accountsOf(links) : Set.of(), unchanged);
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) c -> c.isWrapperFor(PGConnection.class));
        }
        return postgres;
    }

    /**
     * Inserts rows with PostgreSQL's COPY (text format) on the transaction's connection: several times less
     * work for the server than INSERT statements when an initial sync brings a million rows.
     */
    private int copy(List<Object[]> rows) {
        CopyText text = COPY_TEXT.get().clear();
        for (Object[] row : rows) {
            text.row(row);
        }
        Long n = jdbc.execute((ConnectionCallback<Long>) c -> {
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            try {
                in.writeToCopy(text.array(), 0, text.size());
                return in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy(); // a failed write: leave the connection usable for the rollback
                }
            }
        });
        return n == null ? 0 : n.intValue();
    }

    private String title(Object[] row) {
        return titleIndex < 0 ? null : (String) row[titleIndex];
    }

    /** A contact's move to another account and its new title, as rows of contact_change (null: neither). */
    private static Object[] observed(String id, Existing before, String account, String title, Object at) {
        List<Object[]> out = new ArrayList<>(2);
        if (before.link() != null && account != null && !before.link().equals(account)) {
            out.add(new Object[] {id, "ACCOUNT", before.link(), account, at});
        }
        if (title != null && !title.isBlank() && !title.equals(before.title())) {
            out.add(new Object[] {id, "TITLE", before.title(), title, at});
        }
        return out.isEmpty() ? null : out.toArray();
    }

    /** Marks records deleted in the CRM; returns the accounts they belonged to. */
    Outcome markDeleted(Collection<String> ids) {
        if (ids.isEmpty()) {
            return new Outcome(0, Set.of(), 0);
        }
        Map<String, Existing> live = existing(List.copyOf(ids), true);
        List<Object[]> args = live.keySet().stream().map(id -> new Object[] {id}).toList();
        int n = sum(jdbc.batchUpdate("UPDATE " + table.table() + " SET deleted = TRUE WHERE id = ?", args));
        Set<String> links = new LinkedHashSet<>();
        live.values().forEach(e -> addLink(links, e.link()));
        return new Outcome(n, accountsOf(links), 0);
    }

    private Map<String, Existing> existing(List<String> ids, boolean liveOnly) {
        Map<String, Existing> known = new HashMap<>(capacity(ids.size()));
        String linkColumn = table.link().column;
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            int trackedFrom = tracksContactChanges ? 6 : 5;
            jdbc.query("SELECT id, content_hash, " + linkColumn + ", deleted" + (tracksContactChanges ? ", title" : "")
                    + tracked.selectList() + " FROM " + table.table() + " WHERE id IN (" + marks + ")"
                    + (liveOnly ? " AND deleted = FALSE" : ""),
                    rs -> {
                        long hash = rs.getLong(2);
                        Long stored = rs.wasNull() ? null : hash;
                        known.put(rs.getString(1), new Existing(stored, rs.getString(3), rs.getBoolean(4),
                                tracksContactChanges ? rs.getString(5) : null, tracked.read(rs, trackedFrom)));
                    }, chunk.toArray());
        }
        return known;
    }

    /** The accounts behind a set of link values (account ids, opportunity ids or owner ids). */
    private Set<String> accountsOf(Set<String> links) {
        if (links.isEmpty()) {
            return Set.of();
        }
        String sql = switch (table.link()) {
            case SELF, ACCOUNT -> null;
            case OPPORTUNITY -> "SELECT DISTINCT account FROM opportunity WHERE account IS NOT NULL AND id IN (";
            case OWNER -> "SELECT id FROM account WHERE deleted = FALSE AND owner IN (";
        };
        if (sql == null) {
            return links;
        }
        Set<String> accounts = new LinkedHashSet<>();
        List<String> all = List.copyOf(links);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            accounts.addAll(jdbc.queryForList(sql + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    String.class, chunk.toArray()));
        }
        return accounts;
    }

    private static void addLink(Set<String> links, String link) {
        if (link != null) {
            links.add(link);
        }
    }

    /** A HashMap size that holds n entries without growing. */
    private static int capacity(int n) {
        return (int) (n / 0.75f) + 1;
    }

    /** Converts the rows' values in place for JDBC (Instant is not a JDBC type; OffsetDateTime is). */
    private static List<Object[]> forJdbc(List<Object[]> rows) {
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = jdbcValue(row[i]);
            }
        }
        return rows;
    }

    static Object jdbcValue(Object v) {
        return v instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : v;
    }

    /**
     * Rows a batch wrote. A statement that succeeded without a count (PostgreSQL's driver with
     * reWriteBatchedInserts answers so for the inserts it folds into one) wrote its one row.
     */
    static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(c, 0);
        }
        return n;
    }
}
