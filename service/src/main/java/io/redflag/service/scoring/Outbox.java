package io.redflag.service.scoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.redflag.connector.resilience.CrmErrorKind;
import io.redflag.connector.writeback.AccountRiskUpdate;
import io.redflag.connector.writeback.WriteResult;
import io.redflag.domain.scoring.Assessment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state-based outbox of Account risk fields: the latest desired values per account, marked pending only
 * when they differ from what the CRM holds (as last read by the sync, or as last written by us when that is
 * newer). Many rescorings coalesce into one write; a retry always sends the latest truth; a rerun with nothing
 * changed writes nothing. The time of scoring alone is no difference. Its depth is the gauge
 * {@value #PENDING}.
 */
final class Outbox implements MeterBinder {
    static final String PENDING = "redflag.outbox.pending";

    private record Values(Integer score, String level, String reasons, Integer trend) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Outbox(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Records the desired state of these accounts; returns how many now wait to be written. */
    int offer(List<Assessment> assessments) {
        if (assessments.isEmpty()) {
            return 0;
        }
        Map<String, Values> held = crmHeld(assessments.stream().map(Assessment::accountId).toList());
        List<Object[]> rows = new ArrayList<>();
        int pending = 0;
        for (Assessment a : assessments) {
            Values want = new Values(a.score(), a.level().label(), AssessmentStore.reasons(a), a.trend());
            boolean differs = !want.equals(held.get(a.accountId()));
            pending += differs ? 1 : 0;
            rows.add(new Object[] {a.accountId(), a.score(), a.level().label(), want.reasons(), a.trend(),
                    AssessmentStore.time(a.asOf()), differs});
        }
        jdbc.batchUpdate("MERGE INTO account_outbox AS t USING (VALUES (CAST(? AS VARCHAR(18)), CAST(? AS INT),"
                + " CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(32768)), CAST(? AS INT),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS BOOLEAN))) AS s (account_id, score, level, reasons,"
                + " trend, scored_at, pending) ON t.account_id = s.account_id"
                + " WHEN MATCHED THEN UPDATE SET score = s.score, level = s.level, reasons = s.reasons,"
                + " trend = s.trend, scored_at = CASE WHEN s.pending THEN s.scored_at ELSE t.scored_at END,"
                + " pending = s.pending, failed_for_good = CASE WHEN s.pending THEN FALSE ELSE t.failed_for_good END,"
                + " attempts = CASE WHEN s.pending THEN t.attempts ELSE 0 END"
                + " WHEN NOT MATCHED THEN INSERT (account_id, score, level, reasons, trend, scored_at, pending)"
                + " VALUES (s.account_id, s.score, s.level, s.reasons, s.trend, s.scored_at, s.pending)", rows);
        return pending;
    }

    /** The pending updates, oldest account ids first. */
    List<AccountRiskUpdate> pending(int limit) {
        return jdbc.query("SELECT account_id, score, level, reasons, trend, scored_at FROM account_outbox"
                + " WHERE pending = TRUE AND failed_for_good = FALSE ORDER BY account_id FETCH FIRST " + limit
                + " ROWS ONLY", (rs, i) -> new AccountRiskUpdate(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), integer(rs.getObject(5)), rs.getObject(6, OffsetDateTime.class).toInstant()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PENDING, this, Outbox::pendingCount).baseUnit("accounts")
                .description("accounts whose risk fields wait to be written to the CRM (not those it refused for good)")
                .register(registry);
    }

    int pendingCount() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM account_outbox WHERE pending = TRUE"
                + " AND failed_for_good = FALSE", Integer.class);
        return n == null ? 0 : n;
    }

    /** Accounts the CRM refused for good, with the CRM's message for each (at most {@code limit}). */
    List<String> refused(int limit) {
        return jdbc.query("SELECT account_id, error_code, error_message FROM account_outbox WHERE failed_for_good ="
                + " TRUE ORDER BY account_id FETCH FIRST " + limit + " ROWS ONLY", (rs, i) -> rs.getString(1) + ": "
                        + rs.getString(2) + " " + rs.getString(3));
    }

    /** Written: no longer pending. Transient: stays pending, counted. Permanent: kept with the CRM's message. */
    void record(List<WriteResult> results) {
        Instant now = clock.instant();
        List<Object[]> ok = new ArrayList<>();
        List<Object[]> failed = new ArrayList<>();
        for (WriteResult r : results) {
            if (r.ok()) {
                ok.add(new Object[] {AssessmentStore.time(now), r.key()});
            } else {
                failed.add(new Object[] {r.kind() == CrmErrorKind.PERMANENT, r.code(), truncate(r.message()), r.key()});
            }
        }
        jdbc.batchUpdate("UPDATE account_outbox SET pending = FALSE, written_at = ?, attempts = 0, error_code = NULL,"
                + " error_message = NULL WHERE account_id = ?", ok);
        jdbc.batchUpdate("UPDATE account_outbox SET failed_for_good = ?, attempts = attempts + 1, error_code = ?,"
                + " error_message = ? WHERE account_id = ?", failed);
    }

    /** What the CRM holds per account: the synced fields, or what we last wrote when that is newer. */
    private Map<String, Values> crmHeld(List<String> ids) {
        Map<String, Values> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.query("SELECT a.id, a.health_score, a.risk_level, a.risk_reasons, a.health_trend, a.modified_at,"
                    + " o.score, o.level, o.reasons, o.trend, o.written_at, o.pending FROM account a LEFT JOIN"
                    + " account_outbox o ON o.account_id = a.id WHERE a.id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        OffsetDateTime modified = rs.getObject(6, OffsetDateTime.class);
                        OffsetDateTime written = rs.getObject(11, OffsetDateTime.class);
                        boolean oursIsNewer = written != null && !rs.getBoolean(12)
                                && (modified == null || written.isAfter(modified));
                        Values v = oursIsNewer
                                ? new Values(integer(rs.getObject(7)), rs.getString(8), rs.getString(9),
                                        integer(rs.getObject(10)))
                                : new Values(integer(rs.getObject(2)), rs.getString(3), blankToNull(rs.getString(4)),
                                        integer(rs.getObject(5)));
                        out.put(rs.getString(1), v);
                    }, chunk.toArray());
        }
        return out;
    }

    private static Integer integer(Object v) {
        return v == null ? null : v instanceof BigDecimal d ? d.intValue() : ((Number) v).intValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }
}
