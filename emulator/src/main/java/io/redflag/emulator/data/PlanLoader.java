package io.redflag.emulator.data;

import io.redflag.emulator.schema.ChildRelationship;
import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.schema.FieldValues;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.RecordError;
import io.redflag.emulator.store.SaveResult;
import io.redflag.emulator.store.WriteContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads Salesforce CLI data: a plan ({@code sf data tree import --plan data-plan.json}: a list of
 * {@code {sobject, saveRefs, resolveRefs, files}}) or a single tree file ({@code sf data tree import --files}:
 * {@code {"records": [{"attributes": {"type", "referenceId"}, field: value, …}]}}).
 *
 * <p>As the CLI does: {@code @ReferenceId} values become the id of the record saved under that reference;
 * a record may nest its children under a child relationship name ({@code "Contacts": {"records": […]}}),
 * whose lookup gets the parent's id; field names are case-insensitive; the first failing record stops the
 * load. Unlike a real org, a plan may carry an audit trail: system fields (Id, CreatedDate, CreatedById,
 * LastModifiedDate, SystemModstamp), Users, and AccountHistory/OpportunityHistory rows are accepted, and
 * records with {@code IsDeleted: true} end up in the recycle bin (they are deleted once everything is
 * created, so that their children can still be created under them).
 *
 * <p>Field history: when a load contains no rows of an object's history object (AccountHistory for Account,
 * OpportunityHistory for Opportunity), the platform writes its rows as it would on an insert. When it
 * contains any, the load is taken to carry that object's whole history and none is generated, so a
 * hand-written history is never doubled by generated rows.
 *
 * <p>A completed Task without a CompletedDateTime gets its LastModifiedDate (else CreatedDate), the time it
 * was last saved, rather than the load's wall-clock time, which would put two years of calls on one day.
 */
public final class PlanLoader {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final OrgStore store;
    private final Schema schema;
    private final String userId;
    private final DateRebase rebase;
    private final Map<String, String> refs = new LinkedHashMap<>();
    private final Set<String> typesGiven = new HashSet<>();
    private final List<String> toDelete = new ArrayList<>();

    private PlanLoader(OrgStore store, String userId, DateRebase rebase) {
        this.store = store;
        this.schema = store.schema();
        this.userId = userId;
        this.rebase = rebase;
    }

    /** One tree file and how its references are handled. */
    private record TreeFile(Path path, String sobject, boolean saveRefs, boolean resolveRefs, JsonNode records) {
    }

    /**
     * Loads a plan or a tree file into the store.
     *
     * @param loadingUserId an existing User: the default CreatedById, LastModifiedById and OwnerId
     * @param rebaseFrom the date the data was authored as of: every date moves by the days from it to the
     *                   store's today; null keeps dates as written
     * @throws PlanException naming the file, the record's referenceId and the Salesforce error
     */
    public static LoadReport load(Path planOrTreeFile, OrgStore store, String loadingUserId, LocalDate rebaseFrom) {
        var user = loadingUserId == null ? null : store.get(loadingUserId);
        if (user == null || !user.type().name().equals("User")) {
            // Audit fields and the platform's history rows point at this user: it must exist.
            throw new PlanException(planOrTreeFile + ": the loading user " + loadingUserId + " is not a User of the org");
        }
        PlanLoader loader = new PlanLoader(store, user.id(), DateRebase.between(rebaseFrom, store.now()));
        Map<String, Integer> before = countAll(store);
        List<TreeFile> files = loader.read(planOrTreeFile);
        for (TreeFile file : files) {
            loader.scanTypes(file.records());
        }
        for (TreeFile file : files) {
            for (JsonNode record : file.records()) {
                loader.loadRecord(file, record, null, null, null);
            }
        }
        for (String id : loader.toDelete) {
            SaveResult r = store.delete(id, WriteContext.loader(loadingUserId, false));
            if (!r.success() && !isAlreadyDeleted(r)) {
                throw new PlanException(planOrTreeFile + ": cannot delete " + id + ": " + describe(r.errors()));
            }
        }
        Map<String, Integer> after = countAll(store);
        Map<String, Integer> created = new LinkedHashMap<>();
        after.forEach((type, n) -> {
            int delta = n - before.getOrDefault(type, 0);
            if (delta > 0) {
                created.put(type, delta);
            }
        });
        return new LoadReport(planOrTreeFile, created, loader.toDelete.size(), loader.refs);
    }

