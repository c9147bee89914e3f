package io.redflag.service.sync;

import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.mapping.MappedRecord;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.mapping.RecordRejectedException;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.service.store.CrmStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every mapped object's changes into the store. Each page of a read is stored with the watermark it
 * reaches in one transaction, so a crash loses nothing and a restart resumes after the last stored page;
 * replaying a page writes the same rows again (stores are idempotent). A poll with nothing changed costs
 * one call per object.
 *
 * <p>Per object three stages overlap: one thread fetches the next page from the CRM while two writer threads
 * each map and store a page; a page's transaction waits for the previous page's commit before it moves the
 * watermark, so commits keep the pages' order. {@link #syncAll} reads several objects at once (lanes).
 */
public final class CrmSync {
    private static final Logger log = LoggerFactory.getLogger(CrmSync.class);
    /** Objects whose records can be deleted on their own (history rows go with their parent; users never). */
    private static final Set<String> DELETABLE = Set.of("account", "contact", "contactRole", "opportunity", "task",
            "event", "supportCase");
    /** getDeleted reaches back at most 30 days; stay inside. */
    private static final Duration REPLICATION_WINDOW = Duration.ofDays(29);

    /**
     * What one object's sync did.
     *
     * @param unchanged       records that came back with none of their scoring inputs changed (echoes of
     *                        Redflag's own writes, or edits of unmapped fields)
     * @param changedAccounts accounts whose scoring inputs changed (already queued for rescoring in the store)
     */
    public record ObjectResult(String entity, boolean full, int read, int written, int rejected, int deleted,
            int calls, int unchanged, Set<String> changedAccounts) {
    }

    private final ResilientCrm crm;
    private final RecordMapper mapper;
    private final CrmStore store;
    private final Clock clock;
    private final SyncSettings settings;
    private final SyncState state;
    /** Pages stored at once per object: one writing its rows while the one before commits. */
    private static final int WRITERS = 2;
    /** Store pages on their own threads (daemons), each in its own transaction. */
    private final ExecutorService writers;
    /** Reads each lane's next page ahead; daemons, so an idle one never holds the JVM open. */
    private final ExecutorService reader;
    /** Runs the lanes of {@link #syncAll}, one object at a time each. */
    private final ExecutorService lanes;

    /** Reads go through {@code crm}: retried with backoff on transient errors, paused by the API budget. */
    public CrmSync(ResilientCrm crm, RecordMapper mapper, CrmStore store, Clock clock, SyncSettings settings) {
        this(crm, mapper, store, clock, settings, new SyncState(clock));
    }

