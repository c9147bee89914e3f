package io.redflag.connector.intake.cdc;

import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.IntakeStore;
import io.redflag.connector.intake.MappedPage;
import io.redflag.connector.intake.Position;
import io.redflag.connector.intake.StoredPage;
import io.redflag.connector.mapping.MappedRecord;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.mapping.RecordRejectedException;
import io.redflag.connector.session.SalesforceSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a batch of change events: creates and undeletes mapped from the events themselves, updates applied to
 * the stored record (only the fields the event says changed), deletes marked; what an event cannot carry is
 * read again by Id (gap events, an update of a record the store does not have, a changed person name); an
 * overflow has its object reconciled by a poll. Costs nothing: an update of fields the mapping does not read,
 * and every change Redflag made itself (its changeOrigin names Redflag's client). The batch's replay id is
 * committed with the last of its pages, so a restart resumes after what is stored and a batch stored twice
 * writes nothing new.
 */
public final class ChangeEventIntake {
    private static final Logger log = LoggerFactory.getLogger(ChangeEventIntake.class);

    /**
     * What storing a batch did.
     *
     * @param stored      records written or marked deleted
     * @param echoes      events of Redflag's own writes, left out
     * @param unmapped    events of objects the mapping does not read, or updates of fields it does not read
     * @param reRead      records read again by Id
     * @param calls       Partner API calls the re-reads took
     * @param reconciled  entities handed to a reconciliation poll (overflow)
     */
    public record Applied(int events, int stored, int echoes, int unmapped, int reRead, int calls,
            Set<String> entities, Set<String> changedAccounts, Set<String> reconciled) {
    }

    /** One entity's share of a batch, built in the events' order. */
    private static final class EntityChanges {
        final Map<String, MappedRecord> records = new LinkedHashMap<>();
        final Set<String> deleted = new LinkedHashSet<>();
        final Set<String> reRead = new LinkedHashSet<>();
        final List<ChangeEvent> events = new ArrayList<>();
    }

    private final CrmReads reads;
    private final IntakeStore store;
    private final ReplayStore replay;
    private final ChangeStreamListener listener;

    public ChangeEventIntake(CrmReads reads, IntakeStore store, ReplayStore replay, ChangeStreamListener listener) {
        this.reads = reads;
        this.store = store;
        this.replay = replay;
        this.listener = listener;
    }

    public RecordMapper mapper() {
        return reads.mapper();
    }

    /**
     * Stores the batch and, with its last page, the replay id it reaches. When this returns everything is
     * committed; when it throws, the replay id has not moved past what is stored, and the batch is asked for
     * again.
     */
    public Applied apply(List<ChangeEvent> events, Position.Replay position) {
        RecordMapper mapper = reads.mapper();
        Map<String, EntityChanges> byEntity = new LinkedHashMap<>();
        int echoes = 0;
        int unmapped = 0;
        Set<String> reconcile = new LinkedHashSet<>();
        for (ChangeEvent e : events) {
            String entity = mapper.entityOf(e.object()).orElse(null);
            if (entity == null) {
                unmapped++;
            } else if (e.madeBy(SalesforceSession.CLIENT)) {
                echoes++;
            } else if (e.overflow()) {
                reconcile.add(entity);
            } else if (e.changeType().equals("UPDATE") && relevant(entity, e).isEmpty()) {
                unmapped++;
            } else {
                byEntity.computeIfAbsent(entity, k -> new EntityChanges()).events.add(e);
            }
        }
        int calls = 0;
        int reRead = 0;
        List<IntakePage> pages = new ArrayList<>();
        for (var entry : byEntity.entrySet()) {
            EntityChanges changes = entry.getValue();
            build(entry.getKey(), changes);
            if (!changes.reRead.isEmpty()) {
                MappedPage page = reads.readByIds(entry.getKey(), changes.reRead);
                calls += page.calls();
                reRead += changes.reRead.size();
                for (MappedRecord r : page.records()) {
                    changes.records.put(r.id(), r);
                    changes.deleted.remove(r.id());
                }
                for (String id : page.deleted()) {
                    changes.records.remove(id);
                    changes.deleted.add(id);
                }
            }
            if (!changes.records.isEmpty() || !changes.deleted.isEmpty()) {
                pages.add(new IntakePage(entry.getKey(), List.copyOf(changes.records.values()), changes.deleted,
                        null, IntakePage.Read.CHANGES));
            }
        }
        if (pages.isEmpty()) {
            // Nothing to write, but the replay id moves on: these events are done with.
            pages.add(IntakePage.changes(mapper.entities().get(0), List.of()));
        }
        Set<String> changed = new LinkedHashSet<>();
        int stored = 0;
        Set<String> entities = new LinkedHashSet<>();
        for (int i = 0; i < pages.size(); i++) {
            IntakePage page = pages.get(i);
            if (i == pages.size() - 1) {
                page = new IntakePage(page.entity(), page.records(), page.deletedIds(), position, page.read());
            }
            StoredPage result = store.store(page);
            changed.addAll(result.changedAccounts());
            stored += page.records().size() + page.deletedIds().size();
            if (!page.records().isEmpty() || !page.deletedIds().isEmpty()) {
                entities.add(page.entity());
            }
        }
        if (!reconcile.isEmpty()) {
            log.info("Change events: overflow of {}; reconciling by a poll", reconcile);
            listener.reconcile(reconcile);
        }
        Applied applied = new Applied(events.size(), stored, echoes, unmapped, reRead, calls, entities, changed,
                reconcile);
        listener.stored(applied);
        return applied;
    }

    /** The fields an update changed that the mapping reads (its stamp aside, which every change moves). */
    private Set<String> relevant(String entity, ChangeEvent e) {
        Set<String> out = new HashSet<>(e.changedFields());
        out.retainAll(reads.mapper().fieldKinds(entity).keySet());
        out.remove(reads.mapper().stampField(entity));
        return out;
    }

    /** Walks an entity's events in order over the stored versions of the records updates change. */
    private void build(String entity, EntityChanges changes) {
        Set<String> updated = new LinkedHashSet<>();
        changes.events.stream().filter(e -> e.changeType().equals("UPDATE")).forEach(e -> updated.addAll(e.recordIds()));
        Map<String, MappedRecord> current = new LinkedHashMap<>(updated.isEmpty() ? Map.of()
                : replay.stored(entity, updated));
        for (ChangeEvent e : changes.events) {
            for (String id : e.recordIds()) {
                switch (e.changeType()) {
                    case "CREATE", "UNDELETE" -> {
                        MappedRecord r = map(entity, id, e);
                        if (r != null) {
                            current.put(id, r);
                            changes.records.put(id, r);
                            changes.deleted.remove(id);
                        }
                    }
                    case "UPDATE" -> {
                        MappedRecord base = current.get(id);
                        if (base == null || !java.util.Collections.disjoint(e.unknown(), relevant(entity, e))) {
                            changes.reRead.add(id);
                        } else {
                            MappedRecord r = patch(entity, base, id, e);
                            if (r != null) {
                                current.put(id, r);
                                changes.records.put(id, r);
                            }
                        }
                    }
                    case "DELETE" -> {
                        current.remove(id);
                        changes.records.remove(id);
                        changes.deleted.add(id);
                    }
                    default -> changes.reRead.add(id); // GAP_CREATE, GAP_UPDATE, GAP_DELETE, GAP_UNDELETE
                }
            }
        }
        changes.reRead.forEach(changes.records::remove);
    }

    /** A record as a create or undelete brings it: every field with a value. Null when it cannot be mapped. */
    private MappedRecord map(String entity, String id, ChangeEvent e) {
        try {
            return reads.mapper().map(entity, EventRecords.sObject(reads.mapper(), entity, id, e, null));
        } catch (RecordRejectedException ex) {
            log.warn("Change event {} of {}: {}", e.changeType(), e.object(), ex.getMessage());
            return null;
        }
    }

    /** The stored record with the fields the update changed (nulled ones included) and the new stamp. */
    private MappedRecord patch(String entity, MappedRecord base, String id, ChangeEvent e) {
        RecordMapper mapper = reads.mapper();
        Set<String> fields = relevant(entity, e);
        fields.add(mapper.stampField(entity));
        MappedRecord changed;
        try {
            changed = mapper.map(entity, EventRecords.sObject(mapper, entity, id, e, fields));
        } catch (RecordRejectedException ex) {
            log.warn("Change event UPDATE of {}: {}", e.object(), ex.getMessage());
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>(base.values());
        mapper.propertyFields(entity).forEach((property, field) -> {
            if (fields.contains(field)) {
                Object v = changed.get(property);
                if (v == null) {
                    values.remove(property);
                } else {
                    values.put(property, v);
                }
            }
        });
        return new MappedRecord(entity, id, changed.modifiedAt(), values);
    }
}
