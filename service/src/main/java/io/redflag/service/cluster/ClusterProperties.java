package io.redflag.service.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several replicas ({@code redflag.cluster.*}); checked at start-up, naming the property and the bad value.
 *
 * @param replicaId this replica's name in health, logs and the lock table; unset: host name + "-" + process id
 * @param lease     how long the leader's lock holds without being renewed: after a leader dies without releasing
 *                  it (kill -9, a lost node), another replica takes over at most this long after its last renewal
 * @param heartbeat how often the leader renews its lock and a follower tries to take it; well under the lease
 */
@ConfigurationProperties("redflag.cluster")
public record ClusterProperties(String replicaId, @DefaultValue("15s") Duration lease,
        @DefaultValue("1s") Duration heartbeat) {

    public ClusterProperties {
        replicaId = replicaId == null || replicaId.isBlank() ? defaultReplicaId() : replicaId.trim();
        if (replicaId.length() > 100) {
            throw new IllegalArgumentException("redflag.cluster.replica-id (REDFLAG_CLUSTER_REPLICA_ID) has "
                    + replicaId.length() + " characters; use at most 100, for example the pod's name");
        }
        if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("redflag.cluster.lease = " + lease
                    + " must be at least 1s, for example 15s");
        }
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()
                || heartbeat.multipliedBy(3).compareTo(lease) > 0) {
            throw new IllegalArgumentException("redflag.cluster.heartbeat = " + heartbeat
                    + " must be positive and at most a third of redflag.cluster.lease = " + lease
                    + " (a leader renews several times per lease), for example 1s");
        }
    }

    static String defaultReplicaId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
