package io.redflag.connector.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling source: reads mapped objects' changes since their watermark ({@code SystemModstamp >= watermark
 * − overlap}, through queryAll so that recycle-bin deletions arrive in the same read) and hands each page to
 * the {@link IntakeStore} with the watermark it reaches, so a crash loses nothing and a restart resumes
 * after the last stored page. An object never read is read in full; one with no records gets a watermark
 * too, so its next poll is one cheap call, not another full read. A poll with nothing changed costs one call
 * per object, plus getDeleted when its interval has passed.
 */
public final class PollingSource {
    private static final Logger log = LoggerFactory.getLogger(PollingSource.class);

    /**
     * What one object's poll did.
     *
     * @param unchanged       records that came back with none of their scoring inputs changed (echoes of
     *                        Redflag's own writes, or edits of unmapped fields)
     * @param changedAccounts accounts whose scoring inputs changed (already queued for rescoring in the store)
     */
    public record ObjectResult(String entity, boolean full, int read, int written, int rejected, int deleted,
            int calls, int unchanged, Set<String> changedAccounts) {

        /**
         * Whether the CRM had anything new for this object, what makes a poll interval snap back: records whose
         * content changed. The overlap reading the last records again, and Redflag's own writes coming back,
         * bring nothing new.
         */
        public boolean sawChanges() {
            return written > unchanged || !changedAccounts.isEmpty();
        }
    }

    /** History entities and the entity whose changes create their rows. */
    private static final Map<String, String> FOLLOWS = Map.of("accountHistory", "account", "opportunityHistory",
            "opportunity");

    private final CrmReads reads;
    private final IntakeStore store;
    private final Clock clock;
    private final SyncSettings settings;
    private final SyncState state;
    private final PagedRead pages;
    private final DeletionCheck deletions;
    /** Runs the lanes of {@link #poll}, one object at a time each. */
    private final ExecutorService lanes;

    public PollingSource(CrmReads reads, IntakeStore store, Clock clock, SyncSettings settings, SyncState state) {
        this.reads = reads;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.state = state;
        this.pages = new PagedRead(reads, store,
                Executors.newFixedThreadPool(PagedRead.WRITERS * settings.lanes(), Futures.daemon("crm-sync-writer")),
                Executors.newFixedThreadPool(settings.lanes(), Futures.daemon("crm-sync-reader")));
        this.deletions = new DeletionCheck(reads, store, clock, settings.overlap());
        this.lanes = Executors.newFixedThreadPool(settings.lanes(), Futures.daemon("crm-sync-lane"));
    }

    public SyncState state() {
        return state;
    }

    /**
     * A schedule for this source's objects. History rows only appear when their parent changes, so they
     * follow it: covered by push when it is, polled at once when a push says it changed.
     *
     * @param dailyAllocation the org's daily API allocation as last reported (0 or less: not known yet)
     */
    public PollSchedule schedule(PollSchedule.Settings settings, java.util.function.LongSupplier dailyAllocation) {
        List<String> entities = reads.mapper().entities();
        Map<String, String> parents = new HashMap<>();
        FOLLOWS.forEach((child, parent) -> {
            if (entities.contains(child) && entities.contains(parent)) {
                parents.put(child, parent);
            }
        });
        return new PollSchedule(entities, DeletionCheck.DELETABLE, parents, settings, clock, dailyAllocation);
    }

    /** Polls every mapped object, getDeleted every {@code deletionCheckEvery}. */
    public List<ObjectResult> syncAll() {
        return poll(reads.mapper().entities(), entity -> settings.deletionCheckEvery(), r -> { });
    }