    public CrmSync(ResilientCrm crm, RecordMapper mapper, CrmStore store, Clock clock, SyncSettings settings,
            SyncState state) {
        this.crm = crm;
        this.mapper = mapper;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.state = state;
        this.writers = Executors.newFixedThreadPool(WRITERS * settings.lanes(), daemon("crm-sync-writer"));
        this.reader = Executors.newFixedThreadPool(settings.lanes(), daemon("crm-sync-reader"));
        this.lanes = Executors.newFixedThreadPool(settings.lanes(), daemon("crm-sync-lane"));
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Syncs every mapped object, {@code lanes} objects at once: while the CRM serves one object's page, another
     * object's page is mapped and stored. Objects never read before go first, largest first (their COUNT()
     * sizes the progress log anyway), so a big first sync does not end with one lane busy and the others idle.
     * A failure lets the objects already running finish, starts no more and ends the cycle (the next poll
     * resumes from the stored watermarks). Results come in the model's order.
     */
    public List<ObjectResult> syncAll() {
        List<String> entities = mapper.entities();
        Map<String, ObjectResult> results = new ConcurrentHashMap<>();
        try {
            Map<String, Integer> totals = new HashMap<>();
            for (String entity : entities) {
                if (state.paused()) {
                    break;
                }
                String object = mapper.object(entity);
                if (store.watermark(object).isEmpty()) {
                    totals.put(entity, total(object));
                }
            }
            List<String> order = new ArrayList<>(entities);
            order.sort(Comparator.comparing((String e) -> -totals.getOrDefault(e, -1)));
            Queue<String> queue = new ConcurrentLinkedQueue<>(order);
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Runnable lane = () -> {
                String entity;
                while (failure.get() == null && !state.paused() && (entity = queue.poll()) != null) {
                    try {
                        results.put(entity, sync(entity, totals.get(entity)));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            };
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < settings.lanes(); i++) {
                running.add(lanes.submit(lane));
            }
            for (Future<?> f : running) {
                await(f, "a sync lane");
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        } catch (RuntimeException e) {
            state.cycleEnded(e.getMessage());
            throw e;
        }
        state.cycleEnded(null);
        return entities.stream().filter(results::containsKey).map(results::get).toList();
    }

    public SyncState state() {
        return state;
    }

    /** Syncs one object. */
    public ObjectResult sync(String entity) {
        return sync(entity, null);
    }

    /** @param total the records a full read will bring, when already counted (null: count if full) */
    private ObjectResult sync(String entity, Integer total) {
        String object = mapper.object(entity);
        try {
            ObjectResult result = read(entity, object, total);
            state.succeeded(object, store.watermark(object).map(CrmStore.Watermark::watermark).orElse(null));
            return result;
        } catch (RuntimeException e) {
            state.failed(object, e.getMessage());
            throw e;
        }
    }

    private ObjectResult read(String entity, String object, Integer total) {
        String stamp = mapper.stampField(entity);
        var watermark = store.watermark(object);
        boolean full = watermark.isEmpty();
        // A first sync into an empty table inserts without looking for stored versions (see CrmStore).
        boolean intoEmptyTable = full && store.count(entity, true) == 0;
        Instant started = clock.instant();
        String soql = query(entity, watermark.map(w -> w.watermark().minus(settings.overlap())).orElse(null));
        Counts counts = new Counts();
        SyncProgress progress = null;
        if (full) {
            progress = new SyncProgress(object, total != null ? total : total(object), clock, state);
            counts.calls++;
        }
        QueryResult page = crm.read("queryAll:" + object, object, c -> {
            c.setQueryOptions(settings.batchSize());
            return c.queryAll(soql);
        });
        counts.calls++;
        // Pages being stored, oldest first: up to WRITERS at once, committed in page order (see CrmStore).
        Deque<Storing> storing = new ArrayDeque<>();
        Future<QueryResult> next = null;
        try {
            while (true) {
                // Read the next page while this one is mapped and stored: the CRM and the database work at once.
                next = page.isDone() || state.paused() ? null : readMore(object, page.getQueryLocator());
                if (storing.size() == WRITERS) {
                    finish(storing.pollFirst(), counts, progress);
                }
                storing.addLast(store(entity, object, page, full, intoEmptyTable, storing.peekLast()));
                if (next == null) {
                    break;
                }
                page = await(next, "reading the next page");
                counts.calls++;
            }
            while (!storing.isEmpty()) {
                finish(storing.pollFirst(), counts, progress);
            }
        } catch (RuntimeException e) {
            if (next != null) {
                next.cancel(true);
            }
            // Let the pages already in flight finish (they commit in order, or fail after a failed one), so
            // nothing of this read is still writing when the next poll starts.
            storing.forEach(s -> s.result().handle((r, x) -> null).join());
            throw e;
        }
        if (!page.isDone()) {
            // Paused between pages: what is stored is covered by the watermark; resuming reads on from there.
            log.info("Sync of {} paused after {} records", object, counts.read);
            return result(entity, full, counts);
        }
        if (full && store.watermark(object).isPresent() && DELETABLE.contains(entity)) {
            // The full read came through queryAll: every deletion still in the recycle bin is already known.
            counts.changed.addAll(store.storeDeletions(entity, List.of(), object,
                    started.truncatedTo(ChronoUnit.SECONDS)));
        } else if (!full && DELETABLE.contains(entity)) {
            checkDeletions(entity, object, counts);
        }
        if (counts.rejected > 0) {
            log.warn("Sync of {}: {} records rejected (see above); the rest are stored", object, counts.rejected);
        }
        return result(entity, full, counts);
    }

    /**
     * The SOQL that reads an entity's changes from {@code from} on (null: everything), in (stamp, Id) order,
     * with the recycle bin's rows (queryAll) marked by IsDeleted.
     */
    public String query(String entity, Instant from) {
        String stamp = mapper.stampField(entity);
        Set<String> fields = new LinkedHashSet<>(mapper.selectFields(entity));
        fields.add(stamp);
        fields.add("IsDeleted");
        return "SELECT " + String.join(", ", fields) + " FROM " + mapper.object(entity)
                + (from == null ? "" : " WHERE " + stamp + " >= " + soqlDateTime(from)) + " ORDER BY " + stamp + ", Id";
    }

    private static ObjectResult result(String entity, boolean full, Counts counts) {
        return new ObjectResult(entity, full, counts.read, counts.written, counts.rejected, counts.deleted,
                counts.calls, counts.unchanged, Set.copyOf(counts.changed));
    }

    private Future<QueryResult> readMore(String object, String locator) {
        return reader.submit(() -> crm.read("queryMore:" + object, object, c -> {
            c.setQueryOptions(settings.batchSize());
            return c.queryMore(locator);
        }));
    }

    /** Waits for a future; what it threw (a RuntimeException or an Error) is thrown here as it is. */
    private static <T> T await(Future<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /** How many records a full read will bring (one COUNT() call, only before a full sync). */
    private int total(String object) {
        return crm.read("count:" + object, object, c -> c.queryAll("SELECT COUNT() FROM " + object)).getSize();
    }

    /**
     * One page of a read, mapped: the live records, the ids the recycle bin holds, the last record (its stamp
     * and id are the watermark), and how many were read and rejected.
     */
    private record Page(List<MappedRecord> records, List<String> deleted, MappedRecord last, int read, int rejected) {
    }

    /** Maps a page; a malformed record is logged with its id and reason and left out, the rest go on. */
    private Page map(String entity, String object, QueryResult result) {
        SObject[] records = result.getRecords();
        List<MappedRecord> mapped = new ArrayList<>(records.length);
        List<String> deleted = new ArrayList<>();
        MappedRecord last = null;
        int rejected = 0;
        for (SObject r : records) {
            try {
                MappedRecord m = mapper.map(entity, r);
                last = m;
                if ("true".equals(r.getField("IsDeleted"))) {
                    deleted.add(m.id());
                } else {
                    mapped.add(m);
                }
            } catch (RecordRejectedException e) {
                rejected++;
                log.warn("Sync of {}: {}", object, e.getMessage());
            }
        }
        return new Page(mapped, deleted, last, records.length, rejected);
    }

    /** A page on its way into the store: its record ids, and, once committed, the page mapped and what it did. */
    private record Storing(Set<String> ids, CompletableFuture<Stored> result) {
    }

    private record Stored(Page page, CrmStore.StoreResult result) {
    }

    /**
     * Maps and stores a page on a writer thread while the previous page may still be in its transaction. A
     * page that shares a record with the previous one (a record changed during the read comes twice) starts
     * only after that one committed, so neither waits for the other's row locks.
     */
    private Storing store(String entity, String object, QueryResult result, boolean full, boolean intoEmptyTable,
            Storing previous) {
        Set<String> ids = new HashSet<>();
        for (SObject r : result.getRecords()) {
            if (r.getId() != null) {
                ids.add(r.getId());
            }
        }
        CompletableFuture<?> before = previous == null ? null : previous.result();
        Supplier<Stored> work = () -> {
            Page page = map(entity, object, result);
            if (page.last() == null) {
                return new Stored(page, new CrmStore.StoreResult(0, Set.of(), 0));
            }
            Instant stamp = page.last().modifiedAt();
            return new Stored(page, store.storeBatch(entity, page.records(), page.deleted(), stamp == null ? null
                    : new CrmStore.Watermark(object, stamp, page.last().id()), full, before, intoEmptyTable));
        };
        CompletableFuture<Stored> stored = before != null && !Collections.disjoint(previous.ids(), ids)
                ? before.handle((r, e) -> null).thenApplyAsync(x -> work.get(), writers)
                : CompletableFuture.supplyAsync(work, writers);
        return new Storing(ids, stored);
    }

    /** Waits for a page's commit and counts it. */
    private static void finish(Storing s, Counts counts, SyncProgress progress) {
        Stored done;
        try {
            done = s.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        CrmStore.StoreResult stored = done.result();
        counts.read += done.page().read();
        counts.rejected += done.page().rejected();
        counts.written += stored.written();
        counts.unchanged += stored.unchanged();
        counts.changed.addAll(stored.changedAccounts());
        counts.deleted += done.page().deleted().size();
        if (progress != null) {
            progress.report(counts.read);
        }
    }

    /**
     * Deletions older than the overlap read (purged from queryAll's view, or deleted while the service was
     * down) come from getDeleted, at most every {@code deletionCheckEvery}. When Salesforce has already purged
     * deletions past what was covered, the object is read again in full.
     */
    private void checkDeletions(String entity, String object, Counts counts) {
        var w = store.watermark(object).orElseThrow();
        Instant now = clock.instant();
        if (w.deletionsCovered() != null && w.deletionsCovered().plus(settings.deletionCheckEvery()).isAfter(now)) {
            return;
        }
        Instant earliestAllowed = now.minus(REPLICATION_WINDOW);
        Instant start = w.deletionsCovered() == null ? w.watermark().minus(settings.overlap()) : w.deletionsCovered();
        if (start.isBefore(earliestAllowed)) {
            start = earliestAllowed;
        }
        Instant from = start;
        GetDeletedResult result = crm.read("getDeleted:" + object, object,
                c -> c.getDeleted(object, calendar(from), calendar(now)));
        counts.calls++;
        if (result.getEarliestDateAvailable() != null && result.getEarliestDateAvailable().toInstant().isAfter(from)) {
            log.warn("Sync of {}: Salesforce purged deletions after {} (earliest available {}); resyncing in full",
                    object, from, result.getEarliestDateAvailable().toInstant());
            store.forgetWatermark(object);
            return;
        }
        List<String> ids = new ArrayList<>();
        for (var d : result.getDeletedRecords()) {
            ids.add(d.getId());
        }
        counts.changed.addAll(store.storeDeletions(entity, ids, object, result.getLatestDateCovered().toInstant()));
        counts.deleted += ids.size();
    }

    private static String soqlDateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Calendar calendar(Instant instant) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }

    private static final class Counts {
        int read;
        int written;
        int rejected;
        int deleted;
        int calls;
        int unchanged;
        final Set<String> changed = new LinkedHashSet<>();
    }
}
