package io.redflag.connector.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * The store's side of intake (the service implements it): pages go in with their position in one
 * transaction, and sources read their positions back.
 */
public interface IntakeStore {

    /**
     * Stores a page and, in the same transaction, its position and the accounts whose inputs changed.
     * Records older than the stored version are skipped; storing a page twice writes nothing new.
     *
     * @param previous the previous page of the same read, still committing, or null: the rows are written
     *                 at once, then this transaction waits for {@code previous} before it moves the position
     *                 and commits, so commits keep the pages' order. The two pages must not share a record id.
     *                 A failed previous page fails this one too.
     */
    StoredPage store(IntakePage page, Future<?> previous);

    /** As {@link #store(IntakePage, Future)} with nothing before it. */
    default StoredPage store(IntakePage page) {
        return store(page, null);
    }

    Optional<Watermark> watermark(String object);

    /** Whether no row of the entity was ever stored (deleted ones included). */
    boolean isEmpty(String entity);

    /** Records deletions that getDeleted found and how far it has read, in one transaction. */
    Set<String> storeDeletions(String entity, Collection<String> ids, String object, Instant covered);

    /** Forgets an object's watermark: its next read is a full one. */
    void forgetWatermark(String object);

    /**
     * A full read of the entity reached its end: the store may bring what it knows about the table up to date
     * (PostgreSQL's planner statistics, after a bulk load).
     */
    void fullReadDone(String entity);

    /** Of these notification ids, the ones not stored yet. */
    Set<String> unseenNotifications(Collection<String> ids);
}
