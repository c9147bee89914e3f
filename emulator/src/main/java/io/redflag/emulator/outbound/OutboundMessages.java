package io.redflag.emulator.outbound;

import io.redflag.emulator.EmulatedTime;
import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.store.Change;
import io.redflag.emulator.store.Commit;
import io.redflag.emulator.store.Ids;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The org's Outbound Message actions: configure rules, switch delivery faults on, read per-endpoint stats
 * and wait for the queue to drain. {@code emulator.outboundMessages()} gives the running org's.
 */
public final class OutboundMessages implements AutoCloseable {
    /** Notifications queued within this real time of the first one go out together. */
    static final Duration GATHER = Duration.ofMillis(50);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Schema schema;
    private final String organizationId;
    private final Supplier<String> baseUrl;
    private final Ids ids = new Ids();
    private final EmulatedTime time;
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private final OutboundQueue queue;
    private final Delivery delivery = new Delivery(DEFAULT_TIMEOUT);
    private final Dispatcher dispatcher;

    /**
     * @param baseUrl       the emulator's base URL, read at sending time (for EnterpriseUrl and PartnerUrl)
     * @param sessionIssuer a new session id of the run-as user, for rules that send one
     */
    public OutboundMessages(OrgStore store, Clock clock, String organizationId, Supplier<String> baseUrl,
            Supplier<String> sessionIssuer, List<OutboundRule> rules, double timeScale) {
        this.schema = store.schema();
        this.organizationId = organizationId;
        this.baseUrl = baseUrl;
        this.time = new EmulatedTime(clock, timeScale);
        this.queue = new OutboundQueue(time, RetryPolicy.SALESFORCE, GATHER, this::counters);
        rules(rules);
        this.dispatcher = new Dispatcher(queue, store, delivery, this::counters, this::header, sessionIssuer);
    }

    /** Puts these rules in force instead of the current ones (messages already queued still go out). */
    public void rules(List<OutboundRule> rules) {
        List<Action> resolved = new ArrayList<>();
        for (OutboundRule rule : rules) {
            resolved.add(new Action(rule.resolve(schema), ids.next("04k")));
        }
        actions.clear();
        actions.addAll(resolved);
    }

    /** Adds one rule to those in force. */
    public void addRule(OutboundRule rule) {
        actions.add(new Action(rule.resolve(schema), ids.next("04k")));
    }

    public List<OutboundRule> rules() {
        return actions.stream().map(Action::rule).toList();
    }

    /** The action id (prefix 04k) of each rule in force, by the rule's command-line form. */
    public Map<String, String> actionIds() {
        Map<String, String> out = new LinkedHashMap<>();
        actions.forEach(a -> out.put(a.rule().describe(), a.actionId()));
        return out;
    }

    public double timeScale() {
        return time.scale();
    }

    /** Emulated time runs this many times faster than real time (1 = the org's clock as it is). */
    public void timeScale(double scale) {
        time.scale(scale);
    }

    /** The queue's current emulated time. */
    public Instant now() {
        return time.now();
    }

    public OutboundFaults faults() {
        return queue.faults();
    }

    public void faults(OutboundFaults faults) {
        queue.faults(faults);
    }

    /** How long a listener has to answer (real time); Salesforce allows 60 seconds. */
    public void deliveryTimeout(Duration timeout) {
        delivery.timeout(timeout);
    }

    /** Counts by endpoint URL. */
    public Map<String, EndpointStats> stats() {
        Map<String, EndpointStats> out = new TreeMap<>();
        counters.forEach((endpoint, c) -> out.put(endpoint, c.snapshot()));
        return out;
    }

    public EndpointStats stats(URI endpoint) {
        return counters(endpoint.toString()).snapshot();
    }

    /** Messages waiting for an attempt: endpoint, notifications, attempts, queuedAt, nextAttemptAt. */
    public List<Map<String, Object>> waiting() {
        return queue.waiting();
    }

    /** When the earliest waiting message is next tried (emulated time), or null when none waits. */
    public Instant nextAttemptAt() {
        return queue.nextDue();
    }

    /**
     * Returns once no notification is queued, no message waits for an attempt and none is in flight.
     *
     * @throws IllegalStateException after the timeout, saying what is left
     */
    public void awaitIdle(Duration timeout) {
        try {
            queue.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for outbound messages", e);
        }
    }

    /** All rules off and the queue dropped (counters stay). */
    public void clear() {
        actions.clear();
        queue.clear();
    }

    /**
     * Queues one notification per action on the object of each record a transaction created or updated
     * (deletes and undeletes fire no Outbound Message): a commit listener of the org's store.
     */
    public void committed(Commit commit) {
        for (Change change : commit.changes()) {
            if (change.kind() == Change.Kind.CREATE || change.kind() == Change.Kind.UPDATE) {
                committed(change.after());
            }
        }
    }

    private void committed(SRecord record) {
        if (actions.isEmpty()) {
            return;
        }
        List<Notification> out = new ArrayList<>();
        for (Action a : actions) {
            if (a.rule().object().equals(record.type().name())) {
                out.add(new Notification(a, ids.next("04l"), record.type().name(), record.id()));
            }
        }
        if (!out.isEmpty()) {
            queue.add(out);
        }
    }

    /** Everything at once, for the control API. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Action a : actions) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("object", a.rule().object());
            r.put("fields", a.rule().fields());
            r.put("endpoint", a.rule().endpoint().toString());
            r.put("sendSessionId", a.rule().sendSessionId());
            r.put("actionId", a.actionId());
            rules.add(r);
        }
        out.put("rules", rules);
        out.put("timeScale", time.scale());
        out.put("now", time.now().toString());
        out.put("faults", queue.faults());
        out.put("stats", stats());
        out.put("waiting", waiting());
        return out;
    }

    @Override
    public void close() {
        dispatcher.close();
    }

    private Counters counters(String endpoint) {
        return counters.computeIfAbsent(endpoint, k -> new Counters());
    }

    private NotificationXml.Header header() {
        String org15 = organizationId.substring(0, 15);
        String base = baseUrl.get();
        return new NotificationXml.Header(organizationId, null, null, base + "/services/Soap/c/65.0/" + org15,
                base + "/services/Soap/u/65.0/" + org15);
    }
}
