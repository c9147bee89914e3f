package io.redflag.service.scoring;

import io.redflag.service.sync.SyncFlow;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a lost, fresh or restored store forgets about Redflag's follow-ups, done to a running service's store. */
final class StoreLoss {
    private StoreLoss() {
    }

    /** Stops the sync reading anything more, once the poll under way (if any) is over. */
    static void stopTheSync(SyncFlow sync) {
        sync.pause();
        sync.poll(); // synchronized with a poll under way: returns once it is over, reading nothing itself
    }

    /** The ledger (planned and created tasks) is gone, as in a fresh store or a backup older than this week. */
    static void forgetTheLedger(DataSource store) {
        new JdbcTemplate(store).update("DELETE FROM follow_up");
    }

    /** The sync has not read Redflag's tasks back (yet): a fresh store before its first full sync of tasks. */
    static void forgetRedflagsTasks(DataSource store) {
        new JdbcTemplate(store).update("DELETE FROM task WHERE signal_key IS NOT NULL");
    }

    /** How many of Redflag's tasks the store holds, as the sync read them. */
    static int redflagsTasks(DataSource store) {
        Integer n = new JdbcTemplate(store).queryForObject("SELECT COUNT(*) FROM task WHERE signal_key IS NOT NULL"
                + " AND deleted = FALSE", Integer.class);
        return n == null ? 0 : n;
    }
}
