package io.redflag.emulator.pubsub;

import io.redflag.emulator.EmulatedTime;
import io.redflag.pubsub.v1.ProducerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The org's change event stream: every event in the order it was published, each with a replay id, kept for
 * the retention period (72 hours of emulated time) and then purged. Replay ids grow but are not contiguous
 * (Salesforce: "Replay ID values aren't guaranteed to be contiguous"), so that a client that computes one
 * instead of storing it fails here as it would there.
 */
final class EventBus {
    static final Duration RETENTION = Duration.ofHours(72);

    /** A published event. */
    record Stored(long replayId, String entity, ProducerEvent event, Instant storedAt) {
    }

    /** A read: the events found and the position read through (every matching event up to it is in events). */
    record Batch(List<Stored> events, long through) {
    }

    /** An event to publish. */
    record Outgoing(String entity, ProducerEvent event) {
    }

    private final EmulatedTime time;
    private final List<Stored> events = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long latest;
    /** Every event up to this replay id has been purged (0: none yet). */
    private long purgedThrough;
    private long published;
    private long commitNumber = 1_000_000;

    EventBus(EmulatedTime time) {
        this.time = time;
    }

    /** Runs {@code listener} after each publish (outside the bus's lock). */
    void onPublish(Runnable listener) {
        listeners.add(listener);
    }

    /** Publishes events together, in order; returns them with their replay ids. */
    List<Stored> publish(List<Outgoing> outgoing) {
        List<Stored> out = new ArrayList<>();
        synchronized (this) {
            purgeExpired();
            Instant now = time.now();
            for (Outgoing o : outgoing) {
                published++;
                latest += 1 + published % 3;
                Stored s = new Stored(latest, o.entity(), o.event(), now);
                events.add(s);
                out.add(s);
            }
        }
        listeners.forEach(Runnable::run);
        return out;
    }

    /** The next commit number (the header's commitNumber: ascending, one per transaction). */
    synchronized long nextCommitNumber() {
        return ++commitNumber;
    }

    /**
     * Up to {@code max} events after {@code position} whose object {@code wanted} accepts. Events of other
     * objects are read through, so the position moves past them even when no event is wanted.
     */
    synchronized Batch after(long position, int max, Predicate<String> wanted) {
        purgeExpired();
        List<Stored> found = new ArrayList<>();
        long through = position;
        for (int i = firstAfter(position); i < events.size(); i++) {
            Stored s = events.get(i);
            if (wanted.test(s.entity())) {
                if (found.size() == max) {
                    break;
                }
                found.add(s);
            }
            through = s.replayId();
        }
        return new Batch(found, through);
    }

    /** The replay id of the newest event (0 before the first). */
    synchronized long latest() {
        return latest;
    }

    /** Where EARLIEST starts: just before the oldest event retained. */
    synchronized long earliest() {
        purgeExpired();
        return purgedThrough;
    }

    /**
     * Whether a subscription can resume after {@code replayId}: it names an event the bus still holds (or is 0,
     * the start, while nothing has been purged). A replay id older than the retention window, or one never
     * published, is not one.
     */
    synchronized boolean resumable(long replayId) {
        purgeExpired();
        if (replayId == 0 && purgedThrough == 0) {
            return true;
        }
        int i = firstAfter(replayId - 1);
        return i < events.size() && events.get(i).replayId() == replayId;
    }

    /** Purges every event stored before {@code cutoff} (emulated time), as retention does; returns how many. */
    synchronized int purgeBefore(Instant cutoff) {
        int n = 0;
        while (n < events.size() && events.get(n).storedAt().isBefore(cutoff)) {
            n++;
        }
        if (n > 0) {
            purgedThrough = events.get(n - 1).replayId();
            events.subList(0, n).clear();
        }
        return n;
    }

    synchronized int retained() {
        purgeExpired();
        return events.size();
    }

    synchronized long publishedCount() {
        return published;
    }

    Instant now() {
        return time.now();
    }

    private void purgeExpired() {
        purgeBefore(time.now().minus(RETENTION));
    }

    /** Index of the first event with a replay id above {@code position}. */
    private int firstAfter(long position) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).replayId() <= position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
