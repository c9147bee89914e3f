package io.redflag.emulator.outbound;

import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background sender: takes due messages from the queue one at a time, fills them with the records'
 * latest data, POSTs them and settles the outcome, applying the lost-ack and duplicate faults.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final OutboundQueue queue;
    private final OrgStore store;
    private final Delivery delivery;
    private final Function<String, Counters> counters;
    private final Supplier<NotificationXml.Header> header;
    private final Supplier<String> sessionIssuer;
    private final Thread thread;
    private volatile boolean running = true;

    Dispatcher(OutboundQueue queue, OrgStore store, Delivery delivery, Function<String, Counters> counters,
            Supplier<NotificationXml.Header> header, Supplier<String> sessionIssuer) {
        this.queue = queue;
        this.store = store;
        this.delivery = delivery;
        this.counters = counters;
        this.header = header;
        this.sessionIssuer = sessionIssuer;
        this.thread = new Thread(this::run, "emulator-outbound");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                Message m = queue.take(POLL_NANOS);
                if (m != null) {
                    attempt(m);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Outbound message dispatch failed", e);
            }
        }
    }

    private void attempt(Message m) {
        boolean ack = false;
        boolean duplicate = false;
        try {
            OutboundRule rule = m.action.rule();
            m.attempts++;
            byte[] body = NotificationXml.envelope(header(m), rule.fields(), items(m));
            counters.apply(rule.endpoint().toString()).sent.increment();
            Delivery.Outcome outcome = delivery.post(rule.endpoint(), body);
            ack = outcome.acknowledged();
            if (ack && queue.draw(queue.faults().lostAckShare())) {
                counters.apply(rule.endpoint().toString()).lostAcks.increment();
                ack = false;
            } else if (ack) {
                duplicate = queue.draw(queue.faults().duplicateShare());
            } else {
                log.debug("Outbound message to {} not acknowledged (attempt {}): {}", rule.endpoint(), m.attempts,
                        outcome.reason());
            }
        } finally {
            queue.settle(m, ack, duplicate);
        }
    }

    private NotificationXml.Header header(Message m) {
        NotificationXml.Header h = header.get();
        String session = m.action.rule().sendSessionId() ? sessionIssuer.get() : null;
        return new NotificationXml.Header(h.organizationId(), m.action.actionId(), session, h.enterpriseUrl(),
                h.partnerUrl());
    }

    /** Each notification with its record as it is now: a message carries the latest data, not a snapshot. */
    private List<NotificationXml.Item> items(Message m) {
        List<NotificationXml.Item> out = new ArrayList<>(m.items.size());
        for (Notification n : m.items) {
            SRecord latest = store.get(n.recordId());
            out.add(new NotificationXml.Item(n.id(), n.object(), n.recordId(),
                    latest == null || latest.isDeleted() ? null : latest));
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
