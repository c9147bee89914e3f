package io.redflag.service.backtest;

import io.redflag.connector.mapping.Mapping;
import io.redflag.service.scoring.ActiveScorecard;
import io.redflag.service.scoring.PresentView;
import io.redflag.service.scoring.ScoringProperties;
import io.redflag.service.scoring.StoredFollowUps;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The replay as a bean of the service, and the admin page's dry run on it: nothing written. */
@Configuration(proxyBeanMethods = false)
class BacktestConfiguration {

    @Bean
    Replay replay(DataSource dataSource, Mapping mapping, ScoringProperties properties) {
        return new Replay(dataSource, mapping, properties.paretoShare());
    }

    @Bean
    DryRun dryRun(Replay replay, PresentView.Reader present, ActiveScorecard scorecards, StoredFollowUps followUps,
            Clock clock) {
        return new DryRun(replay, present, scorecards, followUps, clock);
    }
}