    /** A record deleted together with an earlier-deleted parent is already in the recycle bin. */
    private static boolean isAlreadyDeleted(SaveResult r) {
        return r.errors().stream().anyMatch(e -> e.statusCode().equals("ENTITY_IS_DELETED"));
    }

    private static Map<String, Integer> countAll(OrgStore store) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (SObjectDef type : store.schema().all()) {
            out.put(type.name(), store.count(type, true));
        }
        return out;
    }

    // ---------------------------------------------------------------- reading

    private List<TreeFile> read(Path path) {
        JsonNode root = parse(path);
        List<TreeFile> files = new ArrayList<>();
        if (root.isObject() && root.get("records") != null) {
            // A tree file on its own: each record says its type; references are saved and resolved.
            files.add(new TreeFile(path, null, true, true, records(path, root)));
            return files;
        }
        if (!root.isArray()) {
            throw new PlanException(path + ": neither a data plan (a JSON array) nor a tree file (an object with"
                    + " \"records\")");
        }
        Path dir = path.toAbsolutePath().getParent();
        int index = 0;
        for (JsonNode entry : root) {
            index++;
            String where = path + ": plan entry " + index;
            JsonNode sobject = entry.get("sobject");
            if (sobject == null || !sobject.isString() || schema.find(sobject.stringValue()) == null) {
                throw new PlanException(where + ": \"sobject\" must name a known object, not " + sobject);
            }
            JsonNode list = entry.get("files");
            if (list == null || !list.isArray()) {
                throw new PlanException(where + ": \"files\" must be a list of file names");
            }
            boolean saveRefs = flag(entry, "saveRefs", true);
            boolean resolveRefs = flag(entry, "resolveRefs", true);
            for (JsonNode name : list) {
                Path file = dir.resolve(name.asString());
                files.add(new TreeFile(file, schema.find(sobject.stringValue()).name(), saveRefs, resolveRefs,
                        records(file, parse(file))));
            }
        }
        return files;
    }

    private static boolean flag(JsonNode entry, String name, boolean defaultValue) {
        JsonNode v = entry.get(name);
        return v == null || v.isNull() ? defaultValue : v.asBoolean();
    }

    private static JsonNode parse(Path path) {
        try {
            return JSON.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new PlanException(path + ": cannot read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new PlanException(path + ": malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() : ""), e);
        }
    }

    private static JsonNode records(Path path, JsonNode root) {
        JsonNode records = root.isObject() ? root.get("records") : null;
        if (records == null || !records.isArray()) {
            throw new PlanException(path + ": a tree file must be an object with a \"records\" list");
        }
        return records;
    }

    /** Notes which objects the load gives rows of (nested ones too), to decide about generated history. */
    private void scanTypes(JsonNode records) {
        for (JsonNode record : records) {
            JsonNode attributes = record.get("attributes");
            JsonNode type = attributes == null ? null : attributes.get("type");
            if (type != null && schema.find(type.asString()) != null) {
                typesGiven.add(schema.find(type.asString()).name());
            }
            for (Map.Entry<String, JsonNode> e : record.properties()) {
                JsonNode nested = e.getValue().isObject() ? e.getValue().get("records") : null;
                if (nested != null && nested.isArray()) {
                    scanTypes(nested);
                }
            }
        }
    }

    // ---------------------------------------------------------------- loading

    private void loadRecord(TreeFile file, JsonNode record, SObjectDef expected, FieldDef parentLink,
            String parentId) {
        if (!record.isObject()) {
            throw new PlanException(file.path() + ": a record must be a JSON object: " + abbreviate(record));
        }
        JsonNode attributes = record.get("attributes");
        String typeName = attributes != null && attributes.get("type") != null ? attributes.get("type").asString()
                : expected != null ? expected.name() : file.sobject();
        String refId = attributes != null && attributes.get("referenceId") != null
                ? attributes.get("referenceId").asString() : null;
        String where = file.path() + ": record " + (refId != null ? refId : "(no referenceId)");
        SObjectDef type = schema.find(typeName);
        if (type == null) {
            throw new PlanException(where + ": INVALID_TYPE: sObject type '" + typeName + "' is not supported");
        }
        where += " (" + type.name() + ")";
        if (expected != null && expected != type) {
            throw new PlanException(where + ": nested under a relationship of " + expected.name());
        }
        if (file.sobject() != null && expected == null && !file.sobject().equals(type.name())) {
            throw new PlanException(where + ": the plan entry is for " + file.sobject());
        }

        Map<String, Object> fields = new LinkedHashMap<>();
        Map<ChildRelationship, JsonNode> children = new LinkedHashMap<>();
        boolean deleted = false;
        for (Map.Entry<String, JsonNode> e : record.properties()) {
            String name = e.getKey();
            JsonNode node = e.getValue();
            if (name.equals("attributes")) {
                continue;
            }
            if (node.isObject()) {
                ChildRelationship rel = schema.childRelationship(type, name);
                JsonNode nested = node.get("records");
                if (rel == null || nested == null || !nested.isArray()) {
                    throw new PlanException(where + ": INVALID_FIELD: " + name + " is not a child relationship of "
                            + type.name() + " holding {\"records\": [...]}");
                }
                children.put(rel, nested);
                continue;
            }
            FieldDef field = type.field(name);
            if (field == null) {
                throw new PlanException(where + ": INVALID_FIELD: No such column '" + name + "' on sobject of type "
                        + type.name());
            }
            if (node.isArray()) {
                throw new PlanException(where + ": " + field.name() + ": a list is not a field value");
            }
            Object value = value(file, where, field, node);
            if (field.name().equals("IsDeleted")) {
                deleted = Boolean.TRUE.equals(FieldValues.coerce(FieldType.BOOLEAN, value));
                continue;
            }
            fields.put(field.name(), rebase.shift(field, value));
        }
        if (parentLink != null) {
            fields.put(parentLink.name(), parentId);
        }
        if (type.name().equals("Task")) {
            completedTime(fields);
        }

        boolean history = !typesGiven.contains(type.name() + "History");
        SaveResult result = store.create(type, fields, WriteContext.loader(userId, history));
        if (!result.success()) {
            throw new PlanException(where + ": " + describe(result.errors()));
        }
        if (refId != null && file.saveRefs()) {
            if (refs.putIfAbsent(refId, result.id()) != null) {
                throw new PlanException(where + ": duplicate referenceId " + refId);
            }
        }
        if (deleted) {
            toDelete.add(result.id());
        }
        for (Map.Entry<ChildRelationship, JsonNode> rel : children.entrySet()) {
            for (JsonNode child : rel.getValue()) {
                loadRecord(file, child, rel.getKey().child(), rel.getKey().field(), result.id());
            }
        }
    }

    private Object value(TreeFile file, String where, FieldDef field, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            // Text fields keep the number as written (the JSON text), numeric ones get the number.
            return field.type().isNumber() ? node.numberValue() : node.asString();
        }
        String text = node.asString();
        if (text.startsWith("@") && file.resolveRefs() && text.length() > 1) {
            String id = refs.get(text.substring(1));
            if (id == null) {
                throw new PlanException(where + ": " + field.name() + ": unresolved reference " + text
                        + " (no record saved that referenceId before this one)");
            }
            return id;
        }
        return text;
    }

    private static void completedTime(Map<String, Object> fields) {
        Object status = fields.get("Status");
        if (status != null && status.toString().equalsIgnoreCase("Completed")
                && fields.get("CompletedDateTime") == null) {
            Object when = fields.get("LastModifiedDate") != null ? fields.get("LastModifiedDate")
                    : fields.get("CreatedDate");
            if (when != null) {
                fields.put("CompletedDateTime", when);
            }
        }
    }

    static String describe(List<RecordError> errors) {
        StringJoiner out = new StringJoiner("; ");
        for (RecordError e : errors) {
            out.add(e.statusCode() + ": " + e.message() + (e.fields().isEmpty() ? "" : " " + e.fields()));
        }
        return out.toString();
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
