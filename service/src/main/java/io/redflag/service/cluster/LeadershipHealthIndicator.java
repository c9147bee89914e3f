package io.redflag.service.cluster;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "leadership": {@code leader} (true or false), {@code replica} (this
 * replica's id) and {@code leaderSince} (when it became the leader, null on a follower). UP on the leader and on
 * a follower alike: a follower serves the API, the pages and the Outbound Message endpoint, so it is ready.
 */
@Component("leadership")
class LeadershipHealthIndicator implements HealthIndicator {
    private final Leadership leadership;

    LeadershipHealthIndicator(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public Health health() {
        Instant since = leadership.leaderSince(); // read once: leader and leaderSince always agree
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("leader", since != null);
        details.put("replica", leadership.replica());
        details.put("leaderSince", since);
        return Health.up().withDetails(details).build();
    }
}
