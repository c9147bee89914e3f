package io.redflag.service.store;

import io.redflag.service.startup.StartupProblems;
import io.redflag.service.store.StoreProperties.OnOrgChange;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Binds the store to one org (table {@code store_org}). Checked at start-up, before anything reads or writes
 * the store: a store of another org (a refreshed sandbox, a second demo) stops the service naming both ids, or,
 * when asked to, is cleared and synced in full. What is cleared is every table that describes the org; what
 * is kept describes the service (its migrations, its API tokens, the scorecard an admin applied).
 */
public final class OrgBinding {
    private static final Logger log = LoggerFactory.getLogger(OrgBinding.class);
    /**
     * Tables kept by a reset: they belong to the service, not to the org (its migrations, its API tokens, the
     * replicas' leader lock, an operator's pause, the scorecards an admin applied).
     */
    static final List<String> KEPT = List.of("flyway_schema_history", "store_org", "api_token", "int_lock",
            "sync_control", "applied_scorecard");
    /**
     * The org's own: its positions, queues, assessments (and their counts per day), outbox and follow-ups; the
     * record tables come on top.
     */
    static final List<String> ORG_STATE = List.of("sync_watermark", "dirty_account", "assessment", "account_score",
            "score_history", "level_day", "level_day_taken", "account_outbox", "follow_up", "held_follow_up",
            "contact_change", "intake_notification", "intake_notification_queue", "cdc_replay", "record_change");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public OrgBinding(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /** The org the store belongs to, or null while it belongs to none. */
    public String boundOrg() {
        return jdbc.query("SELECT org_id FROM store_org", rs -> rs.next() ? rs.getString(1) : null);
    }

    /**
     * Checks that the store belongs to {@code orgId}, binding an unbound store to it. Another org's store
     * stops start-up ({@link OnOrgChange#STOP}) or is cleared and bound to this org ({@link OnOrgChange#RESET}).
     */
    public void bind(String orgId, OnOrgChange onChange) {
        String bound = boundOrg();
        if (orgId.equals(bound)) {
            return;
        }
        if (bound != null && onChange == OnOrgChange.STOP) {
            throw new StartupProblems("the store", List.of("it belongs to the org " + bound + ", but the service is"
                    + " connected to the org " + orgId + " (a refreshed sandbox, or another org's settings)"),
                    "Connect to the org " + bound + " again, or set redflag.store.on-org-change=reset"
                            + " (REDFLAG_STORE_ON_ORG_CHANGE=reset) to clear the store and sync " + orgId + " in full,"
                            + " or give this org a database of its own (SPRING_DATASOURCE_URL).");
        }
        if (bound == null) {
            try {
                jdbc.update("INSERT INTO store_org (singleton, org_id, bound_at) VALUES (1, ?, ?)", orgId,
                        Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException e) {
                // Two replicas starting on a new store at once: the other bound it first; check its org.
                bind(orgId, onChange);
            }
        } else {
            startFresh(orgId);
            log.warn("The store belonged to the org {}; cleared for the org {}, which is now read in full", bound,
                    orgId);
        }
    }

    /** Clears the store and binds it to {@code orgId}, whichever org it belonged to: the demo's fresh start. */
    public void startFresh(String orgId) {
        tx.executeWithoutResult(status -> {
            clearOrgState();
            jdbc.update("DELETE FROM store_org");
            jdbc.update("INSERT INTO store_org (singleton, org_id, bound_at) VALUES (1, ?, ?)", orgId,
                    Timestamp.from(clock.instant()));
        });
    }

    /** Empties every table that describes the org (inside the caller's transaction), keeping the binding. */
    private void clearOrgState() {
        for (String table : clearedTables()) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** The record tables of the model, then the org's state: everything a reset empties. */
    static List<String> clearedTables() {
        return Stream.concat(CrmStore.tables().stream(), ORG_STATE.stream()).toList();
    }
}
