package io.redflag.service.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of one entity whose changes the sync keeps in {@code record_change}: what the scorecard reads and a
 * replay as of an earlier day must see as it was then (see V13). An update that changes one of them records the
 * old and the new value, dated by the record's change stamp. Values are kept as text: true/false, plain decimals,
 * ISO dates.
 */
final class TrackedFields {
    static final String MERGE = "MERGE INTO record_change AS t USING (VALUES (CAST(? AS VARCHAR(40)),"
            + " CAST(? AS VARCHAR(18)), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(4000)), CAST(? AS VARCHAR(4000)),"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (entity, record_id, field, old_value, new_value, changed_at)"
            + " ON t.entity = s.entity AND t.record_id = s.record_id AND t.field = s.field"
            + " AND t.changed_at = s.changed_at"
            + " WHEN MATCHED THEN UPDATE SET new_value = s.new_value"
            + " WHEN NOT MATCHED THEN INSERT (entity, record_id, field, old_value, new_value, changed_at)"
            + " VALUES (s.entity, s.record_id, s.field, s.old_value, s.new_value, s.changed_at)";

    private static final Map<String, List<String>> TRACKED = Map.of(
            "user", List.of("active", "manager"),
            "account", List.of("owner", "parent", "tier", "segment"),
            "opportunity", List.of("stage", "amount", "close_date", "probability"),
            "contact", List.of("left_company"));

    private final String entity;
    private final List<String> columns;
    /** Per tracked column, its position among the table's columns (a row's values). */
    private final int[] rowIndex;

    private TrackedFields(String entity, List<String> columns, int[] rowIndex) {
        this.entity = entity;
        this.columns = columns;
        this.rowIndex = rowIndex;
    }

    static TrackedFields of(EntityTable table) {
        List<String> wanted = TRACKED.getOrDefault(table.entity(), List.of());
        List<String> present = wanted.stream().filter(c -> table.columns().stream().anyMatch(col -> col.name()
                .equals(c))).toList();
        return new TrackedFields(table.entity(), present, present.stream().mapToInt(table::columnIndex).toArray());
    }

    boolean any() {
        return !columns.isEmpty();
    }

    /** The tracked columns for a SELECT list, each after a comma (empty when none is tracked). */
    String selectList() {
        StringBuilder out = new StringBuilder();
        columns.forEach(c -> out.append(", ").append(c));
        return out.toString();
    }

    /** The stored values of the tracked columns, as text, from the result set's columns from {@code first} on. */
    String[] read(ResultSet rs, int first) throws SQLException {
        String[] out = new String[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = text(rs.getObject(first + i));
        }
        return out;
    }

    /** The tracked values of a row about to be written, as text. */
    String[] of(Object[] row) {
        String[] out = new String[rowIndex.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = text(row[rowIndex[i]]);
        }
        return out;
    }

    /** Rows of record_change for what differs between the stored and the new values (none: an empty list). */
    List<Object[]> changes(String id, String[] before, String[] after, Object at) {
        if (before == null) {
            return List.of();
        }
        List<Object[]> out = new ArrayList<>(1);
        for (int i = 0; i < columns.size(); i++) {
            if (!Objects.equals(before[i], after[i])) {
                out.add(new Object[] {entity, id, columns.get(i), before[i], after[i], at});
            }
        }
        return out;
    }

    /** One text per value, whichever database or mapping gave it: true/false, a plain decimal, an ISO date. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number n) {
            return text(new BigDecimal(n.toString()));
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value.toString();
    }
}
