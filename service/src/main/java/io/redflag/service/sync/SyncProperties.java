package io.redflag.service.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sync's settings ({@code redflag.sync.*}); checked at start-up, naming the property and the bad value.
 *
 * @param pollInterval       the pause between the end of one poll and the start of the next
 * @param overlap            how far before the watermark each read starts again (late commits)
 * @param batchSize          QueryOptions batch size, 200 to 2000
 * @param deletionCheckEvery how often getDeleted is asked for deletions the overlap read cannot see
 * @param readBudgetShare    the share of the org's daily API limit reads may use; the rest stays for write-back
 * @param autoStartup        false to start the service with the sync paused
 * @param lanes              objects read at once, 1 to 8
 */
@ConfigurationProperties("redflag.sync")
public record SyncProperties(@DefaultValue("60s") Duration pollInterval, @DefaultValue("5m") Duration overlap,
        @DefaultValue("2000") int batchSize, @DefaultValue("1h") Duration deletionCheckEvery,
        @DefaultValue("0.8") double readBudgetShare, @DefaultValue("true") boolean autoStartup,
        @DefaultValue("" + SyncSettings.DEFAULT_LANES) int lanes) {

    public SyncProperties {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("redflag.sync.poll-interval = " + pollInterval
                    + " must be a positive duration, for example 60s");
        }
        if (!(readBudgetShare > 0 && readBudgetShare <= 1)) {
            throw new IllegalArgumentException("redflag.sync.read-budget-share = " + readBudgetShare
                    + " must be above 0 and at most 1, for example 0.8");
        }
        new SyncSettings(overlap, batchSize, deletionCheckEvery, lanes); // checks the rest while binding
    }

    SyncSettings settings() {
        return new SyncSettings(overlap, batchSize, deletionCheckEvery, lanes);
    }
}