    /**
     * Polls the given entities, {@code lanes} at once: while the CRM serves one object's page, another object's
     * page is mapped and stored. Objects never read before go first, largest first (their COUNT() sizes the
     * progress log anyway), so a big first sync does not end with one lane busy and the others idle. A failure
     * lets the objects already running finish, starts no more and ends the cycle (the next poll resumes from
     * the stored watermarks). Results come in the given order.
     *
     * @param deletionCheckEvery per entity, how long since the last getDeleted makes another one due
     * @param polled             told of each object's result as soon as it is stored (on a lane's thread), so
     *                           that what succeeded counts even when another object fails
     */
    public List<ObjectResult> poll(Collection<String> entities, Function<String, Duration> deletionCheckEvery,
            Consumer<ObjectResult> polled) {
        Map<String, ObjectResult> results = new ConcurrentHashMap<>();
        try {
            Map<String, Integer> totals = new HashMap<>();
            for (String entity : entities) {
                if (state.halted()) {
                    break;
                }
                String object = reads.mapper().object(entity);
                if (store.watermark(object).isEmpty()) {
                    totals.put(entity, reads.count(object));
                }
            }
            List<String> order = new ArrayList<>(entities);
            order.sort(Comparator.comparing((String e) -> -totals.getOrDefault(e, -1)));
            Queue<String> queue = new ConcurrentLinkedQueue<>(order);
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Runnable lane = () -> {
                String entity;
                while (failure.get() == null && !state.halted() && (entity = queue.poll()) != null) {
                    try {
                        ObjectResult result = sync(entity, totals.get(entity), deletionCheckEvery.apply(entity));
                        results.put(entity, result);
                        polled.accept(result);
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
                Futures.await(f, "a sync lane");
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

    /** Polls one object, getDeleted every {@code deletionCheckEvery}. */
    public ObjectResult sync(String entity) {
        return sync(entity, null, settings.deletionCheckEvery());
    }

    /** @param total the records a full read will bring, when already counted (null: count if full) */
    private ObjectResult sync(String entity, Integer total, Duration deletionCheckEvery) {
        String object = reads.mapper().object(entity);
        try {
            ObjectResult result = read(entity, object, total, deletionCheckEvery);
            state.succeeded(object, store.watermark(object).map(Watermark::watermark).orElse(null));
            return result;
        } catch (RuntimeException e) {
            state.failed(object, e.getMessage());
            throw e;
        }
    }

    private ObjectResult read(String entity, String object, Integer total, Duration deletionCheckEvery) {
        var watermark = store.watermark(object);
        boolean full = watermark.isEmpty();
        Instant started = clock.instant();
        String soql = reads.changesSince(entity, watermark.map(w -> w.watermark().minus(settings.overlap()))
                .orElse(null));
        PagedRead.Counts counts = new PagedRead.Counts();
        SyncProgress progress = null;
        IntakePage.Read read = IntakePage.Read.CHANGES;
        if (full) {
            progress = new SyncProgress(object, total != null ? total : reads.count(object), clock, state);
            counts.calls++;
            // A first read into an empty table inserts without looking for stored versions (see IntakePage).
            read = store.isEmpty(entity) ? IntakePage.Read.FULL_INTO_EMPTY : IntakePage.Read.FULL;
        }
        boolean done = pages.run(entity, soql, read, counts, state::halted,
                progress == null ? null : progress::report);
        if (!done) {
            // Paused (or no longer leading) between pages: what is stored is covered by the watermark; the next
            // read, here or on the next leader, goes on from there.
            log.info("Sync of {} stopped between pages after {} records (paused, or this replica no longer leads)",
                    object, counts.read);
            return result(entity, full, counts);
        }
        moveUpTo(entity, object, started.minus(settings.overlap()), read);
        if (full) {
            store.fullReadDone(entity);
        }
        if (full && DeletionCheck.DELETABLE.contains(entity)) {
            // The full read came through queryAll: every deletion still in the recycle bin is already known.
            counts.changed.addAll(store.storeDeletions(entity, List.of(), object,
                    started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        } else if (!full && DeletionCheck.DELETABLE.contains(entity)) {
            deletions.checkIfDue(entity, object, deletionCheckEvery, counts);
        }
        if (counts.rejected > 0) {
            log.warn("Sync of {}: {} records rejected (see above); the rest are stored", object, counts.rejected);
        }
        return result(entity, full, counts);
    }

    /**
     * A read that reached the end has seen every change committed before it started; one committing late
     * carries a stamp at most an overlap older than that. So the watermark may move up to the read's start
     * minus the overlap when the last record is older: otherwise an object whose last change lies far back
     * would have every record of that change's last minutes read again at each poll (a bulk load: thousands),
     * and an empty object would be read in full again.
     */
    private void moveUpTo(String entity, String object, Instant floor, IntakePage.Read read) {
        var current = store.watermark(object);
        if (current.isEmpty() || current.get().watermark().isBefore(floor)) {
            store.store(new IntakePage(entity, List.of(), List.of(), new Watermark(object, floor, ""), read));
        }
    }

    private static ObjectResult result(String entity, boolean full, PagedRead.Counts counts) {
        return new ObjectResult(entity, full, counts.read, counts.written, counts.rejected, counts.deleted,
                counts.calls, counts.unchanged, Set.copyOf(counts.changed));
    }
}
