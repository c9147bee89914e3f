package io.redflag.service.scoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.redflag.service.store.OwnTasks;
import io.redflag.connector.resilience.CrmErrorKind;
import io.redflag.connector.writeback.NewFollowUpTask;
import io.redflag.connector.writeback.WriteResult;
import io.redflag.domain.scoring.FollowUp;
import io.redflag.domain.scoring.FollowUpPlanner;
import io.redflag.domain.scoring.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Follow-up tasks by key, as Redflag planned and wrote them. A task is PLANNED here before the CRM is asked to
 * create it, CREATED with its CRM id after (whether the CRM's answer named it, or a look-up by key found it
 * after the answer was lost). The rules are not decided on this table: the CRM's own tasks are the truth
 * ({@link HeldFollowUps}); what is PLANNED and not sent yet is the one thing only this table knows. Its
 * {@link #existing} view, with the synced task table, is the cheap pre-filter of {@link FollowUpRound}. The
 * tasks waiting to be created are the gauge {@value #PENDING}. A CREATED task that a more severe one replaced
 * ({@code followUps.overCap: replace}) becomes REPLACED once the CRM no longer holds it ({@link ReplacedFollowUps}).
 */
final class FollowUpLedger implements MeterBinder, StoredFollowUps {
    static final String PENDING = "redflag.followups.pending";
    static final String PLANNED = "PLANNED";
    static final String CREATED = "CREATED";
    static final String FAILED = "FAILED";
    /** A CREATED task that a more severe one took the place of, and that the CRM no longer holds. */
    static final String REPLACED = "REPLACED";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FollowUpLedger(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PENDING, this, FollowUpLedger::pendingCount).baseUnit("tasks")
                .description("follow-up tasks planned and waiting to be created in the CRM").register(registry);
    }

    /** Tasks planned and not created yet (a retryable failure leaves a task planned). */
    int pendingCount() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM follow_up WHERE state = '" + PLANNED + "'",
                Integer.class);
        return n == null ? 0 : n;
    }

    /** A task planned and not created yet. */
    record Pending(String key, String ownerId) {
    }

    /**
     * Every follow-up task planned and not created yet (a retryable failure leaves a task planned); digests
     * count towards no cap and are left out.
     */
    List<Pending> pending() {
        return jdbc.query("SELECT signal_key, owner_id FROM follow_up WHERE state = '" + PLANNED + "' AND signal <> '"
                + HeldBackDigest.SIGNAL + "'", (rs, i) -> new Pending(rs.getString(1), rs.getString(2)));
    }

    /** A manager's weekly digest of held-back follow-ups ({@link HeldBackDigest}): a task on no account. */
    record Digest(String key, String managerId, String severity, String subject, String description,
            String priority, LocalDate dueDate) {
    }

    /** Which of these keys the ledger holds, in whatever state. */
    Set<String> known(Collection<String> keys) {
        Set<String> known = new HashSet<>();
        byKeys("signal_key", keys, rs -> {
            known.add(rs.getString(1));
        });
        return known;
    }

    /** Reads these columns of the rows of these keys, 500 keys a query. */
    private void byKeys(String columns, Collection<String> keys, RowCallbackHandler row) {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            jdbc.query("SELECT " + columns + " FROM follow_up WHERE signal_key IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", row, chunk.toArray());
        }
    }

    /** Plans digests whose keys the ledger does not hold yet. */
    void planDigests(List<Digest> digests, Instant at) {
        jdbc.batchUpdate("INSERT INTO follow_up (signal_key, account_id, signal, owner_id, severity, subject,"
                + " description, priority, due_date, planned_at, state) VALUES (?, NULL, '" + HeldBackDigest.SIGNAL
                + "', ?, ?, ?, ?, ?, ?, ?, '" + PLANNED + "')", digests.stream().map(d -> new Object[] {d.key(),
                        d.managerId(), d.severity(), d.subject(), d.description(), d.priority(), d.dueDate(),
                        AssessmentStore.time(at)}).toList());
    }

    /**
     * The store's copy of open keys, closing times and this week's counts per assignee, for every account (one
     * pass): a pre-filter only, see {@link FollowUpRound}.
     */
    @Override
    public FollowUpPlanner.Existing existingEverywhere() {
        return existing(null);
    }

    /**
     * The store's copy of open keys, closing times and this week's counts per assignee, for these accounts (null:
     * all): a pre-filter only, see {@link FollowUpRound}.
     */
    FollowUpPlanner.Existing existing(Collection<String> accountIds) {
        Set<String> open = new HashSet<>();
        Map<String, Instant> closed = new HashMap<>();
        List<String> ids = accountIds == null ? null : List.copyOf(accountIds);
        for (int from = 0; ids == null ? from == 0 : from < ids.size(); from += 500) {
            List<String> chunk = ids == null ? List.of() : ids.subList(from, Math.min(ids.size(), from + 500));
            String in = ids == null ? " IS NOT NULL" : " IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            // Tasks in the CRM carrying a key (ours, whenever made), as the sync last read them; one that a more
            // severe task replaced is gone, whether or not the sync has seen it go.
            jdbc.query("SELECT signal_key, closed, completed_at, modified_at FROM task WHERE deleted = FALSE"
                    + " AND " + OwnTasks.OWN + " AND account" + in + " AND NOT EXISTS (SELECT 1 FROM follow_up r"
                    + " WHERE r.replaces_task_id = task.id AND r.replace_outcome IN ('DELETED', 'GONE'))", rs -> {
                        note(open, closed, rs.getString(1), rs.getBoolean(2), rs.getObject(3, OffsetDateTime.class),
                                rs.getObject(4, OffsetDateTime.class));
                    }, chunk.toArray());
            // Tasks we planned or created that the sync has not read back yet.
            jdbc.query("SELECT f.signal_key, f.state, t.id, t.deleted FROM follow_up f LEFT JOIN task t"
                    + " ON t.id = f.task_id WHERE f.state IN ('" + PLANNED + "', '" + CREATED + "') AND f.account_id"
                    + in, rs -> {
                        if (rs.getString(3) == null || !rs.getBoolean(4) && !closed.containsKey(rs.getString(1))) {
                            open.add(rs.getString(1));
                        }
                    }, chunk.toArray());
        }
        Map<String, Integer> week = new HashMap<>();
        jdbc.query("SELECT owner_id, COUNT(*) FROM follow_up WHERE planned_at > ? AND state NOT IN ('" + FAILED
                + "', '" + REPLACED + "') AND signal <> '" + HeldBackDigest.SIGNAL + "' GROUP BY owner_id", rs -> {
                    week.put(rs.getString(1), rs.getInt(2));
                }, AssessmentStore.time(clock.instant().minus(Duration.ofDays(7))));
        return new FollowUpPlanner.Existing(open, closed, week);
    }

    private static void note(Set<String> open, Map<String, Instant> closed, String key, boolean isClosed,
            OffsetDateTime completed, OffsetDateTime modified) {
        if (!isClosed) {
            open.add(key);
        } else {
            Instant at = (completed != null ? completed : modified).toInstant();
            closed.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /**
     * Plans these tasks; a task that takes the place of another ({@code replacements}) notes that task, to be
     * deleted once the new one is CREATED ({@link ReplacedFollowUps}). Planning a key again forgets what its
     * earlier task replaced.
     */
    void plan(List<FollowUp> ups, List<FollowUpPlanner.Replacement> replacements) {
        Object now = AssessmentStore.time(clock.instant());
        Map<String, FollowUpPlanner.Replacement> replacing = new HashMap<>();
        replacements.forEach(r -> replacing.put(r.byKey(), r));
        jdbc.batchUpdate("MERGE INTO follow_up AS t USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(18)),"
                + " CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(18)), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(255)),"
                + " CAST(? AS VARCHAR(32000)), CAST(? AS VARCHAR(20)), CAST(? AS DATE),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(18))))"
                + " AS s (signal_key, account_id, signal, owner_id, severity, subject, description, priority, due_date,"
                + " planned_at, replaces_key, replaces_task_id) ON t.signal_key = s.signal_key"
                + " WHEN MATCHED THEN UPDATE SET owner_id = s.owner_id, severity = s.severity, subject = s.subject,"
                + " description = s.description, priority = s.priority, due_date = s.due_date,"
                + " planned_at = s.planned_at, state = '" + PLANNED + "', task_id = NULL, created_at = NULL,"
                + " error_code = NULL, error_message = NULL, replaces_key = s.replaces_key,"
                + " replaces_task_id = s.replaces_task_id, replaced_at = NULL, replace_outcome = NULL,"
                + " replace_error = NULL"
                + " WHEN NOT MATCHED THEN INSERT (signal_key, account_id, signal, owner_id, severity, subject,"
                + " description, priority, due_date, planned_at, state, replaces_key, replaces_task_id) VALUES"
                + " (s.signal_key, s.account_id, s.signal, s.owner_id, s.severity, s.subject, s.description,"
                + " s.priority, s.due_date, s.planned_at, '" + PLANNED + "', s.replaces_key, s.replaces_task_id)",
                ups.stream().map(u -> {
                    FollowUpPlanner.Replacement r = replacing.get(u.key());
                    return new Object[] {u.key(), u.accountId(), u.signal().name(), u.assigneeId(),
                        u.severity().name(), u.subject(), u.description(), u.priority(), u.dueDate(), now,
                        r == null ? null : r.replacedKey(), r == null ? null : r.replacedTaskId()};
                }).toList());
    }

    /**
     * The tasks a planned or created follow-up is to replace and that are not deleted yet: on their way out, so
     * planning neither counts them towards the cap (their replacement counts in their place) nor picks them again.
     */
    Set<String> replacing() {
        return new HashSet<>(jdbc.queryForList("SELECT replaces_task_id FROM follow_up WHERE replaces_task_id IS NOT"
                + " NULL AND replaced_at IS NULL AND state IN ('" + PLANNED + "', '" + CREATED + "')", String.class));
    }

    /** The severity each of these keys was last planned with, where the ledger knows it. */
    Map<String, Severity> severities(Collection<String> keys) {
        Map<String, Severity> out = new HashMap<>();
        byKeys("signal_key, severity", keys, rs -> {
            out.put(rs.getString(1), Severity.valueOf(rs.getString(2)));
        });
        return out;
    }

    List<NewFollowUpTask> planned(int limit) {
        return jdbc.query("SELECT signal_key, account_id, owner_id, subject, description, priority, due_date"
                + " FROM follow_up WHERE state = '" + PLANNED + "' ORDER BY planned_at, signal_key FETCH FIRST " + limit
                + " ROWS ONLY", (rs, i) -> {
                    String key = rs.getString(1);
                    String[] parts = key.split(":");
                    String who = parts.length == 3 && parts[2].startsWith("003") ? parts[2] : null;
                    return new NewFollowUpTask(key, rs.getString(2), who, rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class));
                });
    }

    /** Created (answered, found after a lost answer, or there already): CREATED with the id the CRM holds. */
    void record(List<WriteResult> results) {
        Object now = AssessmentStore.time(clock.instant());
        jdbc.batchUpdate("UPDATE follow_up SET state = '" + CREATED + "', task_id = ?, created_at = ?,"
                + " error_code = NULL, error_message = NULL WHERE signal_key = ?", results.stream()
                        .filter(WriteResult::ok).map(r -> new Object[] {r.id(), now, r.key()}).toList());
        jdbc.batchUpdate("UPDATE follow_up SET state = ?, error_code = ?, error_message = ? WHERE signal_key = ?",
                results.stream().filter(r -> !r.ok()).map(r -> new Object[] {r.kind() == CrmErrorKind.PERMANENT
                        ? FAILED : PLANNED, r.code(), r.message(), r.key()}).toList());
    }
}
