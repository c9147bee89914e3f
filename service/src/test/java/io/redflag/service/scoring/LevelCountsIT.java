package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.Level;
import io.redflag.service.store.Databases;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * When the scoring counts the accounts per level of a day: runs over changed accounts at most every 15 minutes,
 * runs over every account and a day's first run always; a day whose last runs went uncounted is counted before the
 * next day changes anything, unless another replica counted a later day already. One account, whose level each
 * run sets; the whole of level_day and level_day_taken compared after each step. On H2 and PostgreSQL.
 */
class LevelCountsIT {
    private static final String OWNER = "005000000000001AAA";
    private static final String ALPHA = "001000000000001AAA";
    private static final LocalDate DEC_2 = LocalDate.parse("2026-12-02");
    private static final LocalDate DEC_3 = LocalDate.parse("2026-12-03");

    /** One row of level_day with its day's taken_at. */
    record Count(LocalDate day, Instant takenAt, String owner, String segment, boolean key, String level,
            int accounts) {
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void changedRunsCountAtMostEveryFifteenMinutesRunsOverEveryAccountAlways(String db) {
        DataSource ds = planted(db);
        AssessmentStore store = new AssessmentStore(ds, JsonMapper.builder().build());
        LevelCounts counts = new LevelCounts(store);
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");

        run(store, counts, t0, Level.HEALTHY, false);
        assertThat(counts(ds)).containsExactly(count(DEC_2, t0, "Healthy"));

        run(store, counts, t0.plus(Duration.ofMinutes(5)), Level.CRITICAL, false);
        assertThat(counts(ds)).containsExactly(count(DEC_2, t0, "Healthy"));

        Instant everyAccount = t0.plus(Duration.ofMinutes(10));
        run(store, counts, everyAccount, Level.CRITICAL, true);
        assertThat(counts(ds)).containsExactly(count(DEC_2, everyAccount, "Critical"));

        run(store, counts, everyAccount.plus(Duration.ofMinutes(14)), Level.WATCH, false);
        assertThat(counts(ds)).containsExactly(count(DEC_2, everyAccount, "Critical"));

        Instant due = everyAccount.plus(Duration.ofMinutes(15));
        run(store, counts, due, Level.AT_RISK, false);
        assertThat(counts(ds)).containsExactly(count(DEC_2, due, "At Risk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDayWhoseLastRunsWentUncountedIsCountedBeforeTheNextDayChangesAnything(String db) {
        DataSource ds = planted(db);
        AssessmentStore store = new AssessmentStore(ds, JsonMapper.builder().build());
        LevelCounts counts = new LevelCounts(store);
        Instant evening = Instant.parse("2026-12-02T23:40:00Z");
        run(store, counts, evening, Level.HEALTHY, false);
        run(store, counts, evening.plus(Duration.ofMinutes(10)), Level.CRITICAL, false);
        assertThat(counts(ds)).containsExactly(count(DEC_2, evening, "Healthy"));

        Instant morning = Instant.parse("2026-12-03T06:00:00Z");
        run(store, counts, morning, Level.WATCH, false);

        // 2 December as its last run left it (counted the next morning, before that run stored anything).
        assertThat(counts(ds)).containsExactly(count(DEC_2, morning, "Critical"), count(DEC_3, morning, "Watch"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anUncountedDayIsLeftAsCountedWhenAnotherReplicaCountedALaterDay(String db) {
        DataSource ds = planted(db);
        AssessmentStore store = new AssessmentStore(ds, JsonMapper.builder().build());
        LevelCounts one = new LevelCounts(store);
        LevelCounts two = new LevelCounts(store);
        Instant evening = Instant.parse("2026-12-02T23:40:00Z");
        run(store, one, evening, Level.HEALTHY, false);
        run(store, one, evening.plus(Duration.ofMinutes(10)), Level.CRITICAL, false);
        // The other replica leads overnight, then this one again.
        Instant night = Instant.parse("2026-12-03T01:00:00Z");
        run(store, two, night, Level.WATCH, false);
        Instant morning = Instant.parse("2026-12-03T06:00:00Z");
        run(store, one, morning, Level.AT_RISK, false);

        // Counting 2 December now would give today's level to yesterday.
        assertThat(counts(ds)).containsExactly(count(DEC_2, evening, "Healthy"), count(DEC_3, morning, "At Risk"));
    }

    /** A run as ScoringService makes it: count what is due, store the account's assessment, count what is due. */
    private static void run(AssessmentStore store, LevelCounts counts, Instant asOf, Level level,
            boolean everyAccount) {
        counts.beforeRun(asOf);
        store.save(List.of(new Assessment(ALPHA, asOf, 50, level, List.of(), List.of(), true, false, "test-1",
                "hash", null, null)));
        counts.afterRun(asOf, everyAccount);
    }

    private static DataSource planted(String db) {
        DataSource ds = Databases.fresh(db);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Timestamp now = Timestamp.from(Instant.parse("2026-12-01T00:00:00Z"));
        jdbc.update("INSERT INTO crm_user (id, name, active, modified_at) VALUES (?, 'Ada Owner', TRUE, ?)", OWNER,
                now);
        jdbc.update("INSERT INTO account (id, name, owner, segment, created_at, modified_at) VALUES (?, 'Alpha', ?,"
                + " 'Enterprise', ?, ?)", ALPHA, OWNER, now, now);
        return ds;
    }

    private static Count count(LocalDate day, Instant takenAt, String level) {
        return new Count(day, takenAt, OWNER, "Enterprise", true, level, 1);
    }

    private static List<Count> counts(DataSource ds) {
        return new JdbcTemplate(ds).query("SELECT d.counted_on, t.taken_at, d.owner, d.segment, d.key_account,"
                + " d.level, d.accounts FROM level_day d JOIN level_day_taken t ON t.counted_on = d.counted_on"
                + " ORDER BY d.counted_on, d.level", (rs, i) -> new Count(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), rs.getInt(7)));
    }
}
