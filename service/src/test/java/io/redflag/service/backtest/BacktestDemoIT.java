package io.redflag.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.service.mapping.MappingProperties;
import io.redflag.service.scoring.ScoringProperties;
import io.redflag.service.store.DirtyAccounts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The backtest over the demo org, synced by the service as the README's demo runs it. */
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
    void theDemoOrgsStoriesAreFlaggedBeforeTheirOutcome() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> dirty.size() == 0
                && new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
                        "SELECT COUNT(*) FROM account_score", Integer.class) > 0);
        Clock clock = Clock.systemUTC();
        LocalDate today = LocalDate.now(clock);
        var options = new BacktestCommand.Options(today.minusMonths(18), today.minusDays(1), java.time.Period.ofMonths(1),
                java.time.Period.ofMonths(6), Path.of("target/backtest-demo"), null, List.of());
        BacktestReport report = BacktestCommand.run(dataSource, mapping, scoring, options, clock);
        Html.write(report, options.out());
        assertThat(report.observations()).isPositive();
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        for (var o : report.outcomes()) {
            System.out.println("OUTCOME " + jdbc.queryForObject("SELECT name FROM account WHERE id = ?", String.class,
                    o.accountId()) + " " + o.kind() + " " + o.date() + " " + o.firstFlagged());
        }
    }
}
