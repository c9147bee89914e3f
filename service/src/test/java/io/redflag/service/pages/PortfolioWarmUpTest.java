package io.redflag.service.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.service.store.Databases;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.thymeleaf.spring6.SpringTemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/** The start-up warm-up builds the portfolio's figures from the store, and a store it cannot read stops nothing. */
class PortfolioWarmUpTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @Test
    void theWarmUpReadsThePortfolioFromTheStore() {
        Counting store = new Counting(Databases.fresh("h2"));

        boolean warmed = warmUp(store).warm();

        assertThat(warmed).isTrue();
        // Both views (key accounts, all accounts), each: the scores, the won deals, the scores a week ago (ended
        // spans, open spans), the days counted, one page, the owners and the segments (an empty store: no movers
        // to name, no day's counts to read).
        assertThat(store.connections.get()).isEqualTo(16);
    }

    @Test
    void aStoreThatCannotBeReadFailsTheWarmUpWithoutAnException() {
        Counting down = new Counting(null);

        boolean warmed = warmUp(down).warm();

        assertThat(warmed).isFalse();
        assertThat(down.connections.get()).isEqualTo(1);
    }

    private static PortfolioWarmUp warmUp(DataSource store) {
        PortfolioPage page = new PortfolioPage(new PortfolioQueries(store, CLOCK), JsonMapper.builder().build());
        return new PortfolioWarmUp(page, new SpringTemplateEngine(), new ResourceUrlProvider());
    }

    /** Counts the connections asked for; with no store behind it, every ask fails as an unreachable database's. */
    private static final class Counting implements DataSource {
        final AtomicInteger connections = new AtomicInteger();
        private final DataSource store;

        Counting(DataSource store) {
            this.store = store;
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            if (store == null) {
                throw new SQLException("Connection refused", "08001");
            }
            return store.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
