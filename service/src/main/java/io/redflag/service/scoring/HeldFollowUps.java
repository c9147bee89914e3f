package io.redflag.service.scoring;

import io.redflag.connector.writeback.FollowUpTasks;
import io.redflag.connector.writeback.HeldTask;
import io.redflag.domain.scoring.FollowUpPlanner;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The facts the follow-up rules are decided on, as the CRM holds them at the moment of planning: which keys
 * have an open task (any task carrying the key, whoever made it), when Redflag's own task under a key was last
 * closed (the cooldown), and how many of Redflag's own tasks each assignee was given in the last 7 days (the
 * weekly cap; a digest of held-back follow-ups does not count), plus the tasks the ledger has planned and not sent
 * yet (only Redflag knows of those). Redflag's
 * own: carrying a key and created by its integration user ({@link FollowUpTasks}). A lost or fresh store, a
 * restored backup or a second replica therefore changes nothing: none of this comes from the store's copy of
 * the CRM.
 */
final class HeldFollowUps {
    static final Duration WEEK = Duration.ofDays(7);

    private final FollowUpTasks crm;
    private final FollowUpLedger ledger;

    HeldFollowUps(FollowUpTasks crm, FollowUpLedger ledger) {
        this.crm = crm;
        this.ledger = ledger;
    }

    /**
     * @param keys      the keys planning may create a task under
     * @param assignees the users those tasks would go to (the cap is counted for them only)
     */
    FollowUpPlanner.Existing existing(Collection<String> keys, Collection<String> assignees, Instant asOf) {
        Set<String> open = new HashSet<>();
        Map<String, Instant> closed = new HashMap<>();
        for (HeldTask t : crm.byKeys(keys)) {
            if (!t.closed()) {
                open.add(t.key());
            } else if (t.own()) {
                closed.merge(t.key(), t.closedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<String, Integer> week = new HashMap<>();
        Set<String> weekKeys = new HashSet<>();
        for (HeldTask t : crm.ownCreatedSince(assignees, asOf.minus(WEEK))) {
            if (HeldBackDigest.isDigest(t.key())) {
                continue; // a manager's digest is no follow-up of theirs
            }
            week.merge(t.ownerId(), 1, Integer::sum);
            weekKeys.add(t.key());
        }
        for (FollowUpLedger.Pending p : ledger.pending()) {
            open.add(p.key());
            if (!weekKeys.contains(p.key())) { // made already before the ledger could note it: counted once
                week.merge(p.ownerId(), 1, Integer::sum);
            }
        }
        return new FollowUpPlanner.Existing(open, closed, week);
    }
}
