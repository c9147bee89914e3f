package io.redflag.connector.intake;

import com.sforce.soap.partner.GetDeletedResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletions an incremental queryAll cannot see (purged from the recycle bin, or deleted while the service was
 * down) come from getDeleted, at most once per the interval the caller gives. When Salesforce has already
 * purged deletions past what was covered, the object's watermark is forgotten: its next poll reads it in
 * full.
 */
final class DeletionCheck {
    private static final Logger log = LoggerFactory.getLogger(DeletionCheck.class);
    /** Objects whose records can be deleted on their own (history rows go with their parent; users never). */
    static final Set<String> DELETABLE = Set.of("account", "contact", "contactRole", "opportunity", "task", "event",
            "supportCase");
    /** getDeleted reaches back at most 30 days; stay inside. */
    private static final Duration REPLICATION_WINDOW = Duration.ofDays(29);

    private final CrmReads reads;
    private final IntakeStore store;
    private final Clock clock;
    private final Duration overlap;

    /** @param overlap how far before the watermark a first check starts (as the poll's reads do) */
    DeletionCheck(CrmReads reads, IntakeStore store, Clock clock, Duration overlap) {
        this.reads = reads;
        this.store = store;
        this.clock = clock;
        this.overlap = overlap;
    }

    /** Checks when {@code every} has passed since the last check; counts the call and the deletions. */
    void checkIfDue(String entity, String object, Duration every, PagedRead.Counts counts) {
        var w = store.watermark(object).orElseThrow();
        Instant now = clock.instant();
        if (w.deletionsCovered() != null && w.deletionsCovered().plus(every).isAfter(now)) {
            return;
        }
        Instant earliestAllowed = now.minus(REPLICATION_WINDOW);
        Instant start = w.deletionsCovered() == null ? w.watermark().minus(overlap) : w.deletionsCovered();
        if (start.isBefore(earliestAllowed)) {
            start = earliestAllowed;
        }
        GetDeletedResult result = reads.getDeleted(object, start, now);
        counts.calls++;
        if (result.getEarliestDateAvailable() != null && result.getEarliestDateAvailable().toInstant().isAfter(start)) {
            log.warn("Sync of {}: Salesforce purged deletions after {} (earliest available {}); resyncing in full",
                    object, start, result.getEarliestDateAvailable().toInstant());
            store.forgetWatermark(object);
            return;
        }
        List<String> ids = new ArrayList<>();
        for (var d : result.getDeletedRecords()) {
            ids.add(d.getId());
        }
        counts.changed.addAll(store.storeDeletions(entity, ids, object, result.getLatestDateCovered().toInstant()));
        counts.deleted += ids.size();
    }
}
