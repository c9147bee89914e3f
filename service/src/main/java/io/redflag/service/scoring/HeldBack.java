package io.redflag.service.scoring;

import io.redflag.domain.scoring.FollowUp;
import io.redflag.domain.scoring.Severity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the weekly cap per assignee holds back, as the latest scoring of each account left it (table
 * held_follow_up). Scoring an account replaces its rows: a follow-up stays while it is held back again, and goes
 * when its task is planned or its finding is gone. A row keeps when it was first held back, so the manager's
 * digest ({@link HeldBackDigest}) and the API can say how long it has waited.
 */
public final class HeldBack {
    /** A follow-up the cap holds back. */
    public record Held(String key, String accountId, String signal, String severity, String assigneeId, String subject,
            Instant firstHeldAt, Instant lastHeldAt) {
    }

    private static final String COLUMNS = "signal_key, account_id, signal, severity, assignee_id, subject,"
            + " first_held_at, last_held_at";
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    HeldBack(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * The outcome of planning these accounts: their held-back follow-ups are now exactly {@code held} (each of
     * them an account of {@code accountIds}).
     */
    void replace(Collection<String> accountIds, List<FollowUp> held, Instant at) {
        Set<String> keys = held.stream().map(FollowUp::key).collect(Collectors.toSet());
        List<String> ids = List.copyOf(accountIds);
        List<Object[]> gone = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.queryForList("SELECT signal_key FROM held_follow_up WHERE account_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", String.class, chunk.toArray())
                    .stream().filter(key -> !keys.contains(key)).forEach(key -> gone.add(new Object[] {key}));
        }
        jdbc.batchUpdate("DELETE FROM held_follow_up WHERE signal_key = ?", gone);
        Object now = AssessmentStore.time(at);
        jdbc.batchUpdate("MERGE INTO held_follow_up AS t USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(18)),"
                + " CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(18)), CAST(? AS VARCHAR(255)),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (signal_key, account_id, signal, severity, assignee_id,"
                + " subject, held_at) ON t.signal_key = s.signal_key WHEN MATCHED THEN UPDATE SET severity = s.severity,"
                + " assignee_id = s.assignee_id, subject = s.subject, last_held_at = s.held_at WHEN NOT MATCHED THEN"
                + " INSERT (" + COLUMNS + ") VALUES (s.signal_key, s.account_id, s.signal, s.severity, s.assignee_id,"
                + " s.subject, s.held_at, s.held_at)", held.stream().map(u -> new Object[] {u.key(), u.accountId(),
                        u.signal().name(), u.severity().name(), u.assigneeId(), u.subject(), now}).toList());
    }

    /** Every follow-up held back now, most severe first, then the longest waiting. */
    public List<Held> all() {
        return query("", new Object[0]);
    }

    /** The follow-ups held back now for one assignee, most severe first, then the longest waiting. */
    public List<Held> of(String assigneeId) {
        return query(" WHERE assignee_id = ?", new Object[] {assigneeId});
    }

    /** The follow-ups held back now on one account, most severe first, then the longest waiting. */
    public List<Held> onAccount(String accountId) {
        return query(" WHERE account_id = ?", new Object[] {accountId});
    }

    private List<Held> query(String where, Object[] args) {
        return jdbc.query("SELECT " + COLUMNS + " FROM held_follow_up" + where, (rs, i) -> new Held(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getObject(8, OffsetDateTime.class).toInstant()),
                args).stream().sorted(BY_URGENCY).toList();
    }

    /** Severity names sort CRITICAL, HIGH, LOW, MEDIUM alphabetically: compare by the enum's order instead. */
    private static final Comparator<Held> BY_URGENCY = Comparator
            .comparing((Held h) -> Severity.valueOf(h.severity()), Comparator.reverseOrder())
            .thenComparing(Held::firstHeldAt).thenComparing(Held::key);
}
