package io.redflag.service.store;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store on the application's data source (Spring Boot runs the Flyway migrations first). */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    CrmStore crmStore(DataSource dataSource, Clock clock) {
        return new CrmStore(dataSource, clock);
    }

    @Bean
    UserDirectory userDirectory(DataSource dataSource) {
        return new UserDirectory(dataSource);
    }

    @Bean
    DirtyAccounts dirtyAccounts(DataSource dataSource) {
        return new DirtyAccounts(dataSource);
    }
}
