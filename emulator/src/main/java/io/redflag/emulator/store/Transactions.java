package io.redflag.emulator.store;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The org's transactions: which thread is in one, what it has stored so far, and who hears of it when it
 * commits. Commits reach the listeners one at a time, in the order they ended, after the store's write lock is
 * released (a listener may read the store).
 */
final class Transactions {
    private static final Logger log = LoggerFactory.getLogger(Transactions.class);

    private final Clock clock;
    private final List<Consumer<Commit>> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Open> open = new ThreadLocal<>();
    private final Object deliveryLock = new Object();

    Transactions(Clock clock) {
        this.clock = clock;
    }

    /** The changes of one thread's open transaction. */
    private static final class Open {
        private final List<Change> changes = new ArrayList<>();
        private WriteContext context;
    }

    <T> T run(Supplier<T> work) {
        Open tx = open.get();
        boolean outermost = tx == null;
        if (outermost) {
            tx = new Open();
            open.set(tx);
        }
        try {
            return work.get();
        } finally {
            if (outermost) {
                open.remove();
                publish(tx);
            }
        }
    }

    /** Called by each write of the open transaction: the first one's context is the transaction's. */
    void writing(WriteContext ctx) {
        Open tx = open.get();
        if (tx != null && tx.context == null) {
            tx.context = ctx;
        }
    }

    /** A record version stored by the current thread; part of its open transaction if it has one. */
    void stored(SRecord before, SRecord after) {
        Open tx = open.get();
        if (tx != null) {
            tx.changes.add(new Change(before, after));
        }
    }

    void addListener(Consumer<Commit> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<Commit> listener) {
        listeners.remove(listener);
    }

    private void publish(Open tx) {
        if (tx.changes.isEmpty()) {
            return;
        }
        synchronized (deliveryLock) {
            Commit commit = new Commit(tx.changes, tx.context, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            for (Consumer<Commit> listener : listeners) {
                try {
                    listener.accept(commit);
                } catch (RuntimeException e) {
                    log.error("A commit listener failed on a commit of {} changes", commit.changes().size(), e);
                }
            }
        }
    }
}
