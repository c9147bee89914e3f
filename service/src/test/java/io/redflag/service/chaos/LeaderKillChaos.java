package io.redflag.service.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.service.store.Databases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of the leading replica in the middle of its work (the moment found from its log, the store or the
 * org's call counters), reps changing the org before and after; the other replica takes over, and the end
 * state is the fault-free run's (see {@link ChaosChecks}). The org answers slowly (emulator latency) so each
 * phase lasts long enough to be hit.
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class LeaderKillChaos {
    private static final Pattern SYNC_PROGRESS = Pattern.compile("Initial sync of Task: \\d+ / \\d+ \\(\\d+ %\\)");
    private static final Pattern SCORED = Pattern.compile("Scored \\d+ accounts");

    @AfterAll
    static void dropCopies() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @Test
    void aLeaderKilledMidInitialSyncIsTakenOverAndTheCrmEndsAsInAFaultFreeRun() {
        Reference.crm();
        try (ChaosRun run = ChaosRun.start("kill-mid-sync", Map.of("redflag.sync.batch-size", "200"))) {
            OrgChanges changes = OrgChanges.plan(run.org().session());
            run.org().faults("{\"latencyMillis\":60}");
            run.startReplicas(2);
            Replica leader = run.awaitLeader(Duration.ofMinutes(1));
            leader.process().awaitLog(SYNC_PROGRESS, Duration.ofMinutes(3));
            changes.makeNext(10);
            ChaosRun.Takeover t = run.killLeader(leader, Duration.ofMinutes(3));
            changes.makeNext(10);
            run.org().noFaults();
            changes.makeAll();
            Takeovers.record("initial sync", t);
            ChaosChecks.assertAsFaultFree(run, changes, Instant.now());
        }
    }

    @Test
    void aLeaderKilledMidScoringIsTakenOverAndTheCrmEndsAsInAFaultFreeRun() {
        Reference.crm();
        try (ChaosRun run = ChaosRun.start("kill-mid-scoring", Map.of())) {
            OrgChanges changes = OrgChanges.plan(run.org().session());
            changes.makeNext(10);
            run.org().faults("{\"latencyMillis\":250}");
            run.startReplicas(2);
            Replica leader = run.awaitLeader(Duration.ofMinutes(1));
            // Assessments are saved batch by batch; the round logs "Scored" when every batch is done.
            await("the leader is scoring").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(50))
                    .until(() -> run.assessments() > 0 || leader.process().find(SCORED).isPresent());
            assertThat(leader.process().find(SCORED)).as("killed before the round ended").isEmpty();
            ChaosRun.Takeover t = run.killLeader(leader, Duration.ofMinutes(3));
            run.org().noFaults();
            changes.makeAll();
            Takeovers.record("scoring", t);
            ChaosChecks.assertAsFaultFree(run, changes, Instant.now());
        }
    }

    @Test
    void aLeaderKilledMidWriteBackIsTakenOverWithNoTaskDoubledAndTheCrmAsInAFaultFreeRun() {
        Reference.crm();
        try (ChaosRun run = ChaosRun.start("kill-mid-write-back", Map.of())) {
            OrgChanges changes = OrgChanges.plan(run.org().session());
            changes.makeNext(10);
            run.startReplicas(2);
            Replica leader = run.awaitLeader(Duration.ofMinutes(1));
            // Slow answers once scoring has begun, so the write-back's calls (≤ 200 accounts each) take seconds.
            run.awaitScoring();
            run.org().faults("{\"latencyMillis\":700}");
            long before = run.org().calls("update");
            await("the leader is writing risk fields").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50)).until(() -> run.org().calls("update") > before);
            ChaosRun.Takeover t = run.killLeader(leader, Duration.ofMinutes(3));
            run.org().noFaults();
            changes.makeAll();
            Takeovers.record("write-back", t);
            ChaosChecks.assertAsFaultFree(run, changes, Instant.now());
        }
    }
}
