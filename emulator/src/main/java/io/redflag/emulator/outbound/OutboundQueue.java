package io.redflag.emulator.outbound;

import io.redflag.emulator.EmulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Notifications waiting to be batched, and messages waiting for their next attempt. Notifications of one
 * action queued close together (within the gather window, or 100 of them) become one message; a failed
 * message is tried again on the {@link RetryPolicy}'s schedule, with the same notification ids, until it is
 * acknowledged or 24 hours old. Everything happens under one lock; the {@link Dispatcher} sends outside it.
 */
final class OutboundQueue {
    static final int MAX_PER_MESSAGE = 100;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final EmulatedTime time;
    private final RetryPolicy policy;
    private final Function<String, Counters> counters;
    private final long gatherNanos;
    private final List<Notification> pending = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private long firstPendingNanos;
    private long seq;
    private int inFlight;
    private OutboundFaults faults = OutboundFaults.NONE;
    private SplittableRandom random = faults.newRandom();

    OutboundQueue(EmulatedTime time, RetryPolicy policy, Duration gather, Function<String, Counters> counters) {
        this.time = time;
        this.policy = policy;
        this.gatherNanos = gather.toNanos();
        this.counters = counters;
    }

    void faults(OutboundFaults f) {
        lock.lock();
        try {
            faults = f;
            random = f.newRandom();
        } finally {
            lock.unlock();
        }
    }

    OutboundFaults faults() {
        return faults;
    }

    /** True with the given probability, from the seeded generator. */
    boolean draw(double share) {
        lock.lock();
        try {
            return share > 0 && (share >= 1 || random.nextDouble() < share);
        } finally {
            lock.unlock();
        }
    }

    void add(List<Notification> notifications) {
        lock.lock();
        try {
            if (pending.isEmpty()) {
                firstPendingNanos = System.nanoTime();
            }
            pending.addAll(notifications);
            for (Notification n : notifications) {
                counters.apply(n.action().rule().endpoint().toString()).queued.increment();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next message to send, taken out of the queue and counted in flight; null if nothing is due after
     * waiting at most {@code maxWaitNanos}. Messages 24 hours old are dropped on the way.
     */
    Message take(long maxWaitNanos) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + maxWaitNanos;
            while (true) {
                long gatherLeft = formMessages();
                Instant now = time.now();
                Message next = null;
                List<Message> due = new ArrayList<>();
                Instant earliest = null;
                for (Message m : messages) {
                    if (!m.dueAt.isAfter(now)) {
                        due.add(m);
                    } else if (earliest == null || m.dueAt.isBefore(earliest)) {
                        earliest = m.dueAt;
                    }
                }
                if (!due.isEmpty()) {
                    next = faults.reorder() ? due.get(random.nextInt(due.size())) : due.get(0);
                    messages.remove(next);
                    if (policy.expired(next.queuedAt, now)) {
                        counters.apply(next.action.rule().endpoint().toString()).dropped.increment();
                        changed.signalAll();
                        continue;
                    }
                    inFlight++;
                    return next;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                long wait = left;
                if (earliest != null) {
                    wait = Math.min(wait, Math.max(1, time.realNanosUntil(earliest)));
                }
                if (gatherLeft > 0) {
                    wait = Math.min(wait, gatherLeft);
                }
                changed.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Settles an attempt: acknowledged messages leave, failed ones are scheduled again (or dropped). */
    void settle(Message m, boolean acknowledged, boolean duplicateIt) {
        lock.lock();
        try {
            inFlight--;
            Counters c = counters.apply(m.action.rule().endpoint().toString());
            Instant now = time.now();
            if (acknowledged) {
                c.acknowledged.increment();
                if (duplicateIt && !m.duplicate) {
                    c.duplicated.increment();
                    messages.add(new Message(++seq, m.action, m.items, now, now, true));
                }
            } else {
                c.retried.increment();
                Instant next = now.plus(policy.delayAfter(m.attempts));
                Instant dropAt = m.queuedAt.plus(policy.maxAge());
                m.dueAt = next.isBefore(dropAt) ? next : dropAt;
                messages.add(m);
                messages.sort((a, b) -> Long.compare(a.seq, b.seq));
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Empties the queue: pending notifications and waiting messages are forgotten. */
    void clear() {
        lock.lock();
        try {
            pending.clear();
            messages.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing is pending, waiting or in flight. */
    void awaitIdle(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!pending.isEmpty() || !messages.isEmpty() || inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("outbound messages not idle after " + timeout + ": "
                            + pending.size() + " notifications not yet in a message, " + messages.size()
                            + " messages waiting (next due " + nextDue() + "), " + inFlight + " in flight");
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The messages waiting for an attempt, in queue order. */
    List<Map<String, Object>> waiting() {
        lock.lock();
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Message m : messages) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("endpoint", m.action.rule().endpoint().toString());
                v.put("notifications", m.items.size());
                v.put("attempts", m.attempts);
                v.put("queuedAt", m.queuedAt.toString());
                v.put("nextAttemptAt", m.dueAt.toString());
                out.add(v);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** When the earliest waiting message is due, or null. */
    Instant nextDue() {
        lock.lock();
        try {
            return messages.stream().map(m -> m.dueAt).min(Instant::compareTo).orElse(null);
        } finally {
            lock.unlock();
        }
    }

    /** Turns pending notifications into messages once the gather window has passed; the nanos still left. */
    private long formMessages() {
        if (pending.isEmpty()) {
            return 0;
        }
        long left = gatherNanos - (System.nanoTime() - firstPendingNanos);
        if (left > 0 && pending.size() < MAX_PER_MESSAGE) {
            return left;
        }
        List<Notification> all = new ArrayList<>(pending);
        pending.clear();
        if (faults.reorder()) {
            Collections.shuffle(all, new java.util.Random(random.nextLong()));
        }
        Map<String, List<Notification>> byAction = new TreeMap<>();
        for (Notification n : all) {
            byAction.computeIfAbsent(n.action().actionId(), k -> new ArrayList<>()).add(n);
        }
        Instant now = time.now();
        Instant due = now.plusMillis(faults.delayMillis());
        for (List<Notification> list : byAction.values()) {
            for (int from = 0; from < list.size(); from += MAX_PER_MESSAGE) {
                List<Notification> chunk = list.subList(from, Math.min(list.size(), from + MAX_PER_MESSAGE));
                messages.add(new Message(++seq, chunk.get(0).action(), chunk, now, due, false));
            }
        }
        return 0;
    }
}
