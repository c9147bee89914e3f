package io.redflag.connector.intake;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One query of one object, page by page, in three overlapping stages: a reader thread fetches the next page
 * from the CRM while up to {@value #WRITERS} writer threads each map and store a page; a page's transaction
 * waits for the previous page's commit before it moves the watermark, so commits keep the pages' order and
 * the watermark never covers a page that is not stored.
 */
final class PagedRead {
    /** Pages stored at once per object: one writing its rows while the one before commits. */
    static final int WRITERS = 2;

    /** What the read did, page by page. */
    static final class Counts {
        int read;
        int written;
        int rejected;
        int deleted;
        int calls;
        int unchanged;
        final Set<String> changed = new LinkedHashSet<>();
    }

    private final CrmReads reads;
    private final IntakeStore store;
    private final ExecutorService writers;
    private final ExecutorService reader;

    PagedRead(CrmReads reads, IntakeStore store, ExecutorService writers, ExecutorService reader) {
        this.reads = reads;
        this.store = store;
        this.writers = writers;
        this.reader = reader;
    }

    /**
     * Reads {@code soql} to its end (or until {@code paused} says stop between pages) and stores every page.
     *
     * @param read     how the pages are to be stored
     * @param progress told the records read so far after each page, or null
     * @return whether the read reached the end
     */
    boolean run(String entity, String soql, IntakePage.Read read, Counts counts, BooleanSupplier paused,
            java.util.function.IntConsumer progress) {
        String object = reads.mapper().object(entity);
        QueryResult page = reads.queryAll(object, soql);
        counts.calls++;
        // Pages being stored, oldest first: up to WRITERS at once, committed in page order.
        Deque<Storing> storing = new ArrayDeque<>();
        Future<QueryResult> next = null;
        try {
            while (true) {
                // Read the next page while this one is mapped and stored: the CRM and the database work at once.
                next = page.isDone() || paused.getAsBoolean() ? null : readMore(object, page.getQueryLocator());
                if (storing.size() == WRITERS) {
                    finish(storing.pollFirst(), counts, progress);
                }
                storing.addLast(store(entity, object, page, read, storing.peekLast()));
                if (next == null) {
                    break;
                }
                page = Futures.await(next, "reading the next page");
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
        return page.isDone();
    }

    private Future<QueryResult> readMore(String object, String locator) {
        return reader.submit(() -> reads.queryMore(object, locator));
    }

    /** A page on its way into the store: its record ids, and, once committed, the page mapped and what it did. */
    private record Storing(Set<String> ids, CompletableFuture<Stored> result) {
    }

    private record Stored(MappedPage page, StoredPage result) {
    }

    /**
     * Maps and stores a page on a writer thread while the previous page may still be in its transaction. A
     * page that shares a record with the previous one (a record changed during the read comes twice) starts
     * only after that one committed, so neither waits for the other's row locks.
     */
    private Storing store(String entity, String object, QueryResult result, IntakePage.Read read, Storing previous) {
        Set<String> ids = new HashSet<>();
        for (SObject r : result.getRecords()) {
            if (r.getId() != null) {
                ids.add(r.getId());
            }
        }
        CompletableFuture<?> before = previous == null ? null : previous.result();
        Supplier<Stored> work = () -> {
            MappedPage page = MappedPage.of(reads.mapper(), entity, result.getRecords());
            if (page.last() == null) {
                return new Stored(page, StoredPage.NOTHING);
            }
            Instant stamp = page.last().modifiedAt();
            Watermark position = stamp == null ? null : new Watermark(object, stamp, page.last().id());
            return new Stored(page, store.store(new IntakePage(entity, page.records(), page.deleted(), position,
                    read), before));
        };
        CompletableFuture<Stored> stored = before != null && !Collections.disjoint(previous.ids(), ids)
                ? before.handle((r, e) -> null).thenApplyAsync(x -> work.get(), writers)
                : CompletableFuture.supplyAsync(work, writers);
        return new Storing(ids, stored);
    }

    /** Waits for a page's commit and counts it. */
    private static void finish(Storing s, Counts counts, java.util.function.IntConsumer progress) {
        Stored done;
        try {
            done = s.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        StoredPage stored = done.result();
        counts.read += done.page().read();
        counts.rejected += done.page().rejected();
        counts.written += stored.written();
        counts.unchanged += stored.unchanged();
        counts.changed.addAll(stored.changedAccounts());
        counts.deleted += done.page().deleted().size();
        if (progress != null) {
            progress.accept(counts.read);
        }
    }
}
