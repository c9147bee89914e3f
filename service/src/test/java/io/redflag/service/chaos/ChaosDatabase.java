package io.redflag.service.chaos;

import io.redflag.service.RequiredOnCi;
import io.redflag.service.store.PostgresConnections;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A schema of its own in the local PostgreSQL server (database test, as the store's tests use) for one run's
 * replicas, which share it as replicas share a production database. Each replica's connections carry the
 * application name {@code <schema>-<replica>}, so a test can terminate exactly them. Dropped on close.
 */
final class ChaosDatabase implements AutoCloseable {
    static final String URL = System.getProperty("redflag.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("redflag.test.postgres.user", "postgres");

    private final String schema;

    private ChaosDatabase(String schema) {
        this.schema = schema;
    }

    static ChaosDatabase create() {
        RequiredOnCi.require("PostgreSQL", unavailable(), RequiredOnCi.START_POSTGRES);
        String schema = "chaos_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute("CREATE SCHEMA " + schema);
        return new ChaosDatabase(schema);
    }

    String schema() {
        return schema;
    }

    /** The JDBC URL a replica is given (SPRING_DATASOURCE_URL): this schema, its name on every connection. */
    String urlFor(String replica) {
        return URL + "?currentSchema=" + schema + "&ApplicationName=" + applicationName(replica);
    }

    private String applicationName(String replica) {
        return schema + "-" + replica;
    }

    /** A data source on the schema for the test's own reads. */
    DataSource dataSource() {
        DriverManagerDataSource ds = new DriverManagerDataSource(URL + "?currentSchema=" + schema, USER, "");
        ds.setConnectionProperties(PostgresConnections.properties());
        return ds;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    /**
     * Ends the server processes behind a replica's connections, whatever they are doing (an open transaction is
     * rolled back), as a database failover or a network cut does. Returns how many were ended.
     */
    int terminateConnectionsOf(String replica) {
        return countOf("SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname ="
                + " current_database() AND application_name = ? AND pid <> pg_backend_pid()) ended", replica);
    }

    /** Connections of the replica that are inside a transaction right now. */
    int connectionsInTransaction(String replica) {
        return countOf("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name"
                + " = ? AND state IN ('active', 'idle in transaction') AND xact_start IS NOT NULL", replica);
    }

    /** A count over the server's activity (outside the schema), for one replica's connections. */
    private int countOf(String sql, String replica) {
        Integer n = new JdbcTemplate(new DriverManagerDataSource(URL, USER, "")).queryForObject(sql, Integer.class,
                applicationName(replica));
        return n == null ? 0 : n;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String unavailable() {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            return c.isValid(2) ? null : "the server at " + URL + " did not answer";
        } catch (SQLException e) {
            return "no PostgreSQL server reachable at " + URL + " as " + USER + " (" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
