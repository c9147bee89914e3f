package io.redflag.service.store;

import com.zaxxer.hikari.HikariConfig;
import java.util.Properties;

/**
 * Connection settings the store relies on when it runs on PostgreSQL. Settings already in the JDBC URL win.
 *
 * <ul>
 * <li>{@code reWriteBatchedInserts}: a batch of inserts travels as multi-row INSERTs, not one per row.</li>
 * <li>{@code plan_cache_mode=force_custom_plan}: every look-up is planned with its own arguments. The driver
 * prepares a statement on the server after five runs; the generic plan PostgreSQL then keeps was made while
 * the table was still small (a sequential scan), and an initial sync grows it to a million rows. Measured:
 * a look-up of 1,000 contact ids took 2 s on that plan.</li>
 * </ul>
 */
public final class PostgresConnections {
    private PostgresConnections() {
    }

    /** The driver properties. */
    public static Properties properties() {
        Properties p = new Properties();
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("options", "-c plan_cache_mode=force_custom_plan");
        return p;
    }

    /** Adds the settings when the pool's URL is a PostgreSQL one; leaves any other database alone. */
    public static <T extends HikariConfig> T tune(T pool) {
        String url = pool.getJdbcUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            properties().forEach((k, v) -> pool.addDataSourceProperty((String) k, v));
        }
        return pool;
    }
}
