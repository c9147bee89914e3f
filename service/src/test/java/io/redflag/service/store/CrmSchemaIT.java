package io.redflag.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.connector.mapping.MappingModel;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CRM tables are declared once, by the model (connector MappingModel, turned into tables by EntityTable);
 * the Flyway scripts must create exactly those tables and columns, with the types the store writes. A property
 * added to the model without a migration, or a migration that renames a column, fails here and names it.
 */
class CrmSchemaIT {
    /** Columns every CRM table has besides the model's: the deletion mark and the content hash. */
    private static final Map<String, String> BOOKKEEPING = Map.of("deleted", "BOOLEAN", "content_hash", "BIGINT");

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theMigratedTablesHaveExactlyTheModelsColumnsAndTypes(String db) {
        DataSource dataSource = Databases.fresh(db);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String entity : MappingModel.entities().keySet()) {
            EntityTable table = EntityTable.of(entity);
            Map<String, String> expected = new LinkedHashMap<>();
            table.columns().forEach(c -> expected.put(c.name(), family(c.sqlType())));
            expected.putAll(BOOKKEEPING);
            Map<String, String> actual = new LinkedHashMap<>();
            jdbc.query("SELECT column_name, data_type FROM information_schema.columns WHERE LOWER(table_name) = ?"
                    + " AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)", rs -> {
                        actual.put(rs.getString(1).toLowerCase(), family(rs.getString(2)));
                    }, table.table());
            assertThat(actual).as("table %s of entity %s", table.table(), entity)
                    .containsExactlyInAnyOrderEntriesOf(expected);
        }
    }

    /** The kind of a column type, as both databases name it. */
    private static String family(String type) {
        String t = type.toUpperCase();
        if (t.startsWith("VARCHAR") || t.startsWith("CHARACTER VARYING")) {
            return "VARCHAR";
        }
        if (t.startsWith("NUMERIC") || t.startsWith("DECIMAL")) {
            return "NUMERIC";
        }
        if (t.startsWith("TIMESTAMP")) {
            return t.contains("WITH TIME ZONE") ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
        }
        return t;
    }
}
