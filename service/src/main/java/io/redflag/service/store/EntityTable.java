package io.redflag.service.store;

import io.redflag.connector.mapping.MappingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table behind one entity of the model: its name, its columns (one per property, snake_case), the SQL
 * type each value is cast to, and the column that orders versions of a record (modified_at, or created_at
 * for the history entities, which never change).
 */
record EntityTable(String entity, String table, List<Column> columns, String stampColumn) {

    record Column(String property, String name, String sqlType) {
    }

    private static final Map<String, String> TABLES = Map.of("user", "crm_user", "accountHistory", "account_history",
            "contactRole", "contact_role", "opportunityHistory", "opportunity_history", "supportCase", "support_case");
    /** Property names that are reserved words in SQL. */
    private static final Map<String, String> RENAMED = Map.of("primary", "is_primary", "start", "start_at");

    static EntityTable of(String entity) {
        MappingModel.Entity model = MappingModel.entities().get(entity);
        if (model == null) {
            throw new IllegalArgumentException("no entity " + entity + " in the model");
        }
        List<Column> columns = new ArrayList<>();
        for (MappingModel.Property p : model.properties().values()) {
            columns.add(new Column(p.name(), RENAMED.getOrDefault(p.name(), snake(p.name())), sqlType(p.kind())));
        }
        String stamp = model.properties().containsKey("modifiedAt") ? "modified_at" : "created_at";
        return new EntityTable(entity, TABLES.getOrDefault(entity, snake(entity)), List.copyOf(columns), stamp);
    }

    private static String sqlType(MappingModel.Kind kind) {
        return switch (kind) {
            case ID -> "VARCHAR(18)";
            case TEXT, ANY -> "VARCHAR(4000)";
            case BOOLEAN -> "BOOLEAN";
            case NUMBER -> "NUMERIC(20, 2)";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
