package io.redflag.service.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappedRecord;
import io.redflag.domain.model.CrmUser;
import io.redflag.service.mapping.MappingConfiguration;
import io.redflag.service.mapping.MappingProperties;
import io.redflag.service.scoring.StoreReader;
import io.redflag.service.scoring.StoredAccount;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.Databases;
import io.redflag.service.store.UserDirectory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A replay as of a day holds nothing from after it. The sync stores an org as it was up to 2026-03-31, then the
 * changes of the following months (an owner change, a deactivated owner, a re-titled contact who then left, a
 * contact who moved in, a deal won with a new amount and close date, a case closed, new deals, contacts, cases,
 * activities and field history). The account as of 2026-03-31 must equal, field by field, the account a second
 * store holds that never saw anything after that day.
 */
class NoLeakIT {
    private static final Instant CUT = Instant.parse("2026-04-01T00:00:00Z");
    private static final String A = "001000000000001AAA";
    private static final String B = "001000000000002AAA";
    private static final String U1 = "005000000000001AAA";
    private static final String U2 = "005000000000002AAA";
    private static final String MANAGER = "005000000000009AAA";
    private static final Mapping MAPPING = MappingConfiguration.read(new MappingProperties(null));

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAccountAsOfADayEqualsTheStoreThatNeverSawWhatCameAfter(String db) {
        DataSource full = Databases.fresh(db);
        DataSource past = Databases.fresh(db);
        storeThePast(full);
        storeThePast(past);
        storeWhatCameAfter(full);

        StoredAccount now = new StoreReader(full, MAPPING).read(List.of(A)).get(0);
        DatedHistory history = new DatedHistory(full);
        var stage = MAPPING.entities().get("opportunity").values().get("stage");
        StoredAccount then = new AsOf(stage::meaningOf).account(now, history.read(List.of(A),
                Instant.parse("2026-03-31T00:00:00Z")), CUT);
        StoredAccount expected = new StoreReader(past, MAPPING).read(List.of(A)).get(0);

        assertThat(now).as("the future is in the store").isNotEqualTo(expected);
        assertThat(sorted(then)).isEqualTo(sorted(expected));
        CrmUser owner = new UserDirectory(full).user(U1).orElseThrow();
        assertThat(AsOf.user(owner, history.users().getOrDefault(U1, List.of()), history.userStamps().get(U1), CUT))
                .isEqualTo(new UserDirectory(past).user(U1).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theSyncKeepsEachObservedChangeOfATrackedField(String db) {
        DataSource full = Databases.fresh(db);
        storeThePast(full);
        storeWhatCameAfter(full);
        var rows = new org.springframework.jdbc.core.JdbcTemplate(full).query("SELECT entity, record_id, field,"
                + " old_value, new_value, changed_at FROM record_change ORDER BY entity, record_id, field",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + ": " + rs.getString(4)
                        + " -> " + rs.getString(5) + " at " + rs.getObject(6, java.time.OffsetDateTime.class)
                                .toInstant());
        assertThat(rows).containsExactly(
                "account " + A + " owner: " + U1 + " -> " + U2 + " at 2026-05-05T00:00:00Z",
                "account " + A + " segment: Customer -> Former Customer at 2026-05-05T00:00:00Z",
                "contact 003000000000001AAA left_company: false -> true at 2026-04-10T00:00:00Z",
                "opportunity 006000000000001AAA amount: 100 -> 150 at 2026-04-20T00:00:00Z",
                "opportunity 006000000000001AAA close_date: 2026-05-15 -> 2026-04-20 at 2026-04-20T00:00:00Z",
                "opportunity 006000000000001AAA probability: 20 -> 100 at 2026-04-20T00:00:00Z",
                "opportunity 006000000000001AAA stage: OPEN -> WON at 2026-04-20T00:00:00Z",
                "user " + U1 + " active: true -> false at 2026-05-01T00:00:00Z");
    }

    /** Every list in id order: the two stores may return rows in different orders. */
    private static StoredAccount sorted(StoredAccount s) {
        return new StoredAccount(s.account(), by(s.contacts(), c -> c.id()), by(s.opportunities(), o -> o.id()),
                by(s.interactions(), i -> i.id()), by(s.cases(), c -> c.id()), by(s.history(), h -> h.id()),
                by(s.formerContacts(), c -> c.id()), by(s.contactChanges(), c -> c.contactId() + c.at()));
    }

    private static <T> List<T> by(List<T> list, Function<T, String> key) {
        return list.stream().sorted(Comparator.comparing(key)).toList();
    }

    private static void storeThePast(DataSource ds) {
        CrmStore store = new CrmStore(ds);
        store.store(IntakePage.changes("user", List.of(user(U1, true, "2025-01-01"), user(U2, true, "2025-01-01"))));
        store.store(IntakePage.changes("account", List.of(account(A, U1, "Customer", "2024-01-01"),
                account(B, U2, "Customer", "2024-01-01"))));
        store.store(IntakePage.changes("contact", List.of(
                contact("003000000000001AAA", A, "VP Sales", false, "2024-02-01", "2024-02-01"),
                contact("003000000000003AAA", B, "Chief Technology Officer", false, "2024-02-01", "2024-02-01"))));
        store.store(IntakePage.changes("opportunity", List.of(opportunity("006000000000001AAA", "OPEN", "100",
                "2026-05-15", "20", "2026-01-10", "2026-01-10"))));
        store.store(IntakePage.changes("opportunityHistory", List.of(history("008000000000001AAA",
                "006000000000001AAA", "Prospecting", "100", "2026-05-15", "2026-01-10"))));
        store.store(IntakePage.changes("task", List.of(task("00T000000000001AAA", "2026-03-10"))));
        store.store(IntakePage.changes("event", List.of(event("00U000000000001AAA", "2026-04-10", "2026-03-20"))));
        store.store(IntakePage.changes("supportCase", List.of(supportCase("500000000000001AAA", "2026-03-05", null,
                "2026-03-05"))));
        store.store(IntakePage.changes("accountHistory", List.of(accountHistory("017000000000001AAA", "Parent", null,
                "001000000000007AAA", "2025-06-01"))));
    }

    private static void storeWhatCameAfter(DataSource ds) {
        CrmStore store = new CrmStore(ds);
        store.store(IntakePage.changes("user", List.of(user(U1, false, "2026-05-01"))));
        store.store(IntakePage.changes("account", List.of(account(A, U2, "Former Customer", "2026-05-05"))));
        store.store(IntakePage.changes("contact", List.of(
                contact("003000000000001AAA", A, "Chief Executive Officer", true, "2024-02-01", "2026-04-10"),
                contact("003000000000002AAA", A, "Chief Financial Officer", false, "2026-04-15", "2026-04-15"),
                contact("003000000000003AAA", A, "Chief Technology Officer", false, "2024-02-01", "2026-04-02"))));
        store.store(IntakePage.changes("opportunity", List.of(
                opportunity("006000000000001AAA", "WON", "150", "2026-04-20", "100", "2026-01-10", "2026-04-20"),
                opportunity("006000000000002AAA", "OPEN", "500", "2026-09-30", "10", "2026-04-05", "2026-04-05"))));
        store.store(IntakePage.changes("opportunityHistory", List.of(history("008000000000002AAA",
                "006000000000001AAA", "Closed Won", "150", "2026-04-20", "2026-04-20"), history("008000000000003AAA",
                "006000000000002AAA", "Prospecting", "500", "2026-09-30", "2026-04-05"))));
        store.store(IntakePage.changes("task", List.of(task("00T000000000002AAA", "2026-04-03"))));
        store.store(IntakePage.changes("event", List.of(event("00U000000000002AAA", "2026-04-20", "2026-04-18"))));
        store.store(IntakePage.changes("supportCase", List.of(supportCase("500000000000001AAA", "2026-03-05",
                "2026-04-07", "2026-04-07"), supportCase("500000000000002AAA", "2026-04-08", null, "2026-04-08"))));
        store.store(IntakePage.changes("accountHistory", List.of(accountHistory("017000000000002AAA", "Owner", U1, U2,
                "2026-05-05"))));
    }

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    private static MappedRecord record(String entity, String id, Instant stamp, Map<String, Object> values) {
        values.put("id", id);
        return new MappedRecord(entity, id, stamp, values);
    }

    private static MappedRecord user(String id, boolean active, String modified) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", id.equals(U1) ? "Una One" : "Udo Two");
        v.put("active", active);
        v.put("manager", MANAGER);
        v.put("modifiedAt", day(modified));
        return record("user", id, day(modified), v);
    }

    private static MappedRecord account(String id, String owner, String segment, String modified) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", id.equals(A) ? "Acme" : "Bolt");
        v.put("owner", owner);
        v.put("tier", "Strategic");
        v.put("segment", segment);
        v.put("createdAt", day("2024-01-01"));
        v.put("modifiedAt", day(modified));
        return record("account", id, day(modified), v);
    }

