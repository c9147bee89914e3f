package io.redflag.service.scoring;

import io.redflag.connector.resilience.ApiBudgetExhaustedException;
import io.redflag.connector.resilience.CrmException;
import io.redflag.connector.writeback.FollowUpTasks;
import io.redflag.connector.writeback.HeldTask;
import io.redflag.domain.model.CrmUser;
import io.redflag.service.store.UserDirectory;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managers' weekly digest of what the cap held back. From the first scoring run of an ISO week (Monday, UTC),
 * every assignee with follow-ups held back before the week began and still waiting gets one task for their
 * manager listing them, under the key {@code HELD_BACK_DIGEST:assigneeId:weekStart}. It goes through the
 * follow-up ledger like any task (created once, found again by its key after a crash or a lost answer); a key
 * the ledger does not know is first looked up in the CRM, so a fresh store makes no second digest. A digest does
 * not count towards anyone's weekly cap; the cap it names is the one in force. Assignees without an active manager get none (logged).
 */
final class HeldBackDigest {
    private static final Logger log = LoggerFactory.getLogger(HeldBackDigest.class);
    static final String SIGNAL = "HELD_BACK_DIGEST";
    static final int LISTED = 100;

    private final HeldBack heldBack;
    private final FollowUpLedger ledger;
    private final FollowUpTasks crm;
    private final UserDirectory users;
    private final IntSupplier perWeek;
    /** Assignees already logged as having no manager to tell, so a run does not log them again. */
    private final Set<String> noManager = new HashSet<>();

    HeldBackDigest(HeldBack heldBack, FollowUpLedger ledger, FollowUpTasks crm, UserDirectory users, IntSupplier perWeek) {
        this.heldBack = heldBack;
        this.ledger = ledger;
        this.crm = crm;
        this.users = users;
        this.perWeek = perWeek;
    }

    static String key(String assigneeId, LocalDate weekStart) {
        return SIGNAL + ":" + assigneeId + ":" + weekStart;
    }

    static boolean isDigest(String key) {
        return key.startsWith(SIGNAL + ":");
    }

    /** Plans the digests this week still owes; returns how many. A CRM that cannot be read defers them. */
    int plan(Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant weekBegan = weekStart.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, List<HeldBack.Held>> waiting = new LinkedHashMap<>();
        for (HeldBack.Held h : heldBack.all()) {
            if (h.firstHeldAt().isBefore(weekBegan)) {
                waiting.computeIfAbsent(h.assigneeId(), a -> new ArrayList<>()).add(h);
            }
        }
        Map<String, String> due = new LinkedHashMap<>(); // key → assignee
        waiting.keySet().forEach(a -> due.put(key(a, weekStart), a));
        due.keySet().removeAll(ledger.known(due.keySet()));
        List<FollowUpLedger.Digest> digests = new ArrayList<>();
        for (var entry : due.entrySet()) {
            String assignee = entry.getValue();
            Optional<CrmUser> user = users.user(assignee);
            Optional<CrmUser> manager = user.map(CrmUser::managerId).flatMap(users::user).filter(CrmUser::active);
            if (manager.isEmpty()) {
                if (noManager.add(assignee)) {
                    log.info("No digest of the follow-ups held back for user {}: they have no active manager in the"
                            + " CRM", assignee);
                }
                continue;
            }
            String name = user.map(CrmUser::name).orElse(assignee);
            digests.add(digest(entry.getKey(), manager.get().id(), name, waiting.get(assignee), weekStart, today));
        }
        if (digests.isEmpty()) {
            return 0;
        }
        try {
            Set<String> inCrm = new HashSet<>();
            for (HeldTask t : crm.byKeys(digests.stream().map(FollowUpLedger.Digest::key).toList())) {
                inCrm.add(t.key());
            }
            digests.removeIf(d -> inCrm.contains(d.key()));
        } catch (CrmException | ApiBudgetExhaustedException e) {
            log.warn("The weekly digests of held-back follow-ups wait: the CRM could not be read: {}", e.getMessage());
            return 0;
        }
        ledger.planDigests(digests, asOf);
        return digests.size();
    }

    private FollowUpLedger.Digest digest(String key, String managerId, String assigneeName,
            List<HeldBack.Held> held, LocalDate weekStart, LocalDate today) {
        String subject = "Weekly digest: " + held.size() + " follow-up" + (held.size() == 1 ? "" : "s") + " for "
                + assigneeName + " held back by the weekly cap";
        StringBuilder text = new StringBuilder("The cap of " + perWeek.getAsInt() + " automatic low and medium follow-ups per"
                + " person a week held these back for " + assigneeName + "; they were waiting when the week of "
                + weekStart + " began. Consider reassigning accounts, agreeing which ones come first, or raising"
                + " the cap (followUps.perOwnerPerWeek in the scorecard).\n");
        held.stream().limit(LISTED).forEach(h -> text.append("\n- ").append(h.severity()).append(": ")
                .append(h.subject()).append(" (held back since ")
                .append(LocalDate.ofInstant(h.firstHeldAt(), ZoneOffset.UTC)).append("; ").append(h.key()).append(')'));
        if (held.size() > LISTED) {
            text.append("\n… and ").append(held.size() - LISTED).append(" more (GET /api/follow-ups/held).");
        }
        text.append("\n\nKey: ").append(key);
        String severity = held.get(0).severity(); // the most severe: held back comes sorted
        return new FollowUpLedger.Digest(key, managerId, severity, subject.length() > 255
                ? subject.substring(0, 254) + "…" : subject, text.toString(), "Normal", today.plusDays(7));
    }
}
