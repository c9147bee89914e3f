package io.redflag.service.cluster;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One replica's leader election without the rest of the service, wired by the service's own
 * {@link ClusterConfiguration} on a shared store, with the lifecycle calls Spring would make.
 */
final class Replica implements AutoCloseable {
    final Leadership leadership;
    final DefaultLockRepository repository;
    final LockRegistryLeaderInitiator initiator;
    final LeaderWork work;

    Replica(DataSource store, String id, Duration lease) {
        ClusterConfiguration wiring = new ClusterConfiguration();
        ClusterProperties properties = new ClusterProperties(id, lease, lease.dividedBy(10));
        leadership = wiring.replicaLeadership(properties, Clock.systemUTC());
        repository = wiring.lockRepository(store, properties);
        repository.setTransactionManager(new DataSourceTransactionManager(store));
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        repository.start();
        initiator = wiring.leaderInitiator(wiring.lockRegistry(repository, properties), leadership, properties);
        work = wiring.leaderWork(leadership, repository, initiator, Duration.ofSeconds(10));
        work.start();
    }

    Replica start() {
        initiator.start();
        return this;
    }

    /** Shutdown as Spring orders it: the work first (which releases the lock), then the initiator. */
    @Override
    public void close() {
        work.stop();
        initiator.stop();
        repository.stop();
    }
}
