package io.redflag.service.store;

import io.redflag.connector.mapping.MappedRecord;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stored rows read back as the records they were written from (the values as mapped: Instant, LocalDate,
 * BigDecimal, String, Boolean), so that a change event naming a few changed fields can be applied to the rest
 * and hashes alike to a full read of the same record.
 */
final class StoredRecords {
    private static final int IN_CHUNK = 1000;
    private final JdbcTemplate jdbc;

    StoredRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The live rows among these ids, by id. */
    Map<String, MappedRecord> live(EntityTable table, Collection<String> ids) {
        Map<String, MappedRecord> out = new HashMap<>();
        List<String> all = List.copyOf(ids);
        String columns = String.join(", ", table.columns().stream().map(EntityTable.Column::name).toList());
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            jdbc.query("SELECT " + columns + " FROM " + table.table() + " WHERE deleted = FALSE AND id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        MappedRecord r = record(table, rs);
                        out.put(r.id(), r);
                    }, chunk.toArray());
        }
        return out;
    }

    private static MappedRecord record(EntityTable table, ResultSet rs) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        int i = 1;
        for (EntityTable.Column c : table.columns()) {
            Object v = value(c, rs, i++);
            if (v != null) {
                values.put(c.property(), v);
            }
        }
        Object stamp = values.get(table.stampColumn().equals("modified_at") ? "modifiedAt" : "createdAt");
        return new MappedRecord(table.entity(), (String) values.get("id"), (Instant) stamp, values);
    }

    private static Object value(EntityTable.Column c, ResultSet rs, int i) throws SQLException {
        return switch (c.sqlType()) {
            case "TIMESTAMP WITH TIME ZONE" -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
            case "DATE" -> {
                Date d = rs.getDate(i);
                yield d == null ? null : LocalDate.parse(d.toString());
            }
            case "BOOLEAN" -> {
                boolean b = rs.getBoolean(i);
                yield rs.wasNull() ? null : b;
            }
            case "NUMERIC(20, 2)" -> {
                BigDecimal d = rs.getBigDecimal(i);
                yield d == null ? null : d.stripTrailingZeros();
            }
            default -> rs.getString(i);
        };
    }
}
