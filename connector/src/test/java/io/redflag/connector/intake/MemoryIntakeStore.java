package io.redflag.connector.intake;

import io.redflag.connector.mapping.MappedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The store's side of intake in memory, for the connector's own tests: records by entity and id (a newer or
 * equal stamp wins, as in the service's store), deletions, positions and notification ids, and every page as
 * it came. Waits for the previous page like the real store, so commit order is kept.
 */
final class MemoryIntakeStore implements IntakeStore {
    final Map<String, Map<String, MappedRecord>> records = new ConcurrentHashMap<>();
    final Set<String> deleted = ConcurrentHashMap.newKeySet();
    final Map<String, Watermark> watermarks = new ConcurrentHashMap<>();
    final Set<String> notifications = ConcurrentHashMap.newKeySet();
    final List<IntakePage> pages = java.util.Collections.synchronizedList(new ArrayList<>());
    final Set<String> fullReads = ConcurrentHashMap.newKeySet();

    @Override
    public StoredPage store(IntakePage page, Future<?> previous) {
        if (previous != null) {
            try {
                previous.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("the previous page was not stored", e);
            }
        }
        synchronized (this) {
            pages.add(page);
            Map<String, MappedRecord> table = records.computeIfAbsent(page.entity(), e -> new TreeMap<>());
            Set<String> accounts = new HashSet<>();
            int written = 0;
            int unchanged = 0;
            for (MappedRecord r : page.records()) {
                MappedRecord before = table.get(r.id());
                if (before == null || !r.modifiedAt().isBefore(before.modifiedAt())) {
                    table.put(r.id(), r);
                    deleted.remove(r.id());
                    written++;
                    if (r.equals(before)) {
                        unchanged++; // read again, nothing new: no account to score
                    } else if (r.get("account") != null) {
                        accounts.add((String) r.get("account"));
                    }
                }
            }
            deleted.addAll(page.deletedIds());
            if (page.position() instanceof Watermark w) {
                watermarks.merge(w.object(), w, (old, now) -> now.watermark().isAfter(old.watermark())
                        ? new Watermark(now.object(), now.watermark(), now.lastId(), old.deletionsCovered()) : old);
            } else if (page.position() instanceof Position.Notifications n) {
                notifications.addAll(n.ids());
            }
            return new StoredPage(written, accounts, unchanged);
        }
    }

    @Override
    public Optional<Watermark> watermark(String object) {
        return Optional.ofNullable(watermarks.get(object));
    }

    @Override
    public boolean isEmpty(String entity) {
        return records.getOrDefault(entity, Map.of()).isEmpty();
    }

    @Override
    public synchronized Set<String> storeDeletions(String entity, Collection<String> ids, String object,
            Instant covered) {
        deleted.addAll(ids);
        watermarks.computeIfPresent(object, (k, w) -> new Watermark(w.object(), w.watermark(), w.lastId(), covered));
        return Set.of();
    }

    @Override
    public void forgetWatermark(String object) {
        watermarks.remove(object);
    }

    @Override
    public void fullReadDone(String entity) {
        fullReads.add(entity);
    }

    @Override
    public Set<String> unseenNotifications(Collection<String> ids) {
        Set<String> unseen = new HashSet<>(ids);
        unseen.removeAll(notifications);
        return unseen;
    }
}
