package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.Level;
import io.redflag.service.api.AccountQueries;
import io.redflag.service.api.AccountQueries.HistoryPoint;
import io.redflag.service.store.Databases;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * score_history keeps spans: a row where an account's score or level changed, in force until the next. Saved
 * assessments that repeat the score continue the span. On H2 and PostgreSQL.
 */
class ScoreSpansIT {
    private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");
    private static final String ALPHA = "001000000000001AAA";
    private static final String BRAVO = "001000000000002AAA";

    /** One row of score_history. */
    record Span(long assessmentId, String account, Instant asOf, Instant supersededAt, int score, String level,
            Integer trend) {
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRepeatedScoreContinuesItsSpanAndAChangeOfScoreOrLevelStartsTheNext(String db) {
        DataSource ds = Databases.fresh(db);
        AssessmentStore store = new AssessmentStore(ds, JsonMapper.builder().build());

        store.save(List.of(assessment(ALPHA, 5, 80, Level.HEALTHY, null), assessment(BRAVO, 5, 50, Level.WATCH, null)));
        store.save(List.of(assessment(ALPHA, 4, 80, Level.HEALTHY, 0), assessment(BRAVO, 4, 50, Level.WATCH, 0)));
        store.save(List.of(assessment(ALPHA, 3, 70, Level.WATCH, -10)));
        store.save(List.of(assessment(ALPHA, 2, 70, Level.WATCH, -10)));
        store.save(List.of(assessment(ALPHA, 1, 70, Level.AT_RISK, -10))); // the level alone changed

        List<Long> ids = new JdbcTemplate(ds).queryForList("SELECT id FROM assessment ORDER BY id", Long.class);
        assertThat(spans(ds)).containsExactly(
                new Span(ids.get(0), ALPHA, day(5), day(3), 80, "Healthy", null),
                new Span(ids.get(4), ALPHA, day(3), day(1), 70, "Watch", -10),
                new Span(ids.get(6), ALPHA, day(1), null, 70, "At Risk", -10),
                new Span(ids.get(1), BRAVO, day(5), null, 50, "Watch", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theHistoryListsEachChangeThenTheLatestAssessment(String db) {
        DataSource ds = Databases.fresh(db);
        AssessmentStore store = new AssessmentStore(ds, JsonMapper.builder().build());
        store.save(List.of(assessment(ALPHA, 5, 80, Level.HEALTHY, null)));
        store.save(List.of(assessment(ALPHA, 4, 80, Level.HEALTHY, 0)));
        store.save(List.of(assessment(ALPHA, 3, 70, Level.WATCH, -10)));
        AccountQueries queries = new AccountQueries(ds);

        // The latest assessment started a span: it is listed once.
        assertThat(queries.history(ALPHA)).containsExactly(new HistoryPoint(day(5), 80, "Healthy", null),
                new HistoryPoint(day(3), 70, "Watch", -10));

        store.save(List.of(assessment(ALPHA, 1, 70, Level.WATCH, -5)));

        assertThat(queries.history(ALPHA)).containsExactly(new HistoryPoint(day(5), 80, "Healthy", null),
                new HistoryPoint(day(3), 70, "Watch", -10), new HistoryPoint(day(1), 70, "Watch", -5));
        assertThat(queries.history(BRAVO)).isEmpty();
    }

    private static List<Span> spans(DataSource ds) {
        return new JdbcTemplate(ds).query("SELECT assessment_id, account_id, as_of, superseded_at, score, level, trend"
                + " FROM score_history ORDER BY account_id, as_of", (rs, i) -> {
                    OffsetDateTime until = rs.getObject(4, OffsetDateTime.class);
                    int trend = rs.getInt(7);
                    Integer t = rs.wasNull() ? null : trend;
                    return new Span(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            until == null ? null : until.toInstant(), rs.getInt(5), rs.getString(6), t);
                });
    }

    private static Assessment assessment(String account, int daysAgo, int score, Level level, Integer trend) {
        return new Assessment(account, day(daysAgo), score, level, List.of(), List.of(), true, false, "test-1", "hash",
                trend, null);
    }

    private static Instant day(int daysAgo) {
        return NOW.minus(Duration.ofDays(daysAgo));
    }
}
