package io.redflag.service;

import static org.assertj.core.api.Assertions.fail;

import io.redflag.service.store.CrmStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole-state comparison of two stores: every CRM table and the sync positions, every column, row by row in
 * key order. A difference fails with the table, the first differing row of each side and the row counts, so
 * "nothing lost or doubled" is checked as that and not as equal counts.
 */
public final class StoreStates {
    /** Tables besides the CRM records that a sync writes, with their key and the columns that say when, not what. */
    private static final Map<String, String> POSITIONS = Map.of("sync_watermark", "object_name");
    private static final Set<String> WHEN_COLUMNS = Set.of("updated_at");

    private StoreStates() {
    }

    /** Asserts that both stores hold the same CRM records (deleted ones included) and the same positions. */
    public static void assertSameCrmState(DataSource expected, DataSource actual) {
        assertSame(expected, actual, true);
    }

    /**
     * Asserts that both stores hold the same CRM records, deleted ones included (positions may differ: two
     * syncs at different times reach the same records with different watermarks).
     */
    public static void assertSameCrmRecords(DataSource expected, DataSource actual) {
        assertSame(expected, actual, false);
    }

    private static void assertSame(DataSource expected, DataSource actual, boolean positions) {
        List<String> differences = new ArrayList<>();
        for (String table : CrmStore.tables()) {
            compare(table, "id", expected, actual, differences);
        }
        if (positions) {
            POSITIONS.forEach((table, key) -> compare(table, key, expected, actual, differences));
        }
        if (!differences.isEmpty()) {
            fail("the stores differ:\n" + String.join("\n", differences));
        }
    }

    private static void compare(String table, String key, DataSource expected, DataSource actual,
            List<String> differences) {
        List<Map<String, Object>> want = rows(expected, table, key);
        List<Map<String, Object>> got = rows(actual, table, key);
        if (want.isEmpty() && got.isEmpty()) {
            return;
        }
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            Map<String, Object> w = i < want.size() ? want.get(i) : null;
            Map<String, Object> g = i < got.size() ? got.get(i) : null;
            if (!Objects.equals(w, g)) {
                differences.add(table + " (" + want.size() + " rows expected, " + got.size() + " found): row " + (i + 1)
                        + " by " + key + "\n  expected " + w + "\n  found    " + g);
                return;
            }
        }
    }

    private static List<Map<String, Object>> rows(DataSource dataSource, String table, String key) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : new JdbcTemplate(dataSource).queryForList("SELECT * FROM " + table
                + " ORDER BY " + key)) {
            Map<String, Object> kept = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                if (!WHEN_COLUMNS.contains(column.toLowerCase())) {
                    kept.put(column.toLowerCase(), value);
                }
            });
            rows.add(kept);
        }
        return rows;
    }
}
