package io.redflag.emulator.store;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.schema.FieldValues;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.schema.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The org's data: every record by type in creation order, the recycle bin (deleted records stay with
 * IsDeleted = true until purged), and the platform's behaviour on writes: system fields, derived fields,
 * validation with Salesforce's per-record status codes, field history, cascade delete and undelete.
 * Thread-safe: reads share a lock, writes take it alone.
 */
public final class OrgStore {
    private final Schema schema;
    private final Clock clock;
    private final Ids ids = new Ids();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<SObjectDef, LinkedHashMap<String, SRecord>> tables = new HashMap<>();
    private final Map<String, SObjectDef> typeById = new HashMap<>();
    /** Records deleted together with a parent: undeleting the parent restores them. */
    private final Map<String, List<String>> cascaded = new HashMap<>();
    private final Map<String, Instant> deletedAt = new HashMap<>();
    private final Map<SObjectDef, Instant> lastPurge = new HashMap<>();
    private final Instant createdAt;
    private final PlatformRules rules;
    private long caseNumber = 1000;
    private final Transactions transactions;
    private final Map<String, String> profileIds = new LinkedHashMap<>();

    public OrgStore(Schema schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
        this.createdAt = now();
        this.transactions = new Transactions(clock);
        this.rules = new PlatformRules(this);
        seedProfiles();
    }

    /**
     * The standard profiles, as a new org has them, with fixed ids (00e8d0000000001 for the first, and on)
     * so that a data plan can name one in a User's ProfileId.
     */
    private void seedProfiles() {
        SObjectDef profile = schema.find("Profile");
        if (profile == null) {
            return;
        }
        int n = 0;
        for (String name : Schema.STANDARD_PROFILES) {
            String id = Ids.to18(String.format("00e8d0%09d", ++n));
            SaveResult r = rules.create(profile, Map.of("Id", id, "Name", name, "UserType", "Standard"),
                    WriteContext.loader(null, false));
            if (!r.success()) {
                throw new IllegalStateException("cannot create the standard profile " + name + ": " + r.errors());
            }
            profileIds.put(name, r.id());
        }
    }

    /** The id of a standard profile by name ("Standard User"), or null. */
    public String standardProfileId(String name) {
        return profileIds.get(name);
    }

    public Schema schema() {
        return schema;
    }

    public Clock clock() {
        return clock;
    }

