package io.redflag.connector.intake;

import java.time.Instant;

/**
 * Where a poll of one object stands: the last stored (SystemModstamp, Id), and how far getDeleted has been
 * read (its latestDateCovered; null before the first check).
 */
public record Watermark(String object, Instant watermark, String lastId, Instant deletionsCovered)
        implements Position {

    public Watermark(String object, Instant watermark, String lastId) {
        this(object, watermark, lastId, null);
    }
}
