package io.redflag.service.backtest;

import io.redflag.connector.mapping.Mapping;
import io.redflag.service.scoring.ScoringProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The replay as a bean of the service: a scorecard's dry run over the stored data, nothing written. */
@Configuration(proxyBeanMethods = false)
class BacktestConfiguration {

    @Bean
    Replay replay(DataSource dataSource, Mapping mapping, ScoringProperties properties) {
        return new Replay(dataSource, mapping, properties.paretoShare());
    }
}
