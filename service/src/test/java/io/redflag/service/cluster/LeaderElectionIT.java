package io.redflag.service.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.service.store.Databases;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two replicas' leader election over one PostgreSQL schema, as the service wires it: one leads at a time; the
 * other takes over when the leader stops (its lock released at once) or dies (its lease runs out); and a leader
 * whose lease another replica took is told so before it writes to the CRM.
 */
class LeaderElectionIT {
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @Test
    void oneOfTwoReplicasLeadsAndTheOtherTakesOverWhenTheLeaderStops() {
        DataSource store = Databases.fresh("postgresql");
        try (Replica a = new Replica(store, "replica-a", LEASE).start();
                Replica b = new Replica(store, "replica-b", LEASE).start()) {
            await().atMost(PATIENCE).until(() -> a.leadership.isLeader() || b.leadership.isLeader());
            Replica leader = a.leadership.isLeader() ? a : b;
            Replica follower = leader == a ? b : a;
            assertThat(follower.leadership.isLeader()).isFalse();
            assertThat(leader.work.mayGoOn()).isTrue();
            assertThat(follower.work.mayGoOn()).isFalse();
            assertThat(follower.work.run(() -> "ran")).as("leader work on a follower").isNull();
            assertThat(lockHolders(store)).containsExactly(clientId(leader.leadership.replica()));

            leader.close();

            assertThat(leader.leadership.isLeader()).as("released when stopped").isFalse();
            assertThat(leader.work.mayGoOn()).isFalse();
            assertThat(lockHolders(store)).doesNotContain(clientId(leader.leadership.replica()));
            await().atMost(PATIENCE).until(follower.leadership::isLeader);
            assertThat(follower.work.run(() -> "ran")).isEqualTo("ran");
            assertThat(lockHolders(store)).containsExactly(clientId(follower.leadership.replica()));
        }
    }

    @Test
    void aDeadLeadersLockIsTakenOverOnlyOnceItsLeaseRanOut() {
        DataSource store = Databases.fresh("postgresql");
        // The row a leader killed with -9 leaves behind, renewed a moment ago.
        LocalDateTime renewed = LocalDateTime.now(ZoneOffset.UTC);
        new JdbcTemplate(store).update("INSERT INTO INT_LOCK (LOCK_KEY, REGION, CLIENT_ID, CREATED_DATE, EXPIRED_AFTER)"
                + " VALUES (?, ?, ?, ?, ?)", lockKey(), ClusterConfiguration.REGION, clientId("killed-replica"),
                Timestamp.valueOf(renewed), Timestamp.valueOf(renewed.plus(LEASE)));
        Instant leaseEnd = renewed.plus(LEASE).toInstant(ZoneOffset.UTC);
        try (Replica b = new Replica(store, "replica-b", LEASE).start()) {
            await().atMost(PATIENCE).until(b.leadership::isLeader);
            assertThat(b.leadership.leaderSince()).as("taken over after the dead leader's lease ran out")
                    .isAfterOrEqualTo(leaseEnd);
            assertThat(lockHolders(store)).containsExactly(clientId("replica-b"));
        }
    }

    @Test
    void aLeaderWhoseLockAnotherReplicaHoldsIsNotConfirmedForWrites() {
        DataSource store = Databases.fresh("postgresql");
        try (Replica a = new Replica(store, "replica-a", Duration.ofSeconds(30)).start()) {
            await().atMost(PATIENCE).until(a.leadership::isLeader);
            assertThat(a.work.confirmed()).isTrue();
            // As if replica-a had stalled past its lease and replica-b had taken the lock meanwhile.
            new JdbcTemplate(store).update("UPDATE INT_LOCK SET CLIENT_ID = ?", clientId("replica-b"));

            assertThat(a.work.mayGoOn()).as("it has not noticed yet").isTrue();
            assertThat(a.work.confirmed()).isFalse();
        }
    }

    private static String lockKey() {
        return UUIDConverter.getUUID(Leadership.ROLE).toString();
    }

    private static String clientId(String replica) {
        return UUIDConverter.getUUID(replica).toString();
    }

    private static List<String> lockHolders(DataSource store) {
        return new JdbcTemplate(store).queryForList("SELECT LOCK_KEY, REGION, CLIENT_ID FROM INT_LOCK").stream()
                .map(LeaderElectionIT::holder).toList();
    }

    private static String holder(Map<String, Object> row) {
        assertThat(row.get("lock_key").toString().trim()).isEqualTo(lockKey());
        assertThat(row.get("region")).isEqualTo(ClusterConfiguration.REGION);
        return row.get("client_id").toString().trim();
    }
}
