package io.redflag.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.domain.scoring.Level;
import io.redflag.service.scoring.ActiveScorecard;
import io.redflag.service.store.DirtyAccounts;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The admin's dry run predicts what applying the candidate does: over the demo org, synced and scored by the
 * service, the dry run's side "in force" gives every account the level the service stored, and its candidate
 * side the level the service stores once the candidate is applied and every account rescored. Nothing is written
 * by the dry run itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000", "redflag.scoring.write-back=false"})
@DirtiesContext // it applies a scorecard: no later test may inherit it
class DryRunIT {
    private static final String CANDIDATE = "version: \"dry-run-it\"\nlevels:\n  healthy: 90\n  watch: 70\n"
            + "  atRisk: 50\n";

    @Autowired
    DataSource dataSource;
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    ActiveScorecard scorecards;
    @Autowired
    DryRun dryRun;

    @Test
    void theDryRunGivesEachAccountTheLevelTheServiceStoresNowAndOnceTheCandidateIsApplied() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> dirty.size() == 0
                && jdbc.queryForObject("SELECT COUNT(*) FROM account_score", Integer.class) == 22);
        Map<String, Level> stored = levels(jdbc);
        var written = written(jdbc);

        DryRun.Result result = dryRun.run(scorecards.candidate(CANDIDATE));

        assertThat(written(jdbc)).as("assessments, outbox, follow-ups").isEqualTo(written);
        assertThat(result.accounts()).isEqualTo(22);
        Map<Level, Integer> inForce = new EnumMap<>(Level.class);
        Map<Level, Integer> storedCounts = new EnumMap<>(Level.class);
        result.levels().forEach((level, counts) -> {
            inForce.put(level, counts[0]);
            storedCounts.put(level, 0);
        });
        stored.values().forEach(l -> storedCounts.merge(l, 1, Integer::sum));
        assertThat(inForce).isEqualTo(storedCounts);
        Map<String, Level> predicted = new HashMap<>(stored);
        for (DryRun.LevelChange c : result.changes()) {
            assertThat(c.from()).as(c.name()).isEqualTo(stored.get(c.accountId()));
            predicted.put(c.accountId(), c.to());
        }
        assertThat(result.changes()).as("the candidate moves accounts, or this test proves nothing").isNotEmpty();

        scorecards.apply(CANDIDATE, "dry-run-it");
        dirty.queueEveryAccount();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> dirty.size() == 0
                && jdbc.queryForObject("SELECT COUNT(*) FROM account_score s JOIN assessment a ON a.id ="
                        + " s.assessment_id WHERE a.scorecard_version = 'dry-run-it'", Integer.class) == 22);
        assertThat(levels(jdbc)).isEqualTo(predicted);
    }

    private static Map<String, Level> levels(JdbcTemplate jdbc) {
        Map<String, Level> out = new HashMap<>();
        jdbc.query("SELECT account_id, level FROM account_score", rs -> {
            out.put(rs.getString(1), Level.ofLabel(rs.getString(2)));
        });
        return out;
    }

    /** Every row the scoring writes: the assessments (by id), the outbox and the follow-up ledger. */
    private static List<List<Map<String, Object>>> written(JdbcTemplate jdbc) {
        return List.of(jdbc.queryForList("SELECT id FROM assessment ORDER BY id"),
                jdbc.queryForList("SELECT * FROM account_outbox ORDER BY account_id"),
                jdbc.queryForList("SELECT * FROM follow_up ORDER BY signal_key"));
    }
}
