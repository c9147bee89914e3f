package io.redflag.service.scoring;

import io.redflag.connector.writeback.FollowUpTasks;
import io.redflag.connector.writeback.HeldTask;
import io.redflag.domain.scoring.FollowUpPlanner;
import io.redflag.domain.scoring.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The facts the follow-up rules are decided on, as the CRM holds them at the moment of planning: which keys
 * have an open task (any task carrying the key, whoever made it), when Redflag's own task under a key was last
 * closed (the cooldown), and how many of Redflag's own tasks each assignee was given in the last 7 days (the
 * weekly cap; a digest of held-back follow-ups does not count), plus the tasks the ledger has planned and not sent
 * yet (only Redflag knows of those). Redflag's own: carrying a key and created by its integration user
 * ({@link FollowUpTasks}). A lost or fresh store, a restored backup or a second replica therefore changes nothing:
 * none of this comes from the store's copy of the CRM.
 *
 * <p>For {@code followUps.overCap: replace} the week's tasks come too, each with whether anyone touched it and the
 * severity the ledger planned it with. That one fact is the ledger's: a task a fresh store never planned has no
 * known severity and is never replaced (its finding's task goes on top of the cap instead). A task that a planned
 * replacement is to delete counts no more: its replacement counts in its place.
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
        Set<String> leaving = ledger.replacing();
        List<HeldTask> own = new ArrayList<>();
        for (HeldTask t : crm.ownCreatedSince(assignees, asOf.minus(WEEK))) {
            // A manager's digest is no follow-up of theirs; a task on its way out counts through its replacement.
            if (!HeldBackDigest.isDigest(t.key()) && !leaving.contains(t.id())) {
                own.add(t);
            }
        }
        Map<String, Severity> severity = ledger.severities(own.stream().filter(HeldTask::untouched)
                .map(HeldTask::key).collect(Collectors.toSet()));
        List<FollowUpPlanner.CountedTask> counted = new ArrayList<>();
        for (HeldTask t : own) {
            week.merge(t.ownerId(), 1, Integer::sum);
            weekKeys.add(t.key());
            counted.add(new FollowUpPlanner.CountedTask(t.key(), t.id(), t.ownerId(), severity.get(t.key()),
                    t.createdAt(), !t.closed(), t.untouched()));
        }
        for (FollowUpLedger.Pending p : ledger.pending()) {
            open.add(p.key());
            if (!weekKeys.contains(p.key())) { // made already before the ledger could note it: counted once
                week.merge(p.ownerId(), 1, Integer::sum);
            }
        }
        return new FollowUpPlanner.Existing(open, closed, week, counted);
    }
}