    private static MappedRecord contact(String id, String account, String title, boolean left, String created,
            String modified) {
        Map<String, Object> v = new HashMap<>();
        v.put("account", account);
        v.put("name", "Contact " + id.substring(13, 15));
        v.put("title", title);
        v.put("leftCompany", left);
        v.put("createdAt", day(created));
        v.put("modifiedAt", day(modified));
        return record("contact", id, day(modified), v);
    }

    private static MappedRecord opportunity(String id, String stage, String amount, String close, String probability,
            String created, String modified) {
        Map<String, Object> v = new HashMap<>();
        v.put("account", A);
        v.put("name", "Deal " + id.substring(15));
        v.put("stage", stage);
        v.put("amount", new BigDecimal(amount));
        v.put("closeDate", LocalDate.parse(close));
        v.put("probability", new BigDecimal(probability));
        v.put("createdAt", day(created));
        v.put("modifiedAt", day(modified));
        return record("opportunity", id, day(modified), v);
    }

    private static MappedRecord history(String id, String opportunity, String stage, String amount, String close,
            String created) {
        Map<String, Object> v = new HashMap<>();
        v.put("opportunity", opportunity);
        v.put("stage", stage);
        v.put("amount", new BigDecimal(amount));
        v.put("closeDate", LocalDate.parse(close));
        v.put("createdAt", day(created));
        return record("opportunityHistory", id, day(created), v);
    }

