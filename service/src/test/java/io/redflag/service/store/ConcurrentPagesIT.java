package io.redflag.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.Watermark;
import io.redflag.connector.mapping.MappedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sync reads objects in lanes, so pages of two objects commit at the same time and queue the same
 * accounts for rescoring. Neither may fail for it (a unique-key race or a deadlock on dirty_account), and
 * each change counts.
 */
class ConcurrentPagesIT {
    private static final Instant T1 = Instant.parse("2026-06-30T12:00:00Z");
    private static final int ACCOUNTS = 40;

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    private static MappedRecord record(String entity, String id, String account) {
        return new MappedRecord(entity, id, T1, entity.equals("contact")
                ? Map.of("id", id, "account", account, "createdAt", T1, "modifiedAt", T1)
                : Map.of("id", id, "account", account, "modifiedAt", T1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void pagesOfTwoObjectsQueueingTheSameAccountsAtOnceBothCommit(String db) throws Exception {
        DataSource ds = Databases.fresh(db);
        CrmStore store = new CrmStore(ds);
        ExecutorService lanes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                List<MappedRecord> contacts = new ArrayList<>();
                List<MappedRecord> tasks = new ArrayList<>();
                for (int i = 0; i < ACCOUNTS; i++) {
                    // Opposite orders: without a common lock order the two transactions would deadlock.
                    String account = String.format("001R%d000000000%04d", round, i);
                    contacts.add(record("contact", String.format("003R%d000000000%04d", round, i), account));
                    tasks.add(record("task", String.format("00TR%d000000000%04d", round, ACCOUNTS - 1 - i),
                            String.format("001R%d000000000%04d", round, ACCOUNTS - 1 - i)));
                }
                // Both transactions write their rows, then wait at the same gate before queueing accounts.
                Gate gate = new Gate(2);
                Future<io.redflag.connector.intake.StoredPage> a = lanes.submit(() -> store.store(
                        new IntakePage("contact", contacts, List.of(), null, IntakePage.Read.CHANGES), gate));
                Future<io.redflag.connector.intake.StoredPage> b = lanes.submit(() -> store.store(
                        new IntakePage("task", tasks, List.of(), null, IntakePage.Read.CHANGES), gate));
                gate.awaitArrivals();
                gate.open();

                assertThat(a.get().changedAccounts()).hasSize(ACCOUNTS);
                assertThat(b.get().changedAccounts()).hasSize(ACCOUNTS);
                List<Long> counts = new JdbcTemplate(ds).queryForList(
                        "SELECT change_count FROM dirty_account WHERE account_id LIKE ?", Long.class,
                        "001R" + round + "%");
                assertThat(counts).as("each account queued once, and both changes counted").hasSize(ACCOUNTS)
                        .containsOnly(2L);
            }
        } finally {
            lanes.shutdownNow();
        }
    }
}
