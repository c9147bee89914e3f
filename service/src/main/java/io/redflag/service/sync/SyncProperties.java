package io.redflag.service.sync;

import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.SyncSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sync's settings ({@code redflag.sync.*}); checked at start-up, naming the property and the bad value.
 *
 * @param pollInterval        the shortest interval between two polls of an object: the first one, and the one
 *                            after a change
 * @param maxPollInterval     the longest interval an object that keeps finding nothing new backs off to
 * @param reconcileInterval   the interval of objects a push source (Outbound Messages) covers
 * @param overlap             how far before the watermark each read starts again (late commits)
 * @param batchSize           QueryOptions batch size, 200 to 2000
 * @param deletionCheckEvery  the shortest interval between two getDeleted calls of an object (deletions still
 *                            in the recycle bin arrive with the ordinary reads; this finds purged ones)
 * @param readBudgetShare     the share of the org's daily API limit reads may use; the rest stays for write-back
 * @param dailyCeilingShare   the share of the org's daily API allocation that Redflag's polls may project to
 *                            use; above it every interval is stretched
 * @param dailyCeiling        a fixed number of calls a day instead of the share (0: use the share)
 * @param autoStartup         false to start the service with the sync paused
 * @param lanes               objects read at once, 1 to 8
 */
@ConfigurationProperties("redflag.sync")
public record SyncProperties(@DefaultValue("60s") Duration pollInterval, @DefaultValue("15m") Duration maxPollInterval,
        @DefaultValue("1h") Duration reconcileInterval, @DefaultValue("5m") Duration overlap,
        @DefaultValue("2000") int batchSize, @DefaultValue("6h") Duration deletionCheckEvery,
        @DefaultValue("0.8") double readBudgetShare, @DefaultValue("0.02") double dailyCeilingShare,
        @DefaultValue("0") long dailyCeiling, @DefaultValue("true") boolean autoStartup,
        @DefaultValue("" + SyncSettings.DEFAULT_LANES) int lanes) {

    public SyncProperties {
        positive("poll-interval", pollInterval, "60s");
        positive("max-poll-interval", maxPollInterval, "15m");
        positive("reconcile-interval", reconcileInterval, "1h");
        if (maxPollInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("redflag.sync.max-poll-interval = " + maxPollInterval
                    + " must not be shorter than redflag.sync.poll-interval = " + pollInterval);
        }
        if (!(readBudgetShare > 0 && readBudgetShare <= 1)) {
            throw new IllegalArgumentException("redflag.sync.read-budget-share = " + readBudgetShare
                    + " must be above 0 and at most 1, for example 0.8");
        }
        if (!(dailyCeilingShare > 0 && dailyCeilingShare <= 1)) {
            throw new IllegalArgumentException("redflag.sync.daily-ceiling-share = " + dailyCeilingShare
                    + " must be above 0 and at most 1, for example 0.02");
        }
        if (dailyCeiling < 0) {
            throw new IllegalArgumentException("redflag.sync.daily-ceiling = " + dailyCeiling
                    + " must be 0 (use daily-ceiling-share) or a number of calls a day, for example 1500");
        }
        new SyncSettings(overlap, batchSize, deletionCheckEvery, lanes); // checks the rest while binding
    }

    private static void positive(String name, Duration value, String example) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("redflag.sync." + name + " = " + value
                    + " must be a positive duration, for example " + example);
        }
    }

    SyncSettings settings() {
        return new SyncSettings(overlap, batchSize, deletionCheckEvery, lanes);
    }

    PollSchedule.Settings schedule() {
        return new PollSchedule.Settings(pollInterval, maxPollInterval, reconcileInterval, deletionCheckEvery,
                dailyCeilingShare, dailyCeiling);
    }
}
