package io.redflag.emulator.store;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.schema.SObjectDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Field history as the platform writes it: an AccountHistory row per tracked field change (plus "created"),
 * and an OpportunityHistory row holding the new stage, amount, close date and probability whenever one of
 * them changes (and at creation).
 */
final class History {
    private static final String[] OPPORTUNITY_TRACKED = {"StageName", "Amount", "CloseDate", "Probability",
        "ForecastCategoryName"};

    private History() {
    }

    static void created(OrgStore store, SRecord record, WriteContext ctx) {
        switch (record.type().name()) {
            case "Account" -> accountRow(store, record, "created", null, null, "Text", ctx);
            case "Opportunity" -> opportunityRow(store, null, record, ctx);
            default -> {
            }
        }
    }

    static void changed(OrgStore store, SRecord before, SRecord after, WriteContext ctx) {
        SObjectDef type = after.type();
        if (type.name().equals("Account")) {
            for (FieldDef field : type.fields()) {
                Object old = before.get(field);
                Object now = after.get(field);
                if (field.trackHistory() && !Objects.equals(old, now)) {
                    accountRow(store, after, historyName(field), old, now, dataType(field), ctx);
                }
            }
        } else if (type.name().equals("Opportunity")) {
            for (String name : OPPORTUNITY_TRACKED) {
                if (!Objects.equals(before.get(name), after.get(name))) {
                    opportunityRow(store, before, after, ctx);
                    return;
                }
            }
        }
    }

    /** History names lookups by their relationship (OwnerId is "Owner"); other fields by their API name. */
    private static String historyName(FieldDef field) {
        return field.relationshipName() != null ? field.relationshipName() : field.name();
    }

    private static String dataType(FieldDef field) {
        return field.type() == FieldType.REFERENCE ? "EntityId" : switch (field.type()) {
            case BOOLEAN -> "Boolean";
            case DATE -> "Date";
            case DATETIME -> "DateTime";
            case CURRENCY -> "Currency";
            case DOUBLE, INT, PERCENT -> "Double";
            case PICKLIST -> "Picklist";
            default -> "Text";
        };
    }

    private static void accountRow(OrgStore store, SRecord account, String field, Object old, Object now,
            String dataType, WriteContext ctx) {
        SObjectDef history = store.schema().find("AccountHistory");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("AccountId", account.id());
        row.put("Field", field);
        row.put("DataType", dataType);
        row.put("OldValue", old);
        row.put("NewValue", now);
        row.put("CreatedDate", account.get("LastModifiedDate"));
        row.put("CreatedById", ctx.userId());
        store.create(history, row, WriteContext.loader(ctx.userId(), false));
    }

    private static void opportunityRow(OrgStore store, SRecord before, SRecord opp, WriteContext ctx) {
        SObjectDef history = store.schema().find("OpportunityHistory");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("OpportunityId", opp.id());
        row.put("StageName", opp.get("StageName"));
        row.put("Amount", opp.get("Amount"));
        row.put("ExpectedRevenue", opp.get("ExpectedRevenue"));
        row.put("CloseDate", opp.get("CloseDate"));
        row.put("Probability", opp.get("Probability"));
        row.put("ForecastCategory", opp.get("ForecastCategoryName"));
        if (before != null) {
            row.put("PrevAmount", before.get("Amount"));
            row.put("PrevCloseDate", before.get("CloseDate"));
        }
        row.put("CreatedDate", opp.get("LastModifiedDate"));
        row.put("CreatedById", ctx.userId());
        store.create(history, row, WriteContext.loader(ctx.userId(), false));
    }
}
