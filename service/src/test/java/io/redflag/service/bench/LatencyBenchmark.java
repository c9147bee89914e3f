package io.redflag.service.bench;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Change → risk field written: against a running org and a running service, makes {@code changes} changes
 * that move a score (a new high-priority, escalated Case on an account with no open case), spaced at random
 * (exponential gaps, mean {@code gapMillis}), and times each until the account's Health_Scored_At__c moves.
 * Prints p50, p95 and the maximum. Run by scripts/bench-latency.sh.
 */
public final class LatencyBenchmark {

    private record Change(String account, String before, long madeNanos) {
    }

    public static void main(String[] args) throws Exception {
        String org = args[0];
        int changes = Integer.parseInt(args[1]);
        long gapMillis = Long.parseLong(args[2]);
        long timeoutMillis = Long.parseLong(args[3]);
        SalesforceSession session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(org),
                "redflag-demo-client", "redflag-demo-secret"), Clock.systemUTC());
        Set<String> withOpenCases = new HashSet<>();
        for (SObject c : queryAll(session, "SELECT AccountId FROM Case WHERE IsClosed = false")) {
            withOpenCases.add((String) c.getField("AccountId"));
        }
        List<String> accounts = new ArrayList<>();
        for (SObject a : queryAll(session, "SELECT Id FROM Account")) {
            if (!withOpenCases.contains(a.getId())) {
                accounts.add(a.getId());
            }
        }
        Collections.shuffle(accounts, new Random(1));
        accounts = accounts.subList(0, Math.min(changes, accounts.size()));
        System.out.printf("%d changes on accounts without an open case, mean gap %d ms%n", accounts.size(), gapMillis);

        Map<String, Change> pending = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> timedOut = Collections.synchronizedList(new ArrayList<>());
        Thread watcher = new Thread(() -> watch(session, pending, latencies, timedOut, timeoutMillis));
        watcher.setDaemon(true);
        watcher.start();
        Random gaps = new Random(7);
        for (String account : accounts) {
            String before = scoredAt(session, Set.of(account)).get(account);
            SObject complaint = new SObject("Case");
            complaint.setField("AccountId", account);
            complaint.setField("Subject", "Outage: production down");
            complaint.setField("Priority", "High");
            complaint.setField("IsEscalated", "true");
            complaint.setField("Status", "New");
            // As another integration's write: the session names Redflag in every call's CallOptions, and a change
            // stream leaves Redflag's own writes out.
            if (!session.call(c -> {
                c.setCallOptions("LatencyBenchmark", null);
                return c.create(new SObject[] {complaint});
            })[0].isSuccess()) {
                throw new IllegalStateException("the Case could not be created on " + account);
            }
            pending.put(account, new Change(account, before, System.nanoTime()));
            Thread.sleep((long) (-gapMillis * Math.log(1 - gaps.nextDouble())));
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000 + 5_000_000_000L;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Long> sorted = latencies.stream().sorted().collect(Collectors.toList());
        if (sorted.isEmpty()) {
            System.out.println("no risk field moved");
            return;
        }
        System.out.printf("moved %d of %d (timed out: %d, still pending: %d): p50 %.2f s, p95 %.2f s, max %.2f s%n",
                sorted.size(), accounts.size(), timedOut.size(), pending.size(), percentile(sorted, 50) / 1e3,
                percentile(sorted, 95) / 1e3, sorted.get(sorted.size() - 1) / 1e3);
    }

    /** Every 250 ms, one query for the pending accounts' Health_Scored_At__c. */
    private static void watch(SalesforceSession session, Map<String, Change> pending, List<Long> latencies,
            List<String> timedOut, long timeoutMillis) {
        while (true) {
            try {
                Thread.sleep(250);
                if (pending.isEmpty()) {
                    continue;
                }
                Map<String, String> now = scoredAt(session, Set.copyOf(pending.keySet()));
                long t = System.nanoTime();
                for (Change c : List.copyOf(pending.values())) {
                    String value = now.get(c.account());
                    if (value != null && !value.equals(c.before())) {
                        latencies.add((t - c.madeNanos()) / 1_000_000);
                        pending.remove(c.account());
                    } else if ((t - c.madeNanos()) / 1_000_000 > timeoutMillis) {
                        timedOut.add(c.account());
                        pending.remove(c.account());
                    }
                }
            } catch (Exception e) {
                System.out.println("watcher: " + e);
            }
        }
    }

    private static Map<String, String> scoredAt(SalesforceSession session, Set<String> accounts) throws Exception {
        String in = accounts.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
        Map<String, String> out = new java.util.HashMap<>();
        for (SObject a : queryAll(session, "SELECT Id, Health_Scored_At__c FROM Account WHERE Id IN (" + in + ")")) {
            Object v = a.getField("Health_Scored_At__c");
            out.put(a.getId(), v == null ? "" : v.toString());
        }
        return out;
    }

    private static List<SObject> queryAll(SalesforceSession session, String soql) throws Exception {
        List<SObject> out = new ArrayList<>();
        var page = session.call(c -> c.query(soql));
        out.addAll(List.of(page.getRecords()));
        while (!page.isDone()) {
            String locator = page.getQueryLocator();
            page = session.call(c -> c.queryMore(locator));
            out.addAll(List.of(page.getRecords()));
        }
        return out;
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
