package io.redflag.service.scoring;

import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.Coverage;
import io.redflag.domain.scoring.Evidence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every assessment kept (table assessment), the latest one per account (account_score) and the spans of each
 * account's scores (score_history: a row where the score or level changed, in force until the next): what reads
 * scores over time reads that narrow table, never the findings of each assessment. It also keeps the accounts per
 * level counted on each day (level_day), for the portfolio's levels week by week, when {@link LevelCounts} asks.
 */
final class AssessmentStore {
    /** How many reasons go into Risk_Reasons__c and the stored summary. */
    static final int TOP_REASONS = 5;
    /** How long the counts per level of a day are kept: a year and a margin, for the portfolio's 12 weeks. */
    static final int LEVEL_DAYS_KEPT = 400;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    AssessmentStore(DataSource dataSource, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.json = json;
    }

    /** Stores the assessments, each account's latest and their scores, all or none: the three tables agree. */
    void save(List<Assessment> assessments) {
        if (assessments.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> write(assessments));
    }

    private void write(List<Assessment> assessments) {
        jdbc.batchUpdate("INSERT INTO assessment (account_id, as_of, score, level, trend, key_account, strategic,"
                + " reasons, findings, scorecard_version, input_hash, evidence_coverage)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                assessments.stream().map(a -> new Object[] {a.accountId(), time(a.asOf()), a.score(),
                        a.level().label(), a.trend(), a.keyAccount(), a.strategic(), reasons(a), findingsJson(a),
                        a.scorecardVersion(), a.inputHash(), coverage(a)}).toList());
        // The account's open span ends where this assessment's score or level differs from it; one that finds the
        // same continues it.
        jdbc.batchUpdate("UPDATE score_history SET superseded_at = ? WHERE account_id = ? AND superseded_at IS NULL"
                + " AND (score <> ? OR level <> ?)", assessments.stream().map(a -> new Object[] {time(a.asOf()),
                        a.accountId(), a.score(), a.level().label()}).toList());
        jdbc.batchUpdate("MERGE INTO account_score AS t USING (SELECT CAST(? AS VARCHAR(18)) AS account_id,"
                + " MAX(id) AS assessment_id, CAST(? AS TIMESTAMP WITH TIME ZONE) AS as_of, CAST(? AS INT) AS score,"
                + " CAST(? AS VARCHAR(20)) AS level, CAST(? AS INT) AS trend, CAST(? AS BOOLEAN) AS key_account,"
                + " CAST(? AS BOOLEAN) AS strategic, CAST(? AS INT) AS evidence_coverage FROM assessment"
                + " WHERE account_id = ?) AS s ON t.account_id = s.account_id"
                + " WHEN MATCHED THEN UPDATE SET assessment_id = s.assessment_id, as_of = s.as_of, score = s.score,"
                + " level = s.level, trend = s.trend, key_account = s.key_account, strategic = s.strategic,"
                + " evidence_coverage = s.evidence_coverage"
                + " WHEN NOT MATCHED THEN INSERT (account_id, assessment_id, as_of, score, level, trend, key_account,"
                + " strategic, evidence_coverage) VALUES (s.account_id, s.assessment_id, s.as_of, s.score, s.level,"
                + " s.trend, s.key_account, s.strategic, s.evidence_coverage)",
                assessments.stream().map(a -> new Object[] {a.accountId(), time(a.asOf()), a.score(),
                        a.level().label(), a.trend(), a.keyAccount(), a.strategic(), coverage(a), a.accountId()})
                        .toList());
        // A new span, where none is open (the account's first assessment, or its span just ended), copies the row
        // just merged, which carries the new assessment's id. An account twice in one call (not done by the scoring)
        // gets one span from its last assessment.
        jdbc.batchUpdate("INSERT INTO score_history (assessment_id, account_id, as_of, score, level, trend)"
                + " SELECT s.assessment_id, s.account_id, s.as_of, s.score, s.level, s.trend FROM account_score s"
                + " WHERE s.account_id = ? AND NOT EXISTS (SELECT 1 FROM score_history h"
                + " WHERE h.account_id = s.account_id AND h.superseded_at IS NULL)",
                assessments.stream().map(Assessment::accountId).distinct().map(id -> new Object[] {id}).toList());
    }

    /**
     * Counts the accounts per level and scope as they stand now, as the count of {@code day}, replacing that day's
     * earlier count; drops the days older than {@link #LEVEL_DAYS_KEPT}. The day's marker row is written first and
     * locks the day: a second writer (a replica taking over mid-run) waits and then replaces, so a day is never
     * counted twice. When to count is {@link LevelCounts}'s to say.
     */
    void countLevels(LocalDate day, Instant takenAt) {
        try {
            tx.executeWithoutResult(status -> replaceLevels(day, takenAt));
        } catch (DuplicateKeyException firstOfTheDayTwice) {
            // Another writer inserted the day's marker meanwhile: it exists now, so this attempt locks it.
            tx.executeWithoutResult(status -> replaceLevels(day, takenAt));
        }
    }

    /** The latest day counted, by any replica; null before the first count. */
    LocalDate latestCountedDay() {
        return jdbc.queryForObject("SELECT MAX(counted_on) FROM level_day_taken", LocalDate.class);
    }

    private void replaceLevels(LocalDate day, Instant takenAt) {
        if (jdbc.update("UPDATE level_day_taken SET taken_at = ? WHERE counted_on = ?", time(takenAt), day) == 0) {
            jdbc.update("INSERT INTO level_day_taken (counted_on, taken_at) VALUES (?, ?)", day, time(takenAt));
        }
        jdbc.update("DELETE FROM level_day WHERE counted_on = ?", day);
        jdbc.update("INSERT INTO level_day (counted_on, owner, segment, tier, key_account, level, accounts)"
                + " SELECT ?, a.owner, a.segment, a.tier, s.key_account, s.level, COUNT(*) FROM account_score s"
                + " JOIN account a ON a.id = s.account_id WHERE a.deleted = FALSE"
                + " GROUP BY a.owner, a.segment, a.tier, s.key_account, s.level", day);
        LocalDate oldest = day.minusDays(LEVEL_DAYS_KEPT);
        jdbc.update("DELETE FROM level_day WHERE counted_on < ?", oldest);
        jdbc.update("DELETE FROM level_day_taken WHERE counted_on < ?", oldest);
    }

    private static Integer coverage(Assessment a) {
        return a.coverage() == null ? null : a.coverage().percent();
    }

    /**
     * Each account's latest score stored on or before {@code day} (UTC), where one was stored: the whole day,
     * so every rescore on a later day compares with the same score whatever its hour.
     */
    Map<String, Integer> scoresOn(Collection<String> accountIds, LocalDate day) {
        Map<String, Integer> out = new HashMap<>();
        List<String> ids = List.copyOf(accountIds);
        Object end = time(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Object[] args = new Object[chunk.size() + 2];
            for (int i = 0; i < chunk.size(); i++) {
                args[i] = chunk.get(i);
            }
            args[chunk.size()] = end;
            args[chunk.size() + 1] = end;
            // The score in force just before the day ends: stored before its end, superseded at it or later.
            jdbc.query("SELECT account_id, score FROM score_history WHERE account_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") AND as_of < ?"
                    + " AND (superseded_at IS NULL OR superseded_at >= ?)", rs -> {
                        out.put(rs.getString(1), rs.getInt(2));
                    }, args);
        }
        return out;
    }

    static String reasons(Assessment a) {
        List<String> top = a.topReasons(TOP_REASONS);
        return top.isEmpty() ? null : String.join("\n", top);
    }

    /**
     * The evidence as one JSON document: the risks that count, what was found but not counted (and why), the
     * positive evidence, and the coverage (which signals lacked which input).
     */
    private String findingsJson(Assessment a) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("risks", a.risks());
        all.put("notCounted", a.notCounted());
        all.put("positives", a.positives());
        if (a.coverage() != null) {
            all.put("coverage", coverageJson(a.coverage()));
        }
        return json.writeValueAsString(all);
    }

    private static Map<String, Object> coverageJson(Coverage c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("percent", c.percent());
        out.put("explanation", c.explanation());
        out.put("present", c.present().stream().map(Evidence::label).toList());
        out.put("missing", c.missing().stream().map(Evidence::label).toList());
        out.put("covered", c.covered());
        List<Map<String, Object>> uncovered = new ArrayList<>();
        c.uncovered().forEach((signal, lacks) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("signal", signal);
            one.put("lacks", lacks.stream().map(Evidence::label).toList());
            uncovered.add(one);
        });
        out.put("uncovered", uncovered);
        return out;
    }

    static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
