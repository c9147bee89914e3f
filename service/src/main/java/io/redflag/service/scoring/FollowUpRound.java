package io.redflag.service.scoring;

import io.redflag.domain.model.CrmUser;
import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.FollowUp;
import io.redflag.domain.scoring.FollowUpPlanner;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The follow-ups of one scoring run, planned batch by batch. The planner owns the rules (one open task per key,
 * the cooldown, the weekly cap); this class decides which facts it sees.
 *
 * <p>The CRM is the truth: a task is planned only on what the CRM holds right before planning
 * ({@link HeldFollowUps}), read for the keys at stake and their assignees. The store's copy (the synced task
 * table and the ledger) is not trusted with that: it is empty in a fresh store until the first full sync of
 * tasks completes, old after a restore, and behind by a poll interval on a good day. It serves only as a
 * pre-filter that costs no API call: the planner runs on the store's facts first, and only when that plan
 * wants a task (or the cap held one back) is the CRM asked, about those keys and assignees. The store can thus
 * only hold a task back (until its copy catches up), never let one through: whatever is planned passed the
 * rules on the CRM's facts. A run over accounts that need no new task costs no call.
 */
final class FollowUpRound {
    private final FollowUpPlanner planner;
    private final FollowUpLedger ledger;
    private final HeldFollowUps held;
    private final Instant asOf;
    /** The store's facts for every account, read once for runs over many accounts; null for the others. */
    private final FollowUpPlanner.Existing everywhere;

    FollowUpRound(FollowUpPlanner planner, FollowUpLedger ledger, HeldFollowUps held, Instant asOf,
            FollowUpPlanner.Existing everywhere) {
        this.planner = planner;
        this.ledger = ledger;
        this.held = held;
        this.asOf = asOf;
        this.everywhere = everywhere;
    }

    /** The accounts whose findings may need a task: what the store's facts do not rule out. */
    record Candidates(FollowUpPlanner.Existing stored, FollowUpPlanner.Plan byStore, Set<String> keys,
            Set<String> assignees, Set<String> accounts) {
        boolean none() {
            return byStore.tasks().isEmpty();
        }
    }

    /** Planning on the store's facts alone: no CRM call. */
    Candidates candidates(List<String> batch, List<Assessment> done, Map<String, String> names,
            Map<String, CrmUser> owners, Map<String, CrmUser> managers) {
        FollowUpPlanner.Existing stored = everywhere != null ? everywhere : ledger.existing(batch);
        FollowUpPlanner.Plan plan = planner.plan(done, names, owners, managers, stored, asOf);
        Set<String> keys = new HashSet<>();
        Set<String> assignees = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        Stream.concat(plan.tasks().stream(), plan.heldBack().stream()).forEach(u -> {
            keys.add(u.key());
            assignees.add(u.assigneeId());
            accounts.add(u.accountId());
        });
        return new Candidates(stored, plan, keys, assignees, accounts);
    }

    /**
     * The plan on the CRM's facts, among the candidates (a task the store's facts ruled out waits for the store
     * to catch up: the CRM was not asked about its key). Throws when the CRM cannot be read.
     */
    FollowUpPlanner.Plan plan(Candidates candidates, List<Assessment> done, Map<String, String> names,
            Map<String, CrmUser> owners, Map<String, CrmUser> managers) {
        if (candidates.none()) {
            return candidates.byStore();
        }
        FollowUpPlanner.Existing crm = held.existing(candidates.keys(), candidates.assignees(), asOf);
        // The CRM was asked about the candidates' keys only: a key the store knows open or cooling down must stay
        // ruled out here too, or its task would take a place under the cap that a candidate then does not get.
        Set<String> open = new HashSet<>(crm.openKeys());
        open.addAll(candidates.stored().openKeys());
        Map<String, Instant> closed = new HashMap<>(crm.closedAt());
        candidates.stored().closedAt().forEach((key, at) -> closed.merge(key, at, (a, b) -> a.isAfter(b) ? a : b));
        FollowUpPlanner.Plan decided = planner.plan(done, names, owners, managers,
                new FollowUpPlanner.Existing(open, closed, crm.createdThisWeek(), crm.thisWeek()), asOf);
        List<FollowUp> tasks = decided.tasks().stream().filter(u -> candidates.keys().contains(u.key())).toList();
        List<FollowUp> heldBack = decided.heldBack().stream().filter(u -> candidates.keys().contains(u.key()))
                .toList();
        List<FollowUpPlanner.Replacement> replacements = decided.replacements().stream()
                .filter(r -> candidates.keys().contains(r.byKey())).toList();
        if (everywhere != null) {
            // Later batches must see this batch's plans: the weekly cap counts across the whole run. A task that
            // replaces another leaves the count as it was.
            Set<String> replacing = replacements.stream().map(FollowUpPlanner.Replacement::byKey)
                    .collect(java.util.stream.Collectors.toSet());
            tasks.forEach(u -> {
                everywhere.openKeys().add(u.key());
                if (!replacing.contains(u.key())) {
                    everywhere.createdThisWeek().merge(u.assigneeId(), 1, Integer::sum);
                }
            });
        }
        return new FollowUpPlanner.Plan(tasks, heldBack, replacements);
    }
}
