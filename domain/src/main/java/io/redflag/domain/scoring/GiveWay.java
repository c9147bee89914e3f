package io.redflag.domain.scoring;

import io.redflag.domain.scoring.FollowUpPlanner.CountedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of an assignee's tasks gives way to a HIGH or CRITICAL finding over the weekly cap
 * ({@code followUps.overCap: replace}). Only a task the cap limits can give way: one of Redflag's own, created in
 * the last 7 days, still open, untouched since Redflag made it (a rep who edited it has started on it), and LOW or
 * MEDIUM. A HIGH task never gives way, not even to a CRITICAL one: it always gets its task, so it would be planned
 * again at once and take a place anyway. Each task gives way once: two severe findings replace two tasks.
 */
final class GiveWay {
    static final GiveWay NONE = new GiveWay(List.of(), Instant.EPOCH);

    /**
     * The lowest severity first: it is what the cap would have held back first. Among equals the newest: the rep
     * has had it the shortest time, while an older one is likelier already planned into their week. The key
     * breaks ties, so the same facts always pick the same task.
     */
    private static final Comparator<CountedTask> ORDER = Comparator.comparing(CountedTask::severity)
            .thenComparing(CountedTask::createdAt, Comparator.reverseOrder()).thenComparing(CountedTask::key);

    private final Map<String, List<CountedTask>> byAssignee = new HashMap<>();

    GiveWay(List<CountedTask> thisWeek, Instant asOf) {
        Instant weekAgo = asOf.minus(Duration.ofDays(7));
        for (CountedTask t : thisWeek) {
            if (t.open() && t.untouched() && t.taskId() != null && t.severity() != null
                    && t.severity().compareTo(Severity.HIGH) < 0 && !t.createdAt().isBefore(weekAgo)) {
                byAssignee.computeIfAbsent(t.assigneeId(), a -> new ArrayList<>()).add(t);
            }
        }
        byAssignee.values().forEach(tasks -> tasks.sort(ORDER));
    }

    /** The task that gives way to {@code up}, taken so that no other finding gets it too; null when none can. */
    CountedTask takeFor(FollowUp up) {
        List<CountedTask> tasks = byAssignee.getOrDefault(up.assigneeId(), List.of());
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).severity().compareTo(up.severity()) < 0) {
                return tasks.remove(i);
            }
        }
        return null;
    }
}
