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
 * Faults other than a dead leader: the CRM answering 503 to everything for a while, the leader's database
 * connections terminated mid-transaction, a rolling restart of both replicas while reps keep changing the org.
 * Each ends as the fault-free run does ({@link ChaosChecks}).
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class FaultChaos {
    /** A 5-minute outage, time-scaled: the service's waits are real time, so the outage is shortened instead. */
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("chaos.outageSeconds", 40));
    private static final Pattern SYNC_PROGRESS = Pattern.compile("Initial sync of Task: \\d+ / \\d+ \\(\\d+ %\\)");

    @AfterAll
    static void dropCopies() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @Test
    void aCrmOutageOfEveryCallLosesNothingAndTheCrmCatchesUpAfterIt() {
        Reference.crm();
        try (ChaosRun run = ChaosRun.start("crm-outage", Map.of())) {
            OrgChanges changes = OrgChanges.plan(run.org().session());
            run.startReplicas(2);
            run.awaitLeader(Duration.ofMinutes(1));
            run.awaitScoring();
            changes.makeNext(12);
            run.org().faults("{\"unavailableShare\":1.0}");
            Instant outageEnds = Instant.now().plus(OUTAGE);
            await("the outage lasts").atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(outageEnds) || run.alive().isEmpty());
            assertThat(run.alive()).as("replicas survive a CRM outage").isNotEmpty();
            run.org().noFaults();
            changes.makeAll();
            ChaosChecks.assertAsFaultFree(run, changes, Instant.now());
        }
    }

    @Test
    void databaseConnectionsTerminatedMidTransactionLoseNothing() {
        Reference.crm();
        try (ChaosRun run = ChaosRun.start("pg-terminate", Map.of("redflag.sync.batch-size", "200"))) {
            OrgChanges changes = OrgChanges.plan(run.org().session());
            run.org().faults("{\"latencyMillis\":40}");
            run.startReplicas(2);
            Replica leader = run.awaitLeader(Duration.ofMinutes(1));
            leader.process().awaitLog(SYNC_PROGRESS, Duration.ofMinutes(3));
            int terminated = 0;
            for (int round = 0; round < 3; round++) {
                await("the leader is in a transaction").atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> run.db().connectionsInTransaction(leader.id()) > 0);
                terminated += run.db().terminateConnectionsOf(leader.id());
                changes.makeNext(5);
            }
            assertThat(terminated).as("connections terminated").isPositive();
            run.org().noFaults();
            changes.makeAll();
            ChaosChecks.assertAsFaultFree(run, changes, Instant.now());
        }
    }

    @Test
    void aRollingRestartOfBothReplicasDuringABurstOfChangesLosesNothing() {
        Reference.crm();
        try (ChaosRun run = ChaosRun.start("rolling-restart", Map.of())) {
            OrgChanges changes = OrgChanges.plan(run.org().session());
            var first = run.startReplicas(2);
            run.awaitLeader(Duration.ofMinutes(1));
            run.awaitScoring();
            for (Replica old : first) {
                changes.makeNext(4);
                Replica next = run.startOne();
                changes.makeNext(4);
                next.awaitStarted();
                old.terminate(); // SIGTERM, as Kubernetes replaces a pod
                changes.makeNext(4);
            }
            run.awaitLeader(Duration.ofMinutes(2));
            changes.makeAll();
            ChaosChecks.assertAsFaultFree(run, changes, Instant.now());
        }
    }
}