    /** The platform's current time at second precision, as system fields keep it. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------- reads

    /** The latest version of a record by 15- or 18-character id, deleted ones included; null if unknown. */
    public SRecord get(String id) {
        String full = Ids.normalize(id);
        if (full == null) {
            return null;
        }
        lock.readLock().lock();
        try {
            SObjectDef type = typeById.get(full);
            return type == null ? null : tables.get(type).get(full);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every record of a type in creation order: a consistent copy that later writes do not change. */
    public List<SRecord> snapshot(SObjectDef type, boolean includeDeleted) {
        lock.readLock().lock();
        try {
            Collection<SRecord> all = table(type).values();
            List<SRecord> out = new ArrayList<>(all.size());
            for (SRecord r : all) {
                if (includeDeleted || !r.isDeleted()) {
                    out.add(r);
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Records of a type that match a condition, in creation order. */
    public List<SRecord> find(SObjectDef type, boolean includeDeleted, Predicate<SRecord> condition) {
        lock.readLock().lock();
        try {
            List<SRecord> out = new ArrayList<>();
            for (SRecord r : table(type).values()) {
                if ((includeDeleted || !r.isDeleted()) && condition.test(r)) {
                    out.add(r);
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int count(SObjectDef type, boolean includeDeleted) {
        lock.readLock().lock();
        try {
            if (includeDeleted) {
                return table(type).size();
            }
            int n = 0;
            for (SRecord r : table(type).values()) {
                n += r.isDeleted() ? 0 : 1;
            }
            return n;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Counts of live records per object name, for inspection. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (SObjectDef type : schema.all()) {
            out.put(type.name(), count(type, false));
        }
        return out;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Creates a record. {@code fields} maps field names (any case) to values in text form or as Java values.
     * Unknown field names must have been rejected by the caller (they fail a whole API call, not one record).
     */
    public SaveResult create(SObjectDef type, Map<String, Object> fields, WriteContext ctx) {
        return write(ctx, () -> rules.create(type, fields, ctx));
    }

    /** Updates a record; {@code fieldsToNull} names fields to clear. */
    public SaveResult update(String id, Map<String, Object> fields, Set<String> fieldsToNull, WriteContext ctx) {
        return write(ctx, () -> rules.update(id, fields, fieldsToNull, ctx));
    }

    /** Creates or updates the record whose external-id field (or Id) has the given record's value. */
    public SaveResult upsert(SObjectDef type, FieldDef externalIdField, Map<String, Object> fields,
            Set<String> fieldsToNull, WriteContext ctx) {
        return write(ctx, () -> rules.upsert(type, externalIdField, fields, fieldsToNull, ctx));
    }

    public SaveResult delete(String id, WriteContext ctx) {
        return write(ctx, () -> rules.delete(id, ctx));
    }

    public SaveResult undelete(String id, WriteContext ctx) {
        return write(ctx, () -> rules.undelete(id, ctx));
    }

    /**
     * Runs {@code work} as one transaction, as an API call is one in Salesforce: the writes it makes on this
     * thread reach the commit listeners together, as one {@link Commit}, when it returns (or throws: rows
     * already written stay written, as without AllOrNoneHeader). A write outside any transaction is one by
     * itself. Nested calls join the outer transaction.
     */
    public <T> T transaction(Supplier<T> work) {
        return transactions.run(work);
    }

    /** {@link #transaction(Supplier)} for work without a result. */
    public void transaction(Runnable work) {
        transaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Tells {@code listener} about every transaction that commits from now on (after the write lock is
     * released, one commit at a time, in the order they ended), as record-triggered automation and Change
     * Data Capture see them. A failing listener is logged; the write stands.
     */
    public void addCommitListener(Consumer<Commit> listener) {
        transactions.addListener(listener);
    }

    public void removeCommitListener(Consumer<Commit> listener) {
        transactions.removeListener(listener);
    }

    private SaveResult write(WriteContext ctx, Supplier<SaveResult> op) {
        return transactions.run(() -> {
            transactions.writing(ctx);
            lock.writeLock().lock();
            try {
                return op.get();
            } finally {
                lock.writeLock().unlock();
            }
        });
    }

    /**
     * Moves a record's SystemModstamp back, as a transaction that commits late shows its changes with the
     * time it started. For tests of a sync's overlap window.
     */
    public SRecord backdate(String id, Instant systemModstamp) {
        lock.writeLock().lock();
        try {
            SRecord current = get(id);
            if (current == null) {
                return null;
            }
            Object[] values = current.copyValues();
            FieldDef stamp = current.type().field("SystemModstamp");
            values[current.type().slot(stamp)] = systemModstamp.truncatedTo(ChronoUnit.SECONDS);
            // Not a change a client made: no commit, no change event.
            SRecord moved = new SRecord(current.type(), current.id(), values);
            table(moved.type()).put(moved.id(), moved);
            return moved;
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- replication

    /** Ids of records created or changed in [start, end), deleted ones excluded (getUpdated). */
    public List<String> updatedIds(SObjectDef type, Instant start, Instant end) {
        List<String> out = new ArrayList<>();
        for (SRecord r : find(type, false, r -> inRange(r.modstamp(), start, end))) {
            out.add(r.id());
        }
        return out;
    }

    /** Records deleted in [start, end) that are still in the recycle bin (getDeleted). */
    public List<DeletedRecord> deleted(SObjectDef type, Instant start, Instant end) {
        lock.readLock().lock();
        try {
            List<DeletedRecord> out = new ArrayList<>();
            for (SRecord r : table(type).values()) {
                Instant when = deletedAt.get(r.id());
                if (r.isDeleted() && when != null && inRange(when, start, end)) {
                    out.add(new DeletedRecord(r.id(), when));
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The time before which deletions of this type may have been purged from the recycle bin. */
    public Instant earliestDeletedDateAvailable(SObjectDef type) {
        lock.readLock().lock();
        try {
            return lastPurge.getOrDefault(type, createdAt);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Empties the recycle bin of records deleted before {@code before} (all types); returns how many. */
    public int purgeRecycleBin(Instant before) {
        lock.writeLock().lock();
        try {
            int purged = 0;
            for (SObjectDef type : schema.all()) {
                var it = table(type).values().iterator();
                while (it.hasNext()) {
                    SRecord r = it.next();
                    Instant when = deletedAt.get(r.id());
                    if (r.isDeleted() && when != null && when.isBefore(before)) {
                        it.remove();
                        typeById.remove(r.id());
                        deletedAt.remove(r.id());
                        cascaded.remove(r.id());
                        purged++;
                    }
                }
                lastPurge.put(type, before.truncatedTo(ChronoUnit.SECONDS));
            }
            return purged;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static boolean inRange(Instant t, Instant start, Instant end) {
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }

    // ---------------------------------------------------------------- package-private, for PlatformRules

    LinkedHashMap<String, SRecord> table(SObjectDef type) {
        return tables.computeIfAbsent(type, t -> new LinkedHashMap<>());
    }

    String newId(SObjectDef type) {
        return ids.next(type.keyPrefix());
    }

    String nextCaseNumber() {
        return String.format("%08d", ++caseNumber);
    }

    /** Stores a record version; inside a transaction it becomes one of the transaction's changes. */
    SRecord put(SRecord record) {
        SRecord before = table(record.type()).put(record.id(), record);
        typeById.put(record.id(), record.type());
        transactions.stored(before, record);
        return record;
    }

    SRecord newRecord(SObjectDef type, String id, Object[] values) {
        return new SRecord(type, id, values);
    }

    void markDeleted(String id, Instant when, List<String> children) {
        deletedAt.put(id, when);
        if (!children.isEmpty()) {
            cascaded.put(id, children);
        }
    }

    List<String> unmarkDeleted(String id) {
        deletedAt.remove(id);
        List<String> children = cascaded.remove(id);
        return children == null ? List.of() : children;
    }

    /** Reads a value for a field, accepting text or Java values. */
    static Object coerce(FieldDef field, Object value) {
        return FieldValues.coerce(field.type(), value);
    }

    static boolean isText(FieldDef field) {
        return field.type().isText() && field.type() != FieldType.ID && field.type() != FieldType.REFERENCE;
    }
}
