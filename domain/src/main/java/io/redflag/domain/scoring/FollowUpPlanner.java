package io.redflag.domain.scoring;

import io.redflag.domain.model.CrmUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns assessments into follow-up tasks by the playbooks and the rules every task obeys: one open task per
 * key, a cooldown after one is closed, only key accounts (by default), never from insufficient evidence, to
 * the owner or (owner inactive) the owner's manager, and at most N a week per assignee, most severe first
 * (HIGH and CRITICAL findings on key accounts always get their task, and count towards the N; with
 * {@code followUps.overCap: replace} such a task over the cap takes the place of a less severe one, see
 * {@link GiveWay}). The CRM's state comes in as parameters, so the planning itself is pure.
 */
public final class FollowUpPlanner {
    /**
     * What the CRM and the store know about existing follow-ups.
     *
     * @param thisWeek Redflag's own tasks of the last 7 days, the ones {@code createdThisWeek} counts: what a
     *                 severe finding over the cap may take the place of
     */
    public record Existing(Set<String> openKeys, Map<String, Instant> closedAt, Map<String, Integer> createdThisWeek,
            List<CountedTask> thisWeek) {

        /** Facts without the week's tasks themselves: nothing can be replaced. */
        public Existing(Set<String> openKeys, Map<String, Instant> closedAt, Map<String, Integer> createdThisWeek) {
            this(openKeys, closedAt, createdThisWeek, List.of());
        }
    }

    /**
     * One of Redflag's own tasks in the CRM, created in the last 7 days.
     *
     * @param severity  the severity its key was planned with; null when the store does not know it (then it is
     *                  never replaced: a guess could delete a task as severe as the finding)
     * @param untouched nobody changed it since Redflag created it
     */
    public record CountedTask(String key, String taskId, String assigneeId, Severity severity, Instant createdAt,
            boolean open, boolean untouched) {
    }

    /**
     * A severe finding's task takes the place of an open task of the same assignee ({@code overCap: replace}):
     * that task is to be deleted once the new one exists.
     */
    public record Replacement(String replacedKey, String replacedTaskId, Severity replacedSeverity, String byKey) {
    }

    /**
     * What planning decided: the tasks to create, the ones the weekly cap per assignee held back (planned
     * again when their account is next scored, once the assignee's week has room), and which of the tasks to
     * create take the place of an existing one.
     */
    public record Plan(List<FollowUp> tasks, List<FollowUp> heldBack, List<Replacement> replacements) {

        public Plan(List<FollowUp> tasks, List<FollowUp> heldBack) {
            this(tasks, heldBack, List.of());
        }
    }

    /** Signals whose task is about one contact or deal: one task per record. The others: one per account. */
    private static final Set<Signal> PER_SUBJECT = EnumSet.of(Signal.KEY_CONTACT_LEFT, Signal.CONTACT_SILENT,
            Signal.PIPELINE_STALL, Signal.STALE_PLAN, Signal.LOST_TO_COMPETITOR);

    private final ScorecardConfig config;

    public FollowUpPlanner(ScorecardConfig config) {
        this.config = config;
    }

