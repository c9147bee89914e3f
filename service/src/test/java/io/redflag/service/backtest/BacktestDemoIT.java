package io.redflag.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.service.mapping.MappingProperties;
import io.redflag.service.scoring.ScoringProperties;
import io.redflag.service.store.DirtyAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backtest over the demo org, synced and scored by the service as the README's demo runs it: 18 monthly as-of
 * days up to a month ago, a 6-month horizon. The demo's risk stories are anchored at today; those whose outcome is
 * already in the data are Lakeshore Retail's revenue decline and Falcon Freight's deal lost to a competitor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000", "redflag.scoring.write-back=false"})
class BacktestDemoIT {
    @Autowired
    DataSource dataSource;
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    MappingProperties mapping;
    @Autowired
    ScoringProperties scoring;

    @Test
    void lakeshoresRevenueDeclineIsFlaggedBeforeItsRevenueDropFalconsLossIsAnOutcomeAndNothingIsWritten()
            throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> dirty.size() == 0
                && jdbc.queryForObject("SELECT COUNT(*) FROM account_score", Integer.class) == 22);
        List<Integer> before = written(jdbc);
        LocalDate today = LocalDate.now(Clock.systemUTC());
        var options = new BacktestCommand.Options(today.minusMonths(18), today.minusMonths(1), Period.ofMonths(1),
                Period.ofMonths(6), Path.of("target/backtest-demo"), null, List.of());

        BacktestReport report = BacktestCommand.run(dataSource, mapping, scoring, options, Clock.systemUTC());
        Html.write(report, options.out());

        assertThat(written(jdbc)).as("assessments, outbox, follow-ups, record changes").isEqualTo(before);
        assertThat(report.settings().days()).hasSize(18);
        assertThat(report.models()).extracting(BacktestReport.Model::name).containsExactly("default-1",
                "baseline: revenue trend", "baseline: recent lost deal");
        String lakeshore = id(jdbc, "Lakeshore Retail Co.");
        var drops = report.outcomes().stream().filter(o -> o.accountId().equals(lakeshore)
                && o.kind().equals("REVENUE_DROP")).toList();
        assertThat(drops).isNotEmpty();
        // The scorecard's REVENUE_DECLINE took Lakeshore to At Risk before the last drop it lived to see.
        var last = drops.get(drops.size() - 1);
        assertThat(last.firstFlagged().get(0)).isNotNull().isBefore(last.date());
        assertThat(report.outcomes()).anySatisfy(o -> {
            assertThat(o.accountId()).isEqualTo(id(jdbc, "Falcon Freight"));
            assertThat(o.kind()).isEqualTo("LOST_DEAL");
            assertThat(o.date()).isEqualTo(today.minusDays(42));
        });
        assertThat(Files.readString(options.out().resolve("index.html"))).contains("<svg", "Lead time",
                "Calibration", "suggested points");
    }

    private static String id(JdbcTemplate jdbc, String name) {
        return jdbc.queryForObject("SELECT id FROM account WHERE name = ?", String.class, name);
    }

    private static List<Integer> written(JdbcTemplate jdbc) {
        return List.of("assessment", "account_outbox", "follow_up", "record_change").stream()
                .map(t -> jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Integer.class)).toList();
    }
}
