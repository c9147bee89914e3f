package io.redflag.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.redflag.service.startup.StartupProblems;
import io.redflag.service.store.StoreProperties.OnOrgChange;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store bound to one org, on H2 and PostgreSQL: bound at first contact, kept for the same org, refused for
 * another (naming both ids, touching nothing), or cleared for it on request. Every table of the schema is
 * filled with a row first, so a table added later that a reset forgets (or one it must keep) fails here.
 */
class OrgBindingIT {
    private static final String ORG_A = "00D8d0000000Rf1EAE";
    private static final String ORG_B = "00D5e0000009ZzzEAA";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anUnboundStoreIsBoundToTheFirstOrgAndKeptForIt(String db) {
        DataSource ds = Databases.fresh(db);
        OrgBinding binding = new OrgBinding(ds, CLOCK);
        assertThat(binding.boundOrg()).isNull();
        binding.bind(ORG_A, OnOrgChange.STOP);
        fillEveryTable(ds);
        Map<String, Integer> before = rowCounts(ds);

        binding.bind(ORG_A, OnOrgChange.STOP);

        assertThat(binding.boundOrg()).isEqualTo(ORG_A);
        assertThat(rowCounts(ds)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anotherOrgStopsStartUpNamingBothIdsAndTouchesNothing(String db) {
        DataSource ds = Databases.fresh(db);
        OrgBinding binding = new OrgBinding(ds, CLOCK);
        binding.bind(ORG_A, OnOrgChange.STOP);
        fillEveryTable(ds);
        Map<String, Integer> before = rowCounts(ds);

        StartupProblems refused = catchThrowableOfType(StartupProblems.class,
                () -> binding.bind(ORG_B, OnOrgChange.STOP));
        assertThat(refused).hasMessageContaining(ORG_A).hasMessageContaining(ORG_B);
        assertThat(refused.action()).contains("redflag.store.on-org-change=reset");

        assertThat(binding.boundOrg()).isEqualTo(ORG_A);
        assertThat(rowCounts(ds)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void resetClearsEveryTableOfTheOrgKeepsTheServicesOwnAndBindsTheNewOrg(String db) {
        DataSource ds = Databases.fresh(db);
        OrgBinding binding = new OrgBinding(ds, CLOCK);
        binding.bind(ORG_A, OnOrgChange.STOP);
        fillEveryTable(ds);
        Map<String, Integer> before = rowCounts(ds);

        binding.bind(ORG_B, OnOrgChange.RESET);

        Map<String, Integer> expected = new TreeMap<>();
        before.forEach((table, rows) -> expected.put(table, OrgBinding.KEPT.contains(table) ? rows : 0));
        assertThat(rowCounts(ds)).isEqualTo(expected);
        assertThat(binding.boundOrg()).isEqualTo(ORG_B);
        assertThat(new JdbcTemplate(ds).queryForObject("SELECT bound_at FROM store_org", Timestamp.class).toInstant())
                .isEqualTo(CLOCK.instant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyTableIsEitherClearedByAResetOrKeptOnPurpose(String db) {
        List<String> tables = new ArrayList<>(rowCounts(Databases.fresh(db)).keySet());
        List<String> classified = new ArrayList<>(OrgBinding.clearedTables());
        classified.addAll(OrgBinding.KEPT);
        assertThat(classified).containsAll(tables.stream().filter(t -> !t.equals("store_org")).toList());
        assertThat(tables).as("a cleared table that does not exist").containsAll(OrgBinding.clearedTables());
    }

    /** Row counts of every table of the schema but Flyway's, by lower-case name. */
    private static Map<String, Integer> rowCounts(DataSource ds) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Map<String, Integer> counts = new TreeMap<>();
        for (String table : tables(ds)) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
        }
        return counts;
    }

    private static List<String> tables(DataSource ds) {
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase();
                if (!table.equals("flyway_schema_history")) { // Flyway's own, never touched by the service
                    out.add(table);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row in every table that has none, every column given a value of its type. */
    private static void fillEveryTable(DataSource ds) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        for (String table : tables(ds)) {
            if (jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class) > 0) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            try (Connection c = ds.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
                try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), name, "%")) {
                    while (rs.next()) {
                        names.add(rs.getString("COLUMN_NAME"));
                        values.add(sample(rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE")));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            jdbc.update("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")", values.toArray());
        }
    }

    private static Object sample(int sqlType, int size) {
        return switch (sqlType) {
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> 1;
            case Types.BIGINT -> 1L;
            case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> BigDecimal.ONE;
            case Types.BOOLEAN, Types.BIT -> true;
            case Types.DATE -> java.sql.Date.valueOf("2026-01-01");
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Timestamp.from(CLOCK.instant());
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> new byte[] {1};
            default -> "1".repeat(Math.max(1, Math.min(size, 1)));
        };
    }
}
