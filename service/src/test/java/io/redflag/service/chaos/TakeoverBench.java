package io.redflag.service.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.service.store.Databases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Benchmark, not part of the chaos suite (scripts/bench-takeover.sh runs it): takeover times over
 * {@code chaos.kills} (10) kill -9s of the leader (three replicas; each killed one replaced by a new one) with
 * reps changing the org between them, then the chaos
 * checks against the fault-free run; and the initial sync's throughput with one replica and with two (one
 * reading, one following), each on a fresh org of {@code chaos.syncAccounts} (2000) accounts. Prints the figures.
 */
class TakeoverBench {
    @AfterAll
    static void dropCopies() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @Test
    @Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES)
    void takeoverTimesOverRepeatedKillsOfTheLeader() {
        int kills = Integer.getInteger("chaos.kills", 10);
        Reference.crm();
        List<Long> millis = new ArrayList<>();
        try (ChaosRun run = ChaosRun.start("takeover-bench", Map.of())) {
            OrgChanges changes = OrgChanges.plan(run.org().session());
            run.startReplicas(3);
            run.awaitSettled(Duration.ofMinutes(4));
            int perKill = Math.max(1, (changes.accountIds().size() - 1) / kills);
            for (int i = 0; i < kills; i++) {
                Replica leader = run.awaitLeader(Duration.ofMinutes(2));
                // A started follower to take over; replacements start in the background meanwhile.
                await("a started follower").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                        .until(() -> run.alive().stream().anyMatch(r -> r != leader
                                && r.process().find(Replica.STARTED).isPresent()) || !ChaosRun.leaderElection());
                changes.makeNext(perKill);
                ChaosRun.Takeover t = run.killLeader(leader, Duration.ofMinutes(3));
                Takeovers.record("bench kill " + (i + 1), t);
                millis.add(t.took().toMillis());
                if (ChaosRun.leaderElection()) {
                    run.startOne();
                }
            }
            changes.makeAll();
            ChaosChecks.assertAsFaultFree(run, changes, Instant.now());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
        System.out.printf("takeover after kill -9 of the leader (%s), %d kills: median %.1f s, max %.1f s; all %s ms%n",
                ChaosRun.leaderElection() ? "leader election" : "no leader election: restart", kills, median / 1000,
                sorted.get(sorted.size() - 1) / 1000.0, millis);
        // Reached only when the checks passed: a lost change fails them.
        System.out.printf("over the whole run: %d changes made and found in the store and the score (0 lost);"
                + " %d tasks doubled%n", ChaosChecks.changesChecked, ChaosChecks.doubledTasks);
        assertThat(millis).hasSize(kills);
    }

    @Test
    @Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
    void initialSyncThroughputWithOneReplicaAndWithTwo() {
        int accounts = Integer.getInteger("chaos.syncAccounts", 2000);
        SyncTimes one = syncWith(1, accounts);
        SyncTimes two = syncWith(2, accounts);
        System.out.printf("initial sync of %,d records (%d accounts): one replica %.1f s = %,.0f records/s;"
                + " two replicas (one reads) %.1f s = %,.0f records/s%n", one.records(), accounts,
                one.took().toMillis() / 1000.0, one.recordsPerSecond(), two.took().toMillis() / 1000.0,
                two.recordsPerSecond());
        assertThat(two.records()).isEqualTo(one.records());
    }

    private static SyncTimes syncWith(int replicas, int accounts) {
        try (ChaosRun run = ChaosRun.start("sync-" + replicas + "-replicas", Map.of(), accounts)) {
            run.startReplicas(replicas);
            Replica leader = run.awaitSettled(Duration.ofMinutes(10));
            return SyncTimes.of(leader.process().output());
        }
    }
}
