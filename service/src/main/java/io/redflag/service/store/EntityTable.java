package io.redflag.service.store;

import io.redflag.connector.mapping.MappingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table behind one entity of the model: its name, its columns (one per property, snake_case), the SQL
 * type each value is cast to, the column that orders versions of a record (modified_at, or created_at for
 * the history entities, which never change), and how a row leads to the account it tells about.
 */
record EntityTable(String entity, String table, List<Column> columns, String stampColumn, AccountLink link) {

    /** @param written Redflag writes this field itself: left out of the content hash (echo suppression) */
    record Column(String property, String name, String sqlType, boolean written) {
    }

    /** Which column of a row names its account, directly or through another table. */
    enum AccountLink {
        /** the row is the account */
        SELF("id"),
        /** the row has an account column */
        ACCOUNT("account"),
        /** the row belongs to an opportunity, which names the account */
        OPPORTUNITY("opportunity"),
        /** the row is a user: every account they own */
        OWNER("id");

        final String column;

        AccountLink(String column) {
            this.column = column;
        }
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
            columns.add(new Column(p.name(), RENAMED.getOrDefault(p.name(), snake(p.name())), sqlType(p.kind()),
                    p.written()));
        }
        String stamp = model.properties().containsKey("modifiedAt") ? "modified_at" : "created_at";
        AccountLink link = switch (entity) {
            case "account" -> AccountLink.SELF;
            case "user" -> AccountLink.OWNER;
            case "contactRole", "opportunityHistory" -> AccountLink.OPPORTUNITY;
            default -> AccountLink.ACCOUNT;
        };
        return new EntityTable(entity, TABLES.getOrDefault(entity, snake(entity)), List.copyOf(columns), stamp, link);
    }

    int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name + " in " + table);
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
