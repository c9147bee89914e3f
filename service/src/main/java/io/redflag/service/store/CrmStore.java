package io.redflag.service.store;

import io.redflag.connector.mapping.MappedRecord;
import io.redflag.connector.mapping.MappingModel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes mapped CRM records and sync watermarks. Upserts are idempotent and ordered: a record is written
 * only when it is new or its stamp is not older than the stored one, so a late or repeated batch never
 * undoes a newer change. An equal stamp is written again on purpose: SystemModstamp has second precision,
 * so two changes within one second carry the same stamp and the later read must win.
 */
public class CrmStore {
    /**
     * Where an object's sync stands: the last stored (SystemModstamp, Id), and how far getDeleted has been
     * read (its latestDateCovered; null before the first check).
     */
    public record Watermark(String object, Instant watermark, String lastId, Instant deletionsCovered) {

        public Watermark(String object, Instant watermark, String lastId) {
            this(object, watermark, lastId, null);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Map<String, EntityTable> tables = new LinkedHashMap<>();
    private final Map<String, String> insertSql = new LinkedHashMap<>();
    private final Map<String, String> updateSql = new LinkedHashMap<>();

    public CrmStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (String entity : MappingModel.entities().keySet()) {
            EntityTable table = EntityTable.of(entity);
            tables.put(entity, table);
            insertSql.put(entity, insert(table));
            updateSql.put(entity, update(table));
        }
    }

    /**
     * Stores a batch of one entity's records and, in the same transaction, moves the object's watermark;
     * returns how many rows were written (records older than the stored version are skipped).
     */
    public int storeBatch(String entity, List<MappedRecord> records, Watermark watermark) {
        return storeBatch(entity, records, List.of(), watermark);
    }

    /** As above, also marking records the same read found deleted (queryAll shows the recycle bin). */
    public int storeBatch(String entity, List<MappedRecord> records, Collection<String> deletedIds,
            Watermark watermark) {
        Integer changed = tx.execute(status -> {
            int n = upsert(entity, records);
            if (!deletedIds.isEmpty()) {
                markDeleted(entity, deletedIds);
            }
            if (watermark != null) {
                saveWatermark(watermark);
            }
            return n;
        });
        return changed == null ? 0 : changed;
    }

    /** Marks records deleted in the CRM; returns how many were found. */
    public int markDeleted(String entity, Collection<String> ids) {
        EntityTable table = table(entity);
        List<Object[]> args = ids.stream().map(id -> new Object[] {id}).toList();
        int[] counts = jdbc.batchUpdate("UPDATE " + table.table() + " SET deleted = TRUE WHERE id = ?", args);
        return sum(counts);
    }

    public Optional<Watermark> watermark(String object) {
        return jdbc.query("SELECT object_name, watermark, last_id, deletions_covered FROM sync_watermark"
                + " WHERE object_name = ?", (rs, i) -> {
                    OffsetDateTime covered = rs.getObject(4, OffsetDateTime.class);
                    return new Watermark(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), covered == null ? null : covered.toInstant());
                }, object).stream().findFirst();
    }

    /** Records deletions found by getDeleted and how far it has read, in one transaction. */
    public void storeDeletions(String entity, Collection<String> ids, String object, Instant covered) {
        tx.executeWithoutResult(status -> {
            markDeleted(entity, ids);
            jdbc.update("UPDATE sync_watermark SET deletions_covered = ? WHERE object_name = ?", jdbcValue(covered),
                    object);
        });
    }

    /** Forgets an object's watermark: its next sync reads everything again (a full resync). */
    public void forgetWatermark(String object) {
        jdbc.update("DELETE FROM sync_watermark WHERE object_name = ?", object);
    }

