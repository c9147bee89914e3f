package io.redflag.connector.intake;

import java.time.Duration;

/**
 * @param overlap            how far before the watermark each read starts again: transactions that commit
 *                           late show their changes with an older SystemModstamp
 * @param batchSize          QueryOptions batch size (200 to 2000)
 * @param deletionCheckEvery how often getDeleted is asked for deletions the overlap read cannot see
 * @param lanes              objects read at once (1 to 8), each on its own query cursor
 */
public record SyncSettings(Duration overlap, int batchSize, Duration deletionCheckEvery, int lanes) {

    /** Two lanes: while the CRM serves one object's page, the other object's page is mapped and stored. */
    public static final int DEFAULT_LANES = 2;
    public static final SyncSettings DEFAULTS = new SyncSettings(Duration.ofMinutes(5), 2000, Duration.ofHours(1));

    public SyncSettings(Duration overlap, int batchSize, Duration deletionCheckEvery) {
        this(overlap, batchSize, deletionCheckEvery, DEFAULT_LANES);
    }

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
        // Salesforce allows 10 open query cursors per user; keep most of them for others.
        if (lanes < 1 || lanes > 8) {
            throw new IllegalArgumentException("redflag.sync.lanes = " + lanes + " must be 1 to 8");
        }
    }
}
