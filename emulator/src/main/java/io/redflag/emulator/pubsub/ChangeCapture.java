package io.redflag.emulator.pubsub;

import io.redflag.emulator.store.Change;
import io.redflag.emulator.store.Commit;
import io.redflag.emulator.store.SRecord;
import com.google.protobuf.ByteString;
import io.redflag.pubsub.v1.ProducerEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Change Data Capture: turns each committed transaction of the org into change events on the bus. One event
 * per record changed (several changes of one record in a transaction count once), the same change to several records of one object merged into one event; events of a
 * transaction share its transactionKey and are numbered from 1. Past the overflow threshold (100,000 changes,
 * an update counting one per field) the rest of the transaction becomes one GAP_OVERFLOW event per object.
 */
final class ChangeCapture {
    static final int OVERFLOW_THRESHOLD = 100_000;

    private final EventSchemas schemas;
    private final EventBus bus;
    private volatile int overflowThreshold = OVERFLOW_THRESHOLD;

    ChangeCapture(EventSchemas schemas, EventBus bus) {
        this.schemas = schemas;
        this.bus = bus;
    }

    void overflowThreshold(int changes) {
        if (changes < 1) {
            throw new IllegalArgumentException("overflowThreshold " + changes + " must be at least 1");
        }
        this.overflowThreshold = changes;
    }

    int overflowThreshold() {
        return overflowThreshold;
    }

    /** A commit listener of the org's store. */
    void committed(Commit commit) {
        Map<EventContent, List<String>> merged = new LinkedHashMap<>();
        Set<String> overflowed = new LinkedHashSet<>();
        int weight = 0;
        for (Change change : collapse(commit)) {
            EventSchema schema = schemas.forEntity(change.after().type().name());
            EventContent content = EventContents.of(schema, change.kind(), change.before(), change.after());
            weight += content.weight();
            if (weight > overflowThreshold) {
                overflowed.add(schema.entity());
            } else {
                merged.computeIfAbsent(content, c -> new ArrayList<>()).add(change.after().id());
            }
        }
        for (String entity : overflowed) {
            merged.put(EventContent.headerOnly(schemas.forEntity(entity), "GAP_OVERFLOW"), List.of());
        }
        if (!merged.isEmpty()) {
            String user = commit.context() == null || commit.context().userId() == null ? ""
                    : commit.context().userId();
            String origin = commit.context() == null ? "" : commit.context().origin();
            publish(merged, commit.committedAt().toEpochMilli(), user, origin);
        }
    }

    /**
     * Gap events for records (GAP_CREATE, GAP_UPDATE, GAP_DELETE or GAP_UNDELETE): the header and record ids
     * only, one event per object, as Salesforce sends when it cannot produce the change event.
     */
    void gap(String changeType, List<SRecord> records) {
        if (!List.of("GAP_CREATE", "GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE").contains(changeType)) {
            throw new IllegalArgumentException("changeType '" + changeType + "' is not a gap event's (GAP_CREATE,"
                    + " GAP_UPDATE, GAP_DELETE, GAP_UNDELETE)");
        }
        Map<EventContent, List<String>> events = new LinkedHashMap<>();
        for (SRecord r : records) {
            EventSchema schema = captured(r.type().name());
            events.computeIfAbsent(EventContent.headerOnly(schema, changeType), c -> new ArrayList<>()).add(r.id());
        }
        publish(events, bus.now().toEpochMilli(), "", "");
    }

    /** A GAP_OVERFLOW event for an object, as after a transaction of more than 100,000 changes. */
    void overflow(String entity) {
        publish(Map.of(EventContent.headerOnly(captured(entity), "GAP_OVERFLOW"), List.of()),
                bus.now().toEpochMilli(), "", "");
    }

    private EventSchema captured(String entity) {
        EventSchema schema = schemas.forEntity(entity);
        if (schema == null) {
            throw new IllegalArgumentException("'" + entity + "' is not an object with change events (the"
                    + " emulator captures " + String.join(", ", schemas.entities()) + ")");
        }
        return schema;
    }

    /**
     * Each captured record once, in the order first changed: a record changed several times in a transaction
     * counts as one change from its version before the transaction to its last (Salesforce sends one event,
     * with the data committed at the end).
     */
    private List<Change> collapse(Commit commit) {
        Map<String, Change> byRecord = new LinkedHashMap<>();
        for (Change c : commit.changes()) {
            if (schemas.forEntity(c.after().type().name()) != null) {
                byRecord.merge(c.after().id(), c, (first, later) -> new Change(first.before(), later.after()));
            }
        }
        return new ArrayList<>(byRecord.values());
    }

    private void publish(Map<EventContent, List<String>> events, long commitTimestamp, String user, String origin) {
        EventEncoder.Transaction tx = new EventEncoder.Transaction(UUID.randomUUID().toString(), commitTimestamp,
                bus.nextCommitNumber(), user, origin);
        List<EventBus.Outgoing> out = new ArrayList<>();
        int sequence = 0;
        for (Map.Entry<EventContent, List<String>> e : events.entrySet()) {
            EventSchema schema = schemas.forEntity(e.getKey().entity());
            byte[] payload = EventEncoder.encode(schema, e.getKey(), e.getValue(), tx, ++sequence);
            out.add(new EventBus.Outgoing(schema.entity(), ProducerEvent.newBuilder()
                    .setId(UUID.randomUUID().toString())
                    .setSchemaId(schema.id())
                    .setPayload(ByteString.copyFrom(payload))
                    .build()));
        }
        bus.publish(out);
    }
}
