package io.redflag.service.store;

import io.redflag.service.RequiredOnCi;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases the store is tested on: embedded H2, and the real PostgreSQL server at 127.0.0.1:5432
 * (database test, trust auth, as on CI). Each test gets a fresh, migrated schema. Where no PostgreSQL
 * answers, its tests are skipped and say why; on CI they fail ({@link RequiredOnCi}).
 */
public final class Databases {
    static final String PG_URL = System.getProperty("redflag.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("redflag.test.postgres.user", "postgres");

    /** PostgreSQL schemas this run created, dropped again by {@link #dropCreatedSchemas()}. */
    private static final List<String> CREATED = new ArrayList<>();

    private Databases() {
    }

    /** Leaves the shared PostgreSQL database as it was found. */
    public static synchronized void dropCreatedSchemas() throws SQLException {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, ""); Statement st = c.createStatement()) {
            for (String schema : CREATED) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        CREATED.clear();
    }

    /** A migrated database of the given kind ("h2" or "postgresql") in a schema of its own. */
    public static DataSource fresh(String kind) {
        String schema = "rf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind.equals("h2")) {
            // A new in-memory database per test: its default schema is already empty.
            DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", "sa", "");
            Flyway.configure().dataSource(ds).load().migrate();
            return ds;
        }
        RequiredOnCi.require("PostgreSQL", postgresUnavailable(), RequiredOnCi.START_POSTGRES);
        DriverManagerDataSource ds = new DriverManagerDataSource(PG_URL + "?currentSchema=" + schema, PG_USER, "");
        ds.setConnectionProperties(PostgresConnections.properties()); // as the service's pool has them
        synchronized (Databases.class) {
            CREATED.add(schema);
        }
        Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true).load().migrate();
        return ds;
    }

    /** Null when PostgreSQL answers; otherwise why it does not. */
    static String postgresUnavailable() {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            return c.isValid(2) ? null : "the server at " + PG_URL + " did not answer";
        } catch (SQLException e) {
            return "no PostgreSQL server reachable at " + PG_URL + " as " + PG_USER + " (" + e.getMessage() + ")";
        }
    }
}
