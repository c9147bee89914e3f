package io.redflag.service.scoring;

import io.redflag.connector.writeback.ReplacedTasks;
import io.redflag.service.store.DirtyAccounts;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The second half of a replacement ({@code followUps.overCap: replace}): the task a more severe one took the place
 * of is deleted only once that one is CREATED, so a crash or an outage in between never leaves the assignee with
 * neither. The follow-up ledger's row of the new task says which task to delete and, once settled, how it went; a
 * restart between the create and the delete finds it unsettled and deletes then, and a delete sent twice finds
 * the task gone. The replaced follow-up is not dropped: its account is queued for scoring, which plans it again;
 * the week being full, it is held back and listed like any follow-up the cap holds back. Its task was deleted, not
 * closed, so no cooldown keeps it from being planned.
 */
final class ReplacedFollowUps {
    private final JdbcTemplate jdbc;
    private final ReplacedTasks crm;
    private final DirtyAccounts dirty;
    private final Clock clock;

    ReplacedFollowUps(DataSource dataSource, ReplacedTasks crm, DirtyAccounts dirty, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.crm = crm;
        this.dirty = dirty;
        this.clock = clock;
    }

    /** Deletes (at most {@code limit}) tasks whose replacement the CRM holds; returns how many were settled. */
    int deleteDue(int limit) {
        List<ReplacedTasks.Doomed> due = jdbc.query("SELECT replaces_key, replaces_task_id FROM follow_up WHERE state"
                + " = '" + FollowUpLedger.CREATED + "' AND replaces_task_id IS NOT NULL AND replaced_at IS NULL"
                + " ORDER BY created_at, signal_key FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new ReplacedTasks.Doomed(rs.getString(1), rs.getString(2)));
        if (due.isEmpty()) {
            return 0;
        }
        List<ReplacedTasks.Result> results = crm.delete(due);
        Object now = AssessmentStore.time(clock.instant());
        List<ReplacedTasks.Result> settled = results.stream().filter(ReplacedTasks.Result::settled).toList();
        jdbc.batchUpdate("UPDATE follow_up SET replaced_at = ?, replace_outcome = ?, replace_error = ? WHERE"
                + " replaces_task_id = ? AND replaced_at IS NULL", settled.stream().map(r -> new Object[] {now,
                        r.outcome().name(), error(r), r.task().taskId()}).toList());
        jdbc.batchUpdate("UPDATE follow_up SET replace_error = ? WHERE replaces_task_id = ? AND replaced_at IS NULL",
                results.stream().filter(r -> !r.settled()).map(r -> new Object[] {error(r), r.task().taskId()})
                        .toList());
        // The CRM no longer holds the replaced task: its row, if the ledger has one, must not count as open.
        List<ReplacedTasks.Result> gone = settled.stream().filter(r -> r.outcome() == ReplacedTasks.Outcome.DELETED
                || r.outcome() == ReplacedTasks.Outcome.GONE).toList();
        jdbc.batchUpdate("UPDATE follow_up SET state = '" + FollowUpLedger.REPLACED + "' WHERE signal_key = ? AND"
                + " task_id = ?", gone.stream().map(r -> new Object[] {r.task().key(), r.task().taskId()}).toList());
        Set<String> accounts = new TreeSet<>();
        gone.forEach(r -> accounts.add(r.task().key().split(":")[1]));
        dirty.queue(accounts, clock.instant());
        return settled.size();
    }

    private static String error(ReplacedTasks.Result r) {
        return r.code() == null ? null : r.code() + ": " + r.message();
    }
}
