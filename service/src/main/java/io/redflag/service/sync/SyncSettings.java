package io.redflag.service.sync;

import java.time.Duration;

/**
 * @param overlap            how far before the watermark each read starts again: transactions that commit
 *                           late show their changes with an older SystemModstamp
 * @param batchSize          QueryOptions batch size (200 to 2000)
 * @param deletionCheckEvery how often getDeleted is asked for deletions the overlap read cannot see
 */
public record SyncSettings(Duration overlap, int batchSize, Duration deletionCheckEvery) {

    public static final SyncSettings DEFAULTS = new SyncSettings(Duration.ofMinutes(5), 2000, Duration.ofHours(1));

    public SyncSettings {
        if (overlap == null || overlap.isNegative()) {
            throw new IllegalArgumentException("redflag.sync.overlap = " + overlap + " must be zero or more");
        }
        if (batchSize < 200 || batchSize > 2000) {
            throw new IllegalArgumentException("redflag.sync.batch-size = " + batchSize + " must be 200 to 2000");
        }
        if (deletionCheckEvery == null || deletionCheckEvery.isNegative()) {
            throw new IllegalArgumentException("redflag.sync.deletion-check-every = " + deletionCheckEvery
                    + " must be zero or more");
        }
    }
}
