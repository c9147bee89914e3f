package io.redflag.service.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.util.UUIDConverter;

/**
 * Leader election on the store's database: Spring Integration's {@link JdbcLockRegistry} over the INT_LOCK table
 * (Flyway V11) and its {@link LockRegistryLeaderInitiator}, with this replica as the candidate. On H2 (one
 * process) the single replica simply always leads; on PostgreSQL every replica competes and one leads.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {
    /** The lock table's region: another application sharing the database would use its own. */
    static final String REGION = "redflag";

    @Bean
    Leadership replicaLeadership(ClusterProperties properties, Clock clock) {
        return new Leadership(properties.replicaId(), clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    DefaultLockRepository lockRepository(DataSource dataSource, ClusterProperties properties) {
        // CLIENT_ID holds 36 characters: the replica's id as a name-based UUID fits whatever its length.
        DefaultLockRepository repository = new DefaultLockRepository(dataSource,
                UUIDConverter.getUUID(properties.replicaId()).toString());
        repository.setRegion(REGION);
        return repository;
    }

    @Bean
    JdbcLockRegistry lockRegistry(DefaultLockRepository repository, ClusterProperties properties) {
        JdbcLockRegistry registry = new JdbcLockRegistry(repository, properties.lease());
        registry.setIdleBetweenTries(properties.heartbeat());
        return registry;
    }

    /** Starts competing once the context is up; stopping (shutdown) releases the lock at once. */
    @Bean
    LockRegistryLeaderInitiator leaderInitiator(JdbcLockRegistry registry, Leadership leadership,
            ClusterProperties properties) {
        LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(registry, leadership);
        initiator.setHeartBeatMillis(properties.heartbeat().toMillis());
        initiator.setBusyWaitMillis(properties.heartbeat().toMillis());
        return initiator;
    }

    @Bean
    LeaderWork leaderWork(Leadership leadership, DefaultLockRepository repository, LockRegistryLeaderInitiator initiator,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration shutdownPhase) {
        String lockKey = UUIDConverter.getUUID(Leadership.ROLE).toString();
        return new LeaderWork(leadership, () -> repository.isAcquired(lockKey), initiator::stop, shutdownPhase);
    }

    /** {@code redflag.cluster.leader}: 1 on the replica that leads, 0 on the others (tagged with the replica). */
    @Bean
    MeterBinder leaderGauge(Leadership leadership) {
        return registry -> Gauge.builder("redflag.cluster.leader", leadership, l -> l.isLeader() ? 1 : 0)
                .tag("replica", leadership.replica())
                .description("1 while this replica leads (runs intake, scoring and write-back), 0 otherwise")
                .register(registry);
    }
}
