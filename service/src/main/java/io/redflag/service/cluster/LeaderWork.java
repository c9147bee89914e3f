package io.redflag.service.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The one seam for the work only the leader does: intake (polls, stored notifications, any push source),
 * scoring rounds and write-back. Each piece of work runs through {@link #run} (skipped on a replica that does
 * not lead) and asks {@link #mayGoOn()} at its safe points (between pages, between batches of accounts, between
 * write chunks), so leadership lost stops it there within seconds. Before an irreversible CRM write,
 * {@link #confirmed()} asks the lock table itself, so a leader that was paused longer than its lease and has
 * not noticed yet writes nothing.
 *
 * <p>On shutdown (SIGTERM) this stops before the leader initiator: no new work starts, the work in hand reaches
 * its next safe point (waited for up to the shutdown timeout), and only then is the lock released (and its release
 * awaited, before the web server and the database pool close), so the next leader never overlaps this one's last
 * page and takes over without waiting for the lease to run out.
 */
public final class LeaderWork implements SmartLifecycle {
    /** Stops before {@link org.springframework.integration.support.leader.LockRegistryLeaderInitiator} (MAX - 1000). */
    static final int PHASE = Integer.MAX_VALUE - 500;
    private static final Logger log = LoggerFactory.getLogger(LeaderWork.class);

    /** How long a shutdown waits for the released lock's row to be deleted (one statement). */
    static final Duration RELEASE_WITHIN = Duration.ofSeconds(5);

    private final Leadership leadership;
    private final BooleanSupplier lockHeld;
    private final Runnable release;
    private final Duration stopWithin;
    private final Object inFlightChanged = new Object();
    private int inFlight;
    private volatile boolean running;

    /**
     * @param lockHeld   whether the lock table still names this replica as the holder of an unexpired lock
     * @param release    stops competing for leadership and releases the lock (the leader initiator's stop)
     * @param stopWithin how long a shutdown waits for the work in hand to reach a safe point
     */
    public LeaderWork(Leadership leadership, BooleanSupplier lockHeld, Runnable release, Duration stopWithin) {
        this.leadership = leadership;
        this.lockHeld = lockHeld;
        this.release = release;
        this.stopWithin = stopWithin;
    }

    /** Whether leader-only work may start or go on past a safe point: this replica leads and is not stopping. */
    public boolean mayGoOn() {
        return running && leadership.isLeader();
    }

    /** {@link #mayGoOn()}, and the lock table agrees (one query): asked before writing to the CRM. */
    public boolean confirmed() {
        if (!mayGoOn()) {
            return false;
        }
        boolean held = lockHeld.getAsBoolean();
        if (!held) {
            log.warn("Replica {} believed it led, but the lock table says its lease ran out: it writes nothing more"
                    + " until leadership is granted again", leadership.replica());
        }
        return held;
    }

    /** Runs {@code work} when this replica may (null otherwise), counted so that shutdown can wait for it. */
    public <T> T run(Supplier<T> work) {
        synchronized (inFlightChanged) {
            if (!mayGoOn()) {
                return null;
            }
            inFlight++;
        }
        try {
            return work.get();
        } finally {
            synchronized (inFlightChanged) {
                inFlight--;
                inFlightChanged.notifyAll();
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Lets no more work start, waits until the work in hand has stopped at a safe point, then releases the lock
     * and waits until it is released (the initiator releases it on a thread of its own): so the next leader
     * takes over at once, and never while this one still writes.
     */
    @Override
    public void stop() {
        awaitSafePoint();
        release.run();
        try {
            if (!leadership.awaitRevoked(RELEASE_WITHIN)) {
                log.warn("Replica {} could not release its lock within {}: another replica takes over once its"
                        + " lease has run out", leadership.replica(), RELEASE_WITHIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitSafePoint() {
        running = false;
        long deadline = System.nanoTime() + stopWithin.toNanos();
        synchronized (inFlightChanged) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Replica {} stops with work still running after {}: it is abandoned (nothing of it"
                            + " is committed past its last safe point)", leadership.replica(), stopWithin);
                    return;
                }
                try {
                    inFlightChanged.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        log.info("Replica {} stopped its leader work at a safe point", leadership.replica());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
