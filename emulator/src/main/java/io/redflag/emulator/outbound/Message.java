package io.redflag.emulator.outbound;

import java.time.Instant;
import java.util.List;

/**
 * One SOAP message of the queue: its notifications (all of one action), when it was first queued, the
 * attempts so far and when it is next due. Owned by the queue, or by the sender while in flight.
 */
final class Message {
    final long seq;
    final Action action;
    final List<Notification> items;
    final Instant queuedAt;
    final boolean duplicate;
    int attempts;
    Instant dueAt;

    Message(long seq, Action action, List<Notification> items, Instant queuedAt, Instant dueAt, boolean duplicate) {
        this.seq = seq;
        this.action = action;
        this.items = List.copyOf(items);
        this.queuedAt = queuedAt;
        this.dueAt = dueAt;
        this.duplicate = duplicate;
    }
}
