package io.redflag.service.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.Level;
import io.redflag.service.api.AccountQueries;
import io.redflag.service.pages.PortfolioQueries.Filter;
import io.redflag.service.pages.PortfolioQueries.LevelFigure;
import io.redflag.service.pages.PortfolioQueries.Mover;
import io.redflag.service.pages.PortfolioQueries.Row;
import io.redflag.service.scoring.StoredAssessments;
import io.redflag.service.store.Databases;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every figure of the portfolio page on a planted store, on H2 and PostgreSQL, against values worked out by hand
 * (dates are days before NOW): an account whose latest score is three weeks old, one that rose, one deleted (it
 * counts nowhere), one scored only today (no score a week ago: no drop), won deals out of the year or lost.
 */
class PortfolioQueriesIT {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final String ADA = "005000000000001AAA";
    private static final String BEN = "005000000000002AAA";
    private static final String CY = "005000000000003AAA";
    private static final String ALPHA = "001000000000001AAA";
    private static final String BRAVO = "001000000000002AAA";
    private static final String CHARLIE = "001000000000003AAA";
    private static final String DELTA = "001000000000004AAA";
    private static final String ECHO = "001000000000005AAA";
    private static final String FOXTROT = "001000000000006AAA";
    private static final Filter KEY = new Filter(null, null, null, true, null, null);
    private static final Filter ALL = new Filter(null, null, null, false, null, null);

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyFigureOfTheKeyAccountsMatchesTheHandCountedStore(String db) {
        PortfolioQueries queries = planted(db);

        PortfolioQueries.Figures key = queries.figures(KEY, 10);

        // Delta 10 and Bravo 20 (Critical: 500 + 2,000 won), Alpha 40 (At Risk: 1,000), Foxtrot 55 (Unknown).
        assertThat(key.levels()).containsExactly(level("Critical", 2, "2500.00"), level("At Risk", 1, "1000.00"),
                level("Watch", 0, "0"), level("Unknown", 1, "0"), level("Healthy", 0, "0"));
        assertThat(key.bands()).containsExactly(0, 1, 1, 0, 1, 1, 0, 0, 0, 0);
        // A week ago Delta stood at 90 (scored 14 days ago), Alpha at 70 (10 days ago); Bravo did not move.
        assertThat(key.movers()).containsExactly(new Mover(DELTA, "Delta", "Ben Owner", 90, 10, "Critical"),
                new Mover(ALPHA, "Alpha", "Ada Owner", 70, 40, "At Risk"));
        assertThat(key.weekly().weeks()).containsExactly(day("2026-09-16"), day("2026-09-23"), day("2026-09-30"),
                day("2026-10-07"), day("2026-10-14"), day("2026-10-21"), day("2026-10-28"), day("2026-11-04"),
                day("2026-11-11"), day("2026-11-18"), day("2026-11-25"), day("2026-12-02"));
        assertThat(key.weekly().counts()).containsExactly(
                Map.entry("Critical", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2)),
                Map.entry("At Risk", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
                Map.entry("Watch", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0)),
                Map.entry("Unknown", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
                Map.entry("Healthy", List.of(0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 1, 0)));
        assertThat(key.count(KEY)).isEqualTo(4);
        assertThat(queries.page(KEY, 0)).containsExactly(
                new Row(DELTA, "Delta", "Ben Owner", "Enterprise", 10, "Critical", null, true, money("500.00")),
                new Row(BRAVO, "Bravo", "Ada Owner", "Gold", 20, "Critical", null, true, money("2000.00")),
                new Row(ALPHA, "Alpha", "Ada Owner", "Enterprise", 40, "At Risk", -30, true, money("1000.00")),
                new Row(FOXTROT, "Foxtrot", "Ben Owner", null, 55, "Unknown", null, true, null));
        assertThat(queries.page(KEY, 1)).isEmpty();
        assertThat(queries.owners()).containsExactly(Map.entry(ADA, "Ada Owner"), Map.entry(BEN, "Ben Owner"));
        assertThat(queries.segments()).containsExactly("Enterprise", "Gold");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyAccountAndEachFilterNarrowTheFigures(String db) {
        PortfolioQueries queries = planted(db);

        PortfolioQueries.Figures all = queries.figures(ALL, 10);
        // Charlie (not key) adds 95 Healthy with 700 won; it rose, so it is no drop.
        assertThat(all.levels()).containsExactly(level("Critical", 2, "2500.00"), level("At Risk", 1, "1000.00"),
                level("Watch", 0, "0"), level("Unknown", 1, "0"), level("Healthy", 1, "700.00"));
        assertThat(all.bands()).containsExactly(0, 1, 1, 0, 1, 1, 0, 0, 0, 1);
        assertThat(all.movers()).extracting(Mover::id).containsExactly(DELTA, ALPHA);
        assertThat(all.weekly().counts().get("Watch")).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 0);
        assertThat(all.weekly().counts().get("Healthy")).containsExactly(0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 1, 1);

        Filter ada = new Filter(ADA, null, null, true, null, null);
        assertThat(queries.figures(ada, 10).levels()).containsExactly(level("Critical", 1, "2000.00"),
                level("At Risk", 1, "1000.00"), level("Watch", 0, "0"), level("Unknown", 0, "0"),
                level("Healthy", 0, "0"));
        assertThat(queries.figures(ada, 10).movers()).extracting(Mover::id).containsExactly(ALPHA);

        Filter gold = new Filter(null, "Gold", null, false, null, null);
        assertThat(queries.figures(gold, 10).levels().get(0)).isEqualTo(level("Critical", 1, "2000.00"));
        assertThat(queries.page(gold, 0)).extracting(Row::id).containsExactly(BRAVO);

        Filter critical = new Filter(null, null, "Critical", true, null, null);
        assertThat(all.count(critical)).isEqualTo(2);
        assertThat(queries.page(critical, 0)).extracting(Row::id).containsExactly(DELTA, BRAVO);
        Filter band = new Filter(null, null, null, false, 10, 29);
        assertThat(all.count(band)).isEqualTo(2);
        assertThat(queries.page(band, 0)).extracting(Row::id).containsExactly(DELTA, BRAVO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theScoreHistoryAndTheScoreOnADayComeFromTheNarrowHistory(String db) {
        DataSource ds = Databases.fresh(db);
        plant(ds);

        assertThat(new AccountQueries(ds).history(ALPHA)).extracting(AccountQueries.HistoryPoint::score)
                .containsExactly(80, 70, 40);
        // At the end of 25 November: Alpha's score of 22 November, Delta's of 18 November; Foxtrot had none.
        assertThat(new StoredAssessments(ds).scoresOn(List.of(ALPHA, DELTA, FOXTROT), day("2026-11-25")))
                .isEqualTo(Map.of(ALPHA, 70, DELTA, 90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void pastWeeksAreTheDaysCountsWithTheirOwnersAndStartAtTheFirstCount(String db) {
        DataSource ds = Databases.fresh(db);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        user(jdbc, ADA, "Ada Owner");
        user(jdbc, BEN, "Ben Owner");
        account(jdbc, ALPHA, "Alpha", ADA, "Enterprise", null, false);
        account(jdbc, BRAVO, "Bravo", BEN, null, "Gold", false);
        StoredAssessments store = new StoredAssessments(ds);
        // First run 20 days ago (2026-11-12), counted twice that day; another run 8 days ago (2026-11-24).
        Instant first = NOW.minus(Duration.ofDays(20));
        store.save(List.of(assessment(ALPHA, first, 80, Level.HEALTHY, true, null),
                assessment(BRAVO, first, 30, Level.AT_RISK, true, null)));
        store.countLevels(first);
        store.countLevels(first.plus(Duration.ofHours(1)));
        Instant later = NOW.minus(Duration.ofDays(8));
        store.save(List.of(assessment(ALPHA, later, 10, Level.CRITICAL, true, null)));
        store.countLevels(later);
        // Alpha passes to Ben today: the weeks before keep it in Ada's book; today counts it in Ben's.
        jdbc.update("UPDATE account SET owner = ? WHERE id = ?", BEN, ALPHA);
        PortfolioQueries queries = new PortfolioQueries(ds, Clock.fixed(NOW, ZoneOffset.UTC));

        PortfolioQueries.Weekly all = queries.figures(ALL, 10).weekly();
        PortfolioQueries.Weekly ben = queries.figures(new Filter(BEN, null, null, false, null, null), 10).weekly();
        PortfolioQueries.Weekly gold = queries.figures(new Filter(null, "Gold", null, false, null, null), 10).weekly();

        // 11 November had no count yet: the weeks start on 18 November (the count of the 12th stands for it).
        assertThat(all.weeks()).containsExactly(day("2026-11-18"), day("2026-11-25"), day("2026-12-02"));
        assertThat(all.counts()).containsExactly(Map.entry("Critical", List.of(0, 1, 1)),
                Map.entry("At Risk", List.of(1, 1, 1)), Map.entry("Watch", List.of(0, 0, 0)),
                Map.entry("Unknown", List.of(0, 0, 0)), Map.entry("Healthy", List.of(1, 0, 0)));
        assertThat(ben.counts()).containsExactly(Map.entry("Critical", List.of(0, 0, 1)),
                Map.entry("At Risk", List.of(1, 1, 1)), Map.entry("Watch", List.of(0, 0, 0)),
                Map.entry("Unknown", List.of(0, 0, 0)), Map.entry("Healthy", List.of(0, 0, 0)));
        assertThat(gold.counts().get("At Risk")).containsExactly(1, 1, 1);
        assertThat(gold.counts().get("Critical")).containsExactly(0, 0, 0);
    }

    private static PortfolioQueries planted(String db) {
        DataSource ds = Databases.fresh(db);
        plant(ds);
        return new PortfolioQueries(ds, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The planted store; assessments are saved in time order, as the scoring saves them. */
    private static void plant(DataSource ds) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        user(jdbc, ADA, "Ada Owner");
        user(jdbc, BEN, "Ben Owner");
        user(jdbc, CY, "Cy Owner");
        account(jdbc, ALPHA, "Alpha", ADA, "Enterprise", null, false);
        account(jdbc, BRAVO, "Bravo", ADA, null, "Gold", false);
        account(jdbc, CHARLIE, "Charlie", BEN, "Enterprise", null, false);
        account(jdbc, DELTA, "Delta", BEN, "Enterprise", null, false);
        account(jdbc, ECHO, "Echo", CY, "Retail", null, true);
        account(jdbc, FOXTROT, "Foxtrot", BEN, null, null, false);
        deal(jdbc, ALPHA, "WON", "1000", 30, false);
        deal(jdbc, ALPHA, "WON", "500", 400, false); // closed more than a year ago
        deal(jdbc, ALPHA, "LOST", "300", 10, false);
        deal(jdbc, BRAVO, "WON", "2000", 100, false);
        deal(jdbc, BRAVO, "WON", "999", 50, true); // deleted in the CRM
        deal(jdbc, CHARLIE, "WON", "700", 60, false);
        deal(jdbc, DELTA, "WON", "400", 5, false);
        deal(jdbc, DELTA, "WON", "100", 200, false);
        deal(jdbc, ECHO, "WON", "5000", 20, false);

        List<Object[]> history = List.of(new Object[] {BRAVO, 90, 60, Level.WATCH, true},
                new Object[] {ALPHA, 60, 80, Level.HEALTHY, true}, new Object[] {ECHO, 30, 0, Level.CRITICAL, true},
                new Object[] {BRAVO, 20, 20, Level.CRITICAL, true}, new Object[] {DELTA, 14, 90, Level.HEALTHY, true},
                new Object[] {ALPHA, 10, 70, Level.WATCH, true}, new Object[] {CHARLIE, 8, 50, Level.WATCH, false},
                new Object[] {DELTA, 3, 10, Level.CRITICAL, true}, new Object[] {ECHO, 2, 0, Level.CRITICAL, true},
                new Object[] {ALPHA, 1, 40, Level.AT_RISK, true});
        StoredAssessments store = new StoredAssessments(ds);
        for (Object[] h : history) {
            Integer trend = h[0].equals(ALPHA) && (int) h[1] == 1 ? -30 : null;
            Instant asOf = NOW.minus(Duration.ofDays((int) h[1]));
            store.save(List.of(assessment((String) h[0], asOf, (int) h[2], (Level) h[3], (boolean) h[4], trend)));
            // Each run ends by counting its day's levels (the days with no run have none).
            store.countLevels(asOf);
        }
        // Today's run scores two accounts in one call, as the scoring saves a batch.
        store.save(List.of(assessment(CHARLIE, NOW.minus(Duration.ofHours(2)), 95, Level.HEALTHY, false, null),
                assessment(FOXTROT, NOW.minus(Duration.ofHours(2)), 55, Level.UNKNOWN, true, null)));
        store.countLevels(NOW.minus(Duration.ofHours(2)));
    }

    private static Assessment assessment(String account, Instant asOf, int score, Level level, boolean key,
            Integer trend) {
        return new Assessment(account, asOf, score, level, List.of(), List.of(), key, false, "test-1", "hash", trend,
                null);
    }

    private static void user(JdbcTemplate jdbc, String id, String name) {
        jdbc.update("INSERT INTO crm_user (id, name, active, modified_at) VALUES (?, ?, TRUE, ?)", id, name,
                Timestamp.from(NOW));
    }

    private static void account(JdbcTemplate jdbc, String id, String name, String owner, String segment, String tier,
            boolean deleted) {
        jdbc.update("INSERT INTO account (id, name, owner, segment, tier, created_at, modified_at, deleted)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, name, owner, segment, tier, Timestamp.from(NOW),
                Timestamp.from(NOW), deleted);
    }

    private static int deals;

    private static void deal(JdbcTemplate jdbc, String account, String stage, String amount, int closedDaysAgo,
            boolean deleted) {
        jdbc.update("INSERT INTO opportunity (id, account, stage, amount, close_date, created_at, modified_at,"
                + " deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", String.format("006%015d", ++deals), account, stage,
                new BigDecimal(amount), LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(closedDaysAgo),
                Timestamp.from(NOW), Timestamp.from(NOW), deleted);
    }

    private static LevelFigure level(String level, int accounts, String won) {
        return new LevelFigure(level, accounts, money(won));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
