package io.redflag.service.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The read side of the API: plain queries over the store's scoring tables. */
@Component
public class AccountQueries {
    /** @param evidenceCoverage the share (per cent) of signals that had their inputs; null if not measured */
    public record AccountSummary(String id, String name, String ownerId, String tier, String segment, int score,
            String level, Integer trend, boolean keyAccount, boolean strategic, Integer evidenceCoverage,
            Instant scoredAt) {
    }

    public record Assessment(long id, String accountId, Instant asOf, int score, String level, Integer trend,
            boolean keyAccount, boolean strategic, String reasons, String findingsJson, String scorecardVersion,
            String inputHash, Integer evidenceCoverage) {
    }

    public record HistoryPoint(Instant asOf, int score, String level, Integer trend) {
    }

    public record FollowUp(String key, String signal, String severity, String subject, String priority, LocalDate dueDate,
            String ownerId, String state, String taskId, Instant plannedAt, Instant createdAt, String error) {
    }

    private final JdbcTemplate jdbc;

    public AccountQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    List<AccountSummary> accounts(String level, String segment, Boolean keyOnly, int limit) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.name, a.owner, a.tier, a.segment, s.score, s.level,"
                + " s.trend, s.key_account, s.strategic, s.as_of, s.evidence_coverage FROM account_score s"
                + " JOIN account a ON a.id ="
                + " s.account_id WHERE a.deleted = FALSE");
        List<Object> args = new ArrayList<>();
        if (level != null) {
            sql.append(" AND s.level = ?");
            args.add(level);
        }
        if (segment != null) {
            sql.append(" AND (a.segment = ? OR a.tier = ?)");
            args.add(segment);
            args.add(segment);
        }
        if (Boolean.TRUE.equals(keyOnly)) {
            sql.append(" AND s.key_account = TRUE");
        }
        sql.append(" ORDER BY s.score, a.id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, i) -> new AccountSummary(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), integer(rs, 8),
                rs.getBoolean(9), rs.getBoolean(10), integer(rs, 12), instant(rs.getObject(11, OffsetDateTime.class))),
                args.toArray());
    }

    public Optional<Assessment> latest(String accountId) {
        return jdbc.query("SELECT a.id, a.account_id, a.as_of, a.score, a.level, a.trend, a.key_account, a.strategic,"
                + " a.reasons, a.findings, a.scorecard_version, a.input_hash, a.evidence_coverage FROM assessment a"
                + " JOIN account_score s ON s.assessment_id = a.id WHERE s.account_id = ?", (rs, i) -> new Assessment(
                        rs.getLong(1), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)), rs.getInt(4),
                        rs.getString(5), integer(rs, 6), rs.getBoolean(7), rs.getBoolean(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), integer(rs, 13)), accountId).stream()
                .findFirst();
    }

    /**
     * The account's score where it changed (its score or level; each point in force until the next), then its latest
     * assessment, which ends the line where it is not itself a change. Empty when the account was never scored.
     */
    public List<HistoryPoint> history(String accountId) {
        return jdbc.query("SELECT as_of, score, level, trend FROM score_history WHERE account_id = ?"
                + " UNION SELECT as_of, score, level, trend FROM account_score WHERE account_id = ? ORDER BY 1",
                (rs, i) -> new HistoryPoint(instant(rs.getObject(1, OffsetDateTime.class)), rs.getInt(2),
                        rs.getString(3), integer(rs, 4)), accountId, accountId);
    }

    public List<FollowUp> followUps(String accountId) {
        return jdbc.query("SELECT signal_key, signal, severity, subject, priority, due_date, owner_id, state, task_id,"
                + " planned_at, created_at, error_message FROM follow_up WHERE account_id = ? ORDER BY planned_at,"
                + " signal_key", (rs, i) -> new FollowUp(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getString(8), rs.getString(9), instant(rs.getObject(10, OffsetDateTime.class)),
                        instant(rs.getObject(11, OffsetDateTime.class)), rs.getString(12)), accountId);
    }

    public boolean accountExists(String accountId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE id = ?", Integer.class, accountId);
        return n != null && n > 0;
    }

    private static Integer integer(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
