package io.redflag.service.store;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.service.crm.StartupContact;
import io.redflag.service.startup.StartupProblems;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.DependsOn;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store on the application's data source (Spring Boot runs the Flyway migrations first). */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {
    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

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

    /**
     * The store's org, checked before anything reads or writes the store (after Flyway, at the first contact
     * with the CRM): another org's store stops start-up or is reset, as redflag.store.on-org-change says. The
     * demo org is new at every start, so the demo always starts from an empty store.
     */
    @Bean
    @DependsOnDatabaseInitialization
    OrgBinding orgBinding(DataSource dataSource, Clock clock, SalesforceSession session, StartupContact crm,
            StoreProperties properties, @Value("${redflag.demo:false}") boolean demo) {
        OrgBinding binding = new OrgBinding(dataSource, clock);
        String orgId = crm.call("reading the org's id", session::orgId);
        if (orgId == null) {
            throw new StartupProblems("the connection to the CRM", List.of("the token answer named no identity URL"
                    + " (id), so the org's id is unknown"), "Use a login URL whose token endpoint answers as"
                    + " Salesforce's does (with \"id\": …/id/<org id>/<user id>).");
        }
        if (demo) {
            binding.startFresh(orgId);
            log.info("Demo: the store starts empty for the demo org {}", orgId);
        } else {
            binding.bind(orgId, properties.onOrgChange());
        }
        return binding;
    }

    @Bean
    @DependsOn("orgBinding")
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
