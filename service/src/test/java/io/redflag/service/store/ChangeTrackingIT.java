package io.redflag.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.Watermark;
import io.redflag.connector.mapping.MappedRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which stored changes queue an account for rescoring (echo suppression), on embedded H2 and on the real
 * PostgreSQL server.
 */
class ChangeTrackingIT {
    private static final Instant T1 = Instant.parse("2026-06-30T12:00:00Z");
    private static final Instant T2 = Instant.parse("2026-06-30T12:05:00Z");
    private static final Instant T3 = Instant.parse("2026-06-30T12:10:00Z");
    private static final String ACME = "0018d0000000ACMEAA";
    private static final String GLOBEX = "0018d0000000GLOBEX";
    private static final String OWNER = "0058d0000000OWNERA";

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    private static MappedRecord record(String entity, String id, Instant modified, Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(values);
        v.put("id", id);
        v.put("modifiedAt", modified);
        return new MappedRecord(entity, id, modified, v);
    }

    private static MappedRecord account(String id, Instant modified, Map<String, Object> extra) {
        Map<String, Object> v = new HashMap<>(Map.of("name", "Acme", "owner", OWNER, "createdAt", T1));
        v.putAll(extra);
        return record("account", id, modified, v);
    }

    private static MappedRecord contact(String id, String account, String title, Instant modified) {
        return record("contact", id, modified, Map.of("account", account, "name", "Dana Reyes", "title", title,
                "createdAt", T1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void onlyChangedScoringInputsQueueTheAccountAndRedflagsOwnFieldsAreAnEcho(String db) {
        DataSource ds = Databases.fresh(db);
        CrmStore store = new CrmStore(ds);
        DirtyAccounts dirty = new DirtyAccounts(ds);
        assertThat(store.store(IntakePage.changes("account", List.of(account(ACME, T1, Map.of())))).changedAccounts())
                .containsExactly(ACME);
        dirty.done(dirty.oldest(10));

        // Redflag's write-back comes back: a newer stamp, new risk fields, nothing else.
        var echo = store.store(IntakePage.changes("account", List.of(account(ACME, T2, Map.of("healthScore", new BigDecimal("41"), "riskLevel", "At Risk", "riskReasons", "Dana Reyes left.")))));
        assertThat(echo.written()).isEqualTo(1);
        assertThat(echo.unchanged()).isEqualTo(1);
        assertThat(echo.changedAccounts()).isEmpty();
        assertThat(dirty.size()).isZero();
        assertThat(store.row("account", ACME).get("riskLevel")).isEqualTo("At Risk");

        // A rep changes the tier: news.
        var edit = store.store(IntakePage.changes("account", List.of(account(ACME, T3, Map.of("tier", "Strategic")))));
        assertThat(edit.changedAccounts()).containsExactly(ACME);
        assertThat(dirty.oldest(10)).extracting(DirtyAccounts.Entry::accountId).containsExactly(ACME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void childRecordsQueueTheirAccountsAndAMoveQueuesBoth(String db) {
        DataSource ds = Databases.fresh(db);
        CrmStore store = new CrmStore(ds);
        String contact = "0038d0000000DANAAA";
        store.store(IntakePage.changes("account", List.of(account(ACME, T1, Map.of()), account(GLOBEX, T1, Map.of()))));
        assertThat(store.store(IntakePage.changes("contact", List.of(contact(contact, ACME, "CFO", T1)))).changedAccounts())
                .containsExactly(ACME);
        assertThat(store.store(IntakePage.changes("contact", List.of(contact(contact, GLOBEX, "CFO", T2)))).changedAccounts())
                .containsExactlyInAnyOrder(ACME, GLOBEX);

        String deal = "0068d0000000DEALAA";
        store.store(IntakePage.changes("opportunity", List.of(record("opportunity", deal, T1, Map.of("account", ACME, "stage", "Prospecting", "createdAt", T1)))));
        var role = store.store(IntakePage.changes("contactRole", List.of(record("contactRole", "00K8d0000000ROLEAA", T1, Map.of("opportunity", deal, "contact", contact, "role", "DECISION_MAKER")))));
        assertThat(role.changedAccounts()).as("through the opportunity").containsExactly(ACME);

        var owner = store.store(IntakePage.changes("user", List.of(record("user", OWNER, T2, Map.of("active", false)))));
        assertThat(owner.changedAccounts()).as("every account the user owns").containsExactlyInAnyOrder(ACME, GLOBEX);

        assertThat(store.storeDeletions("contact", List.of(contact), "Contact", T3)).containsExactly(GLOBEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aContactsMoveAndNewTitleAreKeptOnceEachEvenWhenThePageIsReadAgain(String db) {
        DataSource ds = Databases.fresh(db);
        CrmStore store = new CrmStore(ds);
        String contact = "0038d0000000DANAAA";
        store.store(IntakePage.changes("contact", List.of(contact(contact, ACME, "VP Finance", T1))));
        var moved = List.of(contact(contact, GLOBEX, "Chief Financial Officer", T2));
        store.store(IntakePage.changes("contact", moved));
        store.store(IntakePage.changes("contact", moved)); // the overlap reads it again
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.queryForList("SELECT field || ':' || old_value || '>' || new_value FROM contact_change"
                + " WHERE contact = ?", String.class, contact)).containsExactlyInAnyOrder(
                        "ACCOUNT:" + ACME + ">" + GLOBEX, "TITLE:VP Finance>Chief Financial Officer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void redflagsOwnFollowUpTasksComingBackQueueNoAccountButARepsTaskDoes(String db) {
        CrmStore store = new CrmStore(Databases.fresh(db));
        var followUp = record("task", "00T8d0000000FOLLOW", T1, Map.of("account", ACME, "subject", "Call Dana",
                "closed", false, "signalKey", "KEY_CONTACT_LEFT:" + ACME + ":0038d0000000DANAAA"));
        assertThat(store.store(IntakePage.changes("task", List.of(followUp))).changedAccounts()).isEmpty();
        var closed = record("task", "00T8d0000000FOLLOW", T2, Map.of("account", ACME, "subject", "Call Dana",
                "closed", true, "signalKey", "KEY_CONTACT_LEFT:" + ACME + ":0038d0000000DANAAA"));
        assertThat(store.store(IntakePage.changes("task", List.of(closed))).changedAccounts()).isEmpty();
        var call = record("task", "00T8d0000000REPCAL", T2, Map.of("account", ACME, "subject", "Call", "closed", true));
        assertThat(store.store(IntakePage.changes("task", List.of(call))).changedAccounts()).containsExactly(ACME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAccountChangedWhileItWasBeingScoredStaysQueued(String db) {
        DataSource ds = Databases.fresh(db);
        CrmStore store = new CrmStore(ds);
        DirtyAccounts dirty = new DirtyAccounts(ds);
        store.store(IntakePage.changes("account", List.of(account(ACME, T1, Map.of()), account(GLOBEX, T1, Map.of()))));
        List<DirtyAccounts.Entry> taken = dirty.oldest(10);
        assertThat(taken).hasSize(2);

        store.store(IntakePage.changes("account", List.of(account(ACME, T2, Map.of("tier", "Key")))));
        dirty.done(taken);
        assertThat(dirty.oldest(10)).extracting(DirtyAccounts.Entry::accountId).containsExactly(ACME);
    }
}