    private static MappedRecord task(String id, String completed) {
        Map<String, Object> v = new HashMap<>();
        v.put("account", A);
        v.put("owner", U1);
        v.put("kind", "CALL");
        v.put("direction", "OUTBOUND");
        v.put("outcome", "CONNECTED");
        v.put("subject", "Call");
        v.put("closed", true);
        v.put("completedAt", day(completed));
        v.put("modifiedAt", day(completed));
        return record("task", id, day(completed), v);
    }

    private static MappedRecord event(String id, String start, String modified) {
        Map<String, Object> v = new HashMap<>();
        v.put("account", A);
        v.put("owner", U1);
        v.put("start", day(start));
        v.put("subject", "Quarterly review");
        v.put("modifiedAt", day(modified));
        return record("event", id, day(modified), v);
    }

    private static MappedRecord supportCase(String id, String opened, String closed, String modified) {
        Map<String, Object> v = new HashMap<>();
        v.put("account", A);
        v.put("subject", "Outage");
        v.put("priority", "HIGH");
        v.put("escalated", false);
        v.put("closed", closed != null);
        v.put("openedAt", day(opened));
        v.put("closedAt", closed == null ? null : day(closed));
        v.put("modifiedAt", day(modified));
        return record("supportCase", id, day(modified), v);
    }

    private static MappedRecord accountHistory(String id, String field, String oldValue, String newValue,
            String created) {
        Map<String, Object> v = new HashMap<>();
        v.put("account", A);
        v.put("field", field);
        v.put("oldValue", oldValue);
        v.put("newValue", newValue);
        v.put("createdAt", day(created));
        return record("accountHistory", id, day(created), v);
    }
}
