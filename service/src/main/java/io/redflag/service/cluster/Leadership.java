package io.redflag.service.cluster;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;

/**
 * This replica as a candidate for leadership ({@link org.springframework.integration.support.leader
 * .LockRegistryLeaderInitiator} calls it from its own thread), and whether it leads now. The log lines
 * "Leadership granted to replica …" and "Leadership revoked from replica …" are a contract: the chaos tests time
 * takeovers from them.
 */
public final class Leadership implements Candidate {
    /** The role, and so the lock's key: one leader per store. */
    static final String ROLE = "redflag-leader";
    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final String replica;
    private final Clock clock;
    private volatile Instant since;

    public Leadership(String replica, Clock clock) {
        this.replica = replica;
        this.clock = clock;
    }

    public boolean isLeader() {
        return since != null;
    }

    /** When this replica became the leader; null while it does not lead. */
    public Instant leaderSince() {
        return since;
    }

    public String replica() {
        return replica;
    }

    @Override
    public String getRole() {
        return ROLE;
    }

    @Override
    public String getId() {
        return replica;
    }

    @Override
    public void onGranted(Context context) {
        since = clock.instant();
        log.info("Leadership granted to replica {}: it runs intake, scoring and write-back", replica);
    }

    /** Waits until this replica does not lead (its lock released), at most {@code patience}; whether it stopped. */
    synchronized boolean awaitRevoked(java.time.Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (since != null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    @Override
    public void onRevoked(Context context) {
        Instant was;
        synchronized (this) {
            was = since;
            since = null;
            notifyAll();
        }
        if (was == null) {
            return; // the initiator stopped before this replica ever led
        }
        log.info("Leadership revoked from replica {}: its intake, scoring and write-back stop at the next safe"
                + " point", replica);
    }
}
