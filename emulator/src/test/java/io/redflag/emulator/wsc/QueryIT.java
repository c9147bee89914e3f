package io.redflag.emulator.wsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidQueryLocatorFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.MutableClock;
import io.redflag.emulator.store.WriteContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-06-30T12:00:00Z");
    private static final int CONTACTS = 4_500;
    private static Emulator emulator;
    private static PartnerConnection conn;
    private static String activeOwner;
    private static String accountId;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.defaults().withClock(CLOCK));
        Seed seed = new Seed(emulator);
        String manager = seed.user("Maria", "Manager", true, null);
        activeOwner = seed.user("Olivia", "Owner", true, manager);
        String inactive = seed.user("Ivan", "Gone", false, manager);
        accountId = seed.create("Account", "Name", "Acme Corp", "OwnerId", activeOwner, "AnnualRevenue", 12_500_000.0);
        seed.create("Account", "Name", "Globex", "OwnerId", inactive);
        seed.create("Account", "Name", "No Owner Field Set");
        for (int i = 0; i < CONTACTS; i++) {
            CLOCK.advance(Duration.ofSeconds(i % 3 == 0 ? 1 : 0));
            seed.create("Contact", "LastName", "Contact " + i, "AccountId", i % 2 == 0 ? accountId : null,
                    "Title", i % 10 == 0 ? "Chief Financial Officer" : "Analyst");
        }
        conn = Wsc.connect(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void queryAndQueryMoreReadEveryRecordOnceInBatchesOfTheRequestedSize() throws Exception {
        conn.setQueryOptions(2000);
        QueryResult page = conn.query("SELECT Id, LastName, SystemModstamp FROM Contact ORDER BY SystemModstamp, Id");
        assertThat(page.getSize()).isEqualTo(CONTACTS);
        List<Integer> pageSizes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (true) {
            pageSizes.add(page.getRecords().length);
            for (SObject r : page.getRecords()) {
                assertThat(ids.add(r.getId())).isTrue();
            }
            if (page.isDone()) {
                assertThat(page.getQueryLocator()).isNull();
                break;
            }
            assertThat(page.getQueryLocator()).matches("01g\\w+-\\d+");
            page = conn.queryMore(page.getQueryLocator());
        }
        assertThat(pageSizes).containsExactly(2000, 2000, 500);
        assertThat(ids).hasSize(CONTACTS);
    }

    @Test
    void batchSizeIsClampedTo200to2000AndDefaultsTo500() throws Exception {
        conn.setQueryOptions(50);
        assertThat(conn.query("SELECT Id FROM Contact").getRecords()).hasSize(200);
        conn.setQueryOptions(5000);
        assertThat(conn.query("SELECT Id FROM Contact").getRecords()).hasSize(2000);
        conn.clearQueryOptions();
        assertThat(conn.query("SELECT Id FROM Contact").getRecords()).hasSize(500);
    }

    @Test
    void parentPathsComeBackAsNestedSObjectsAndNullLookupsAsNull() throws Exception {
        QueryResult r = conn.query("SELECT Name, Owner.IsActive, Owner.Manager.Name FROM Account ORDER BY Name");
        SObject acme = r.getRecords()[0];
        assertThat(acme.getField("Name")).isEqualTo("Acme Corp");
        assertThat(acme.getId()).isNull();
        SObject owner = (SObject) acme.getField("Owner");
        assertThat(owner.getType()).isEqualTo("User");
        assertThat(owner.getField("IsActive")).isEqualTo("true");
        assertThat(((SObject) owner.getField("Manager")).getField("Name")).isEqualTo("Maria Manager");
        SObject globex = r.getRecords()[1];
        assertThat(((SObject) globex.getField("Owner")).getField("IsActive")).isEqualTo("false");
    }

    @Test
    void valuesUseSalesforcesTextForms() throws Exception {
        SObject acme = conn.query("SELECT Id, AnnualRevenue, CreatedDate, IsDeleted FROM Account WHERE Id = '"
                + accountId.substring(0, 15) + "'").getRecords()[0];
        assertThat(acme.getId()).isEqualTo(accountId);
        assertThat(acme.getField("AnnualRevenue")).isEqualTo("1.25E7");
        assertThat((String) acme.getField("CreatedDate")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.000Z");
        assertThat(acme.getField("IsDeleted")).isEqualTo("false");
    }

    @Test
    void countAndWhereAndLimitWork() throws Exception {
        assertThat(conn.query("SELECT COUNT() FROM Contact WHERE AccountId = '" + accountId + "'").getSize())
                .isEqualTo(CONTACTS / 2);
        assertThat(conn.query("SELECT COUNT() FROM Contact WHERE Title LIKE 'chief%' AND AccountId != null")
                .getSize()).isEqualTo(CONTACTS / 10);
        assertThat(conn.query("SELECT Id FROM Contact ORDER BY LastName DESC LIMIT 3").getRecords()).hasSize(3);
    }

    @Test
    void queryAllSeesTheRecycleBinAndQueryDoesNot() throws Exception {
        Seed seed = new Seed(emulator);
        String doomed = seed.create("Account", "Name", "Doomed Inc");
        emulator.store().delete(doomed, WriteContext.api(emulator.runAsUserId()));
        String soql = "SELECT Id, IsDeleted FROM Account WHERE Name = 'Doomed Inc'";
        assertThat(conn.query(soql).getSize()).isZero();
        QueryResult all = conn.queryAll(soql);
        assertThat(all.getSize()).isEqualTo(1);
        assertThat(all.getRecords()[0].getField("IsDeleted")).isEqualTo("true");
    }

    @Test
    void malformedQueriesFailWithRowAndColumn() {
        assertThatThrownBy(() -> conn.query("SELECT Id FROM Account WHERE Name = "))
                .isInstanceOfSatisfying(MalformedQueryFault.class, f -> {
                    assertThat(f.getExceptionCode().name()).isEqualTo("MALFORMED_QUERY");
                    assertThat(f.getRow()).isEqualTo(1);
                    assertThat(f.getColumn()).isPositive();
                });
        assertThatThrownBy(() -> conn.query("SELECT Name FROM Account GROUP BY Name"))
                .isInstanceOfSatisfying(MalformedQueryFault.class, f ->
                        assertThat(f.getExceptionMessage()).containsIgnoringCase("GROUP BY"));
    }

    @Test
    void unknownFieldsAndObjectsAreInvalidFieldAndInvalidType() {
        assertThatThrownBy(() -> conn.query("SELECT Id, Nonsense__c FROM Account"))
                .isInstanceOfSatisfying(InvalidFieldFault.class, f -> {
                    assertThat(f.getExceptionCode().name()).isEqualTo("INVALID_FIELD");
                    assertThat(f.getExceptionMessage()).contains("No such column 'Nonsense__c' on entity 'Account'");
                    assertThat(f.getRow()).isEqualTo(1);
                    assertThat(f.getColumn()).isEqualTo(12);
                });
        assertThatThrownBy(() -> conn.query("SELECT Id FROM Nonsense__c"))
                .isInstanceOfSatisfying(InvalidSObjectFault.class, f ->
                        assertThat(f.getExceptionCode().name()).isEqualTo("INVALID_TYPE"));
    }

    @Test
    void unknownAndExpiredLocatorsAreInvalidQueryLocator() throws Exception {
        assertThatThrownBy(() -> conn.queryMore("01gNOSUCHCURSOR-2000"))
                .isInstanceOfSatisfying(InvalidQueryLocatorFault.class, f ->
                        assertThat(f.getExceptionCode().name()).isEqualTo("INVALID_QUERY_LOCATOR"));

        conn.setQueryOptions(200);
        QueryResult first = conn.query("SELECT Id FROM Contact");
        CLOCK.advance(Duration.ofMinutes(16));
        try {
            assertThatThrownBy(() -> conn.queryMore(first.getQueryLocator()))
                    .isInstanceOf(InvalidQueryLocatorFault.class);
        } finally {
            CLOCK.advance(Duration.ofMinutes(-16));
        }
    }

    @Test
    void everyResponseCarriesApiUsageInTheLimitInfoHeader() throws Exception {
        conn.getServerTimestamp();
        long before = conn.getLimitInfoHeader().getLimitInfo()[0].getCurrent();
        conn.getServerTimestamp();
        var info = conn.getLimitInfoHeader().getLimitInfo()[0];
        assertThat(info.getType()).isEqualTo("API REQUESTS");
        assertThat(info.getCurrent()).isEqualTo(before + 1);
        assertThat(info.getLimit()).isEqualTo(100_000);
    }
}
