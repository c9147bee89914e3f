package io.redflag.service.store;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store on the application's data source (Spring Boot runs the Flyway migrations first). */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /** PostgreSQL settings on the pool Spring Boot builds, before it opens a connection (pools start lazily). */
    @Bean
    static BeanPostProcessor postgresConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource pool ? PostgresConnections.tune(pool) : bean;
            }
        };
    }

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