    /**
     * @param accountNames account id → name, for subjects
     * @param owners       account id → owner (null when unknown)
     * @param managers     user id → user, to find an inactive owner's manager
     */
    public Plan plan(List<Assessment> assessments, Map<String, String> accountNames,
            Map<String, CrmUser> owners, Map<String, CrmUser> managers, Existing existing, Instant asOf) {
        var rules = config.followUps();
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        List<FollowUp> candidates = new ArrayList<>();
        Map<String, FollowUp> byKey = new LinkedHashMap<>();
        Set<String> uncapped = new HashSet<>(); // HIGH and CRITICAL on key accounts: always get their task
        for (Assessment a : assessments) {
            if (rules.keyAccountsOnly() && !a.keyAccount()) {
                continue;
            }
            CrmUser owner = owners.get(a.accountId());
            if (owner == null) {
                continue;
            }
            String assignee = owner.active() ? owner.id() : owner.managerId();
            if (assignee == null || !owner.active() && managers.containsKey(assignee) && !managers.get(assignee).active()) {
                continue; // nobody active to give it to
            }
            // One task per signal and account; per contact or deal where the playbook is about that record.
            Map<String, List<Finding>> groups = new LinkedHashMap<>();
            for (Finding f : a.risks()) {
                String subjectId = PER_SUBJECT.contains(f.signal()) ? f.subjectId() : null;
                groups.computeIfAbsent(FollowUp.key(f.signal(), a.accountId(), subjectId), k -> new ArrayList<>())
                        .add(f);
            }
            for (var group : groups.entrySet()) {
                String key = group.getKey();
                List<Finding> found = group.getValue();
                Finding f = found.get(0); // the most severe: findings come sorted
                Instant closed = existing.closedAt().get(key);
                if (byKey.containsKey(key) || existing.openKeys().contains(key)
                        || closed != null && closed.isAfter(asOf.minus(java.time.Duration.ofDays(rules.cooldownDays())))) {
                    continue;
                }
                var playbook = rules.playbooks().get(f.signal());
                String name = accountNames.getOrDefault(a.accountId(), a.accountId());
                String subject = playbook.subject().replace("{name}", name)
                        .replace("{subject}", subjectName(f, name));
                if (!owner.active()) {
                    subject = "Reassign " + name + ": its owner has left. " + subject;
                }
                StringBuilder why = new StringBuilder();
                List<String> records = new ArrayList<>();
                for (Finding each : found) {
                    why.append("\n- ").append(each.explanation());
                    records.addAll(each.recordIds());
                }
                String description = playbook.action() + "\n\nWhy:" + why + "\nRecords: "
                        + String.join(", ", records.stream().distinct().toList()) + "\nHealth score " + a.score()
                        + " (" + a.level().label() + ") as of " + a.asOf() + ". Key: " + key;
                String subjectId = PER_SUBJECT.contains(f.signal()) ? f.subjectId() : null;
                FollowUp up = new FollowUp(key, a.accountId(), f.signal(), f.severity(), subjectId, assignee,
                        truncate(subject, 255), description, playbook.priority(), today.plusDays(playbook.dueInDays()));
                byKey.put(key, up);
                candidates.add(up);
                if (a.keyAccount() && f.severity().compareTo(Severity.HIGH) >= 0) {
                    uncapped.add(key);
                }
            }
        }
        candidates.sort(Comparator.comparing(FollowUp::severity, Comparator.reverseOrder())
                .thenComparing(FollowUp::key));
        Map<String, Integer> perAssignee = new HashMap<>(existing.createdThisWeek());
        GiveWay giveWay = rules.replacesOverCap() ? new GiveWay(existing.thisWeek(), asOf) : GiveWay.NONE;
        List<FollowUp> out = new ArrayList<>();
        List<FollowUp> heldBack = new ArrayList<>();
        List<Replacement> replacements = new ArrayList<>();
        for (FollowUp up : candidates) {
            int n = perAssignee.getOrDefault(up.assigneeId(), 0);
            if (n >= rules.perOwnerPerWeek()) {
                if (!uncapped.contains(up.key())) {
                    heldBack.add(up);
                    continue;
                }
                CountedTask replaced = giveWay.takeFor(up);
                if (replaced != null) {
                    // One in, one out: the assignee's week stays at the cap.
                    replacements.add(new Replacement(replaced.key(), replaced.taskId(), replaced.severity(), up.key()));
                    out.add(up);
                    continue;
                }
            }
            perAssignee.put(up.assigneeId(), n + 1);
            out.add(up);
        }
        return new Plan(out, heldBack, replacements);
    }

    /** The record a subject names: a contact's name or a deal's name as the explanation gives it. */
    private static String subjectName(Finding f, String accountName) {
        String text = f.explanation();
        if (text.startsWith("Deal '")) {
            return text.substring(5, text.indexOf('\'', 6) + 1);
        }
        int end = -1;
        for (String verb : new String[] {" has ", " is ", " was ", " no longer "}) {
            int at = text.indexOf(verb);
            if (at > 0 && (end < 0 || at < end)) {
                end = at;
            }
        }
        return end > 0 && end < 80 ? text.substring(0, end) : accountName;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