    public int count(String entity, boolean includeDeleted) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table(entity).table()
                + (includeDeleted ? "" : " WHERE deleted = FALSE"), Integer.class);
        return n == null ? 0 : n;
    }

    /** One stored row as property → value, for checks and tests; empty when absent. */
    public Map<String, Object> row(String entity, String id) {
        EntityTable table = table(entity);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table.table() + " WHERE id = ?", id);
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> byColumn = new LinkedHashMap<>();
        rows.get(0).forEach((k, v) -> byColumn.put(k.toLowerCase(), v));
        Map<String, Object> out = new LinkedHashMap<>();
        for (EntityTable.Column c : table.columns()) {
            out.put(c.property(), byColumn.get(c.name()));
        }
        out.put("deleted", byColumn.get("deleted"));
        return out;
    }

    /**
     * Inserts the records the table does not have and updates the others where the stored stamp is not
     * newer. Plain INSERT and UPDATE in batches: several times faster than MERGE on H2, and the stamp check
     * sits in the UPDATE's WHERE so an older version can never overwrite a newer one. One writer per entity
     * (the sync is sequential per object), so no other insert can slip in between the look-up and the insert.
     */
    private int upsert(String entity, List<MappedRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        EntityTable table = table(entity);
        java.util.Set<String> known = existingIds(table, records);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        int stampIndex = -1;
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(table.stampColumn())) {
                stampIndex = i;
            }
        }
        for (MappedRecord r : records) {
            Object[] row = new Object[table.columns().size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = jdbcValue(r.get(table.columns().get(i).property()));
            }
            if (known.add(r.id())) {
                inserts.add(row);
            } else {
                // SET every column but id, then WHERE id = ? AND stamp <= ?
                Object[] update = new Object[row.length + 1];
                System.arraycopy(row, 1, update, 0, row.length - 1);
                update[row.length - 1] = r.id();
                update[row.length] = row[stampIndex];
                updates.add(update);
            }
        }
        int n = 0;
        if (!inserts.isEmpty()) {
            n += sum(jdbc.batchUpdate(insertSql.get(entity), inserts));
        }
        if (!updates.isEmpty()) {
            n += sum(jdbc.batchUpdate(updateSql.get(entity), updates));
        }
        return n;
    }

    private java.util.Set<String> existingIds(EntityTable table, List<MappedRecord> records) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (int from = 0; from < records.size(); from += 1000) {
            List<MappedRecord> chunk = records.subList(from, Math.min(records.size(), from + 1000));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            known.addAll(jdbc.queryForList("SELECT id FROM " + table.table() + " WHERE id IN (" + marks + ")",
                    String.class, chunk.stream().map(MappedRecord::id).toArray()));
        }
        return known;
    }

    /** Saves a watermark; it never moves back (an overlap re-read ends before the stored position). */
    private void saveWatermark(Watermark w) {
        jdbc.update("MERGE INTO sync_watermark AS t USING (VALUES (CAST(? AS VARCHAR(80)),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(18)), CAST(? AS TIMESTAMP WITH TIME ZONE)))"
                + " AS s (object_name, watermark, last_id, updated_at) ON t.object_name = s.object_name"
                + " WHEN MATCHED AND (t.watermark < s.watermark OR (t.watermark = s.watermark AND t.last_id <= s.last_id))"
                + " THEN UPDATE SET watermark = s.watermark, last_id = s.last_id, updated_at = s.updated_at"
                + " WHEN NOT MATCHED THEN INSERT (object_name, watermark, last_id, updated_at)"
                + " VALUES (s.object_name, s.watermark, s.last_id, s.updated_at)",
                w.object(), jdbcValue(w.watermark()), w.lastId(), jdbcValue(Instant.now()));
    }

    private static String insert(EntityTable t) {
        String names = t.columns().stream().map(EntityTable.Column::name).collect(Collectors.joining(", "));
        String marks = t.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + t.table() + " (" + names + ") VALUES (" + marks + ")";
    }

    /** Also revives a record that was deleted and then undeleted (its stamp moved on). */
    private static String update(EntityTable t) {
        String sets = t.columns().stream().filter(c -> !c.name().equals("id")).map(c -> c.name() + " = ?")
                .collect(Collectors.joining(", "));
        return "UPDATE " + t.table() + " SET " + sets + ", deleted = FALSE WHERE id = ? AND " + t.stampColumn()
                + " <= ?";
    }

    private static Object jdbcValue(Object v) {
        return v instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : v;
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += Math.max(c, 0);
        }
        return n;
    }

    private EntityTable table(String entity) {
        EntityTable t = tables.get(entity);
        if (t == null) {
            throw new IllegalArgumentException("no entity " + entity + " in the model");
        }
        return t;
    }
}
