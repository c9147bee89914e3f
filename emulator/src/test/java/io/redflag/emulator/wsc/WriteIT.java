package io.redflag.emulator.wsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UndeleteResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WriteIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-06-30T12:00:00Z");
    private static Emulator emulator;
    private static PartnerConnection conn;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.defaults().withClock(CLOCK)
                .withMetadata(Path.of("../plugin/force-app")));
        conn = Wsc.connect(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static SObject sobject(String type, Object... fieldsAndValues) {
        SObject s = new SObject(type);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            s.setField((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return s;
    }

    private static SObject read(String soql) throws Exception {
        return conn.query(soql).getRecords()[0];
    }

    @Test
    void createSetsIdsSystemFieldsAndOwner() throws Exception {
        SaveResult[] r = conn.create(new SObject[] {sobject("Account", "Name", "Initech", "Industry", "Technology")});
        assertThat(r).hasSize(1);
        assertThat(r[0].isSuccess()).isTrue();
        assertThat(r[0].getId()).hasSize(18).startsWith("001");
        SObject a = read("SELECT Id, OwnerId, CreatedById, CreatedDate, SystemModstamp, IsDeleted FROM Account"
                + " WHERE Id = '" + r[0].getId() + "'");
        assertThat(a.getField("OwnerId")).isEqualTo(emulator.runAsUserId());
        assertThat(a.getField("CreatedById")).isEqualTo(emulator.runAsUserId());
        assertThat(a.getField("CreatedDate")).isEqualTo("2026-06-30T12:00:00.000Z");
        assertThat(a.getField("SystemModstamp")).isEqualTo(a.getField("CreatedDate"));
    }

    @Test
    void goodRowsCommitAndBadRowsFailOneByOneWithSalesforcesStatusCodes() throws Exception {
        SaveResult[] r = conn.create(new SObject[] {
            sobject("Account", "Name", "Good One"),
            sobject("Account", "Industry", "Banking"),
            sobject("Contact", "LastName", "Smith", "AccountId", "not-an-id"),
            sobject("Contact", "LastName", "Jones", "AccountId", emulator.runAsUserId()),
            sobject("Account", "Name", "Sneaky", "IsDeleted", "true"),
            sobject("Account", "Name", "Restricted", "Risk_Level__c", "Doomed")});
        assertThat(r[0].isSuccess()).isTrue();
        assertThat(code(r[1])).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(r[1].getErrors()[0].getFields()).containsExactly("Name");
        assertThat(r[1].getId()).isNull();
        assertThat(code(r[2])).isEqualTo("MALFORMED_ID");
        assertThat(code(r[3])).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
        assertThat(code(r[4])).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
        assertThat(code(r[5])).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(conn.query("SELECT Id FROM Account WHERE Name = 'Good One'").getSize()).isEqualTo(1);
    }

    @Test
    void aWriteOfMoreThan200RecordsFailsWhole() {
        SObject[] many = new SObject[201];
        for (int i = 0; i < many.length; i++) {
            many[i] = sobject("Account", "Name", "Bulk " + i);
        }
        assertThatThrownBy(() -> conn.create(many)).isInstanceOfSatisfying(UnexpectedErrorFault.class, f ->
                assertThat(f.getExceptionCode().name()).isEqualTo("EXCEEDED_ID_LIMIT"));
        assertThat(emulator.store().find(emulator.store().schema().find("Account"), true,
                a -> String.valueOf(a.get("Name")).startsWith("Bulk ")).size()).isZero();
    }

    @Test
    void unknownFieldsAndTypesFailTheWholeCall() {
        assertThatThrownBy(() -> conn.create(new SObject[] {sobject("Account", "Name", "X", "Bogus__c", "1")}))
                .isInstanceOf(InvalidFieldFault.class);
        assertThatThrownBy(() -> conn.create(new SObject[] {sobject("Bogus__c", "Name", "X")}))
                .isInstanceOf(InvalidSObjectFault.class);
    }

    @Test
    void updateChangesFieldsMovesSystemModstampAndWritesFieldHistory() throws Exception {
        String owner1 = new Seed(emulator).user("Ann", "First", true, null);
        String owner2 = new Seed(emulator).user("Bob", "Second", true, null);
        String id = conn.create(new SObject[] {sobject("Account", "Name", "Hooli", "OwnerId", owner1)})[0].getId();
        CLOCK.advance(Duration.ofMinutes(5));
        SObject change = sobject("Account", "Name", "Hooli XYZ", "OwnerId", owner2);
        change.setId(id);
        SaveResult[] r = conn.update(new SObject[] {change});
        assertThat(r[0].isSuccess()).isTrue();
        SObject a = read("SELECT Name, CreatedDate, SystemModstamp FROM Account WHERE Id = '" + id + "'");
        assertThat(a.getField("Name")).isEqualTo("Hooli XYZ");
        assertThat(a.getField("SystemModstamp")).isNotEqualTo(a.getField("CreatedDate"));
        var history = conn.query("SELECT Field, OldValue, NewValue FROM AccountHistory WHERE AccountId = '" + id
                + "' ORDER BY Field").getRecords();
        assertThat(history).extracting(h -> h.getField("Field")).containsExactly("created", "Name", "Owner");
        assertThat(history[2].getField("OldValue")).isEqualTo(owner1);
        assertThat(history[2].getField("NewValue")).isEqualTo(owner2);
    }

    @Test
    void opportunityChangesToStageAmountOrCloseDateWriteOpportunityHistory() throws Exception {
        Calendar close = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        close.clear();
        close.set(2026, Calendar.SEPTEMBER, 30);
        String id = conn.create(new SObject[] {sobject("Opportunity", "Name", "Renewal", "StageName", "Prospecting",
                "CloseDate", close.getTime(), "Amount", 50_000.0)})[0].getId();
        SObject push = sobject("Opportunity", "StageName", "Closed Won");
        push.setId(id);
        conn.update(new SObject[] {push});
        SObject opp = read("SELECT IsClosed, IsWon, Probability FROM Opportunity WHERE Id = '" + id + "'");
        assertThat(opp.getField("IsClosed")).isEqualTo("true");
        assertThat(opp.getField("IsWon")).isEqualTo("true");
        var rows = conn.query("SELECT StageName, Amount, CloseDate FROM OpportunityHistory WHERE OpportunityId = '"
                + id + "' ORDER BY StageName").getRecords();
        assertThat(rows).extracting(h -> h.getField("StageName")).containsExactly("Closed Won", "Prospecting");
        assertThat(rows[1].getField("CloseDate")).isEqualTo("2026-09-30");
    }

    @Test
    void fieldsToNullClearsFieldsAndUpdateNeedsAnId() throws Exception {
        String id = conn.create(new SObject[] {sobject("Account", "Name", "Nulls", "Industry", "Energy")})[0].getId();
        SObject clear = new SObject("Account");
        clear.setId(id);
        clear.setFieldsToNull(new String[] {"Industry"});
        assertThat(conn.update(new SObject[] {clear})[0].isSuccess()).isTrue();
        assertThat(read("SELECT Industry FROM Account WHERE Id = '" + id + "'").getField("Industry")).isNull();

        SaveResult[] noId = conn.update(new SObject[] {sobject("Account", "Name", "x")});
        assertThat(code(noId[0])).isEqualTo("MISSING_ARGUMENT");
    }

    @Test
    void upsertOnAnExternalIdCreatesThenUpdates() throws Exception {
        String account = conn.create(new SObject[] {sobject("Account", "Name", "Upserted")})[0].getId();
        SObject task = sobject("Task", "Subject", "Call the CFO", "WhatId", account,
                "Risk_Signal_Key__c", "CONTACT_SILENT:" + account);
        UpsertResult[] first = conn.upsert("Risk_Signal_Key__c", new SObject[] {task});
        assertThat(first[0].isSuccess()).isTrue();
        assertThat(first[0].isCreated()).isTrue();
        task.setField("Subject", "Call the CFO this week");
        UpsertResult[] second = conn.upsert("Risk_Signal_Key__c", new SObject[] {task});
        assertThat(second[0].isCreated()).isFalse();
        assertThat(second[0].getId()).isEqualTo(first[0].getId());
        SObject saved = read("SELECT Subject, AccountId, Status, IsClosed FROM Task WHERE Id = '" + first[0].getId()
                + "'");
        assertThat(saved.getField("Subject")).isEqualTo("Call the CFO this week");
        assertThat(saved.getField("AccountId")).isEqualTo(account);
        assertThat(saved.getField("Status")).isEqualTo("Not Started");

        assertThatThrownBy(() -> conn.upsert("Subject", new SObject[] {task})).isInstanceOf(InvalidFieldFault.class);
    }

    @Test
    void deleteMovesToTheRecycleBinWithChildrenAndUndeleteBringsThemBack() throws Exception {
        String account = conn.create(new SObject[] {sobject("Account", "Name", "Cascade Co")})[0].getId();
        String contact = conn.create(new SObject[] {sobject("Contact", "LastName", "Child", "AccountId", account)})[0]
                .getId();
        DeleteResult[] d = conn.delete(new String[] {account});
        assertThat(d[0].isSuccess()).isTrue();
        assertThat(conn.queryAll("SELECT IsDeleted FROM Contact WHERE Id = '" + contact + "'").getRecords()[0]
                .getField("IsDeleted")).isEqualTo("true");

        SObject change = sobject("Account", "Name", "Ghost");
        change.setId(account);
        assertThat(code(conn.update(new SObject[] {change})[0])).isEqualTo("ENTITY_IS_DELETED");
        assertThat(conn.delete(new String[] {account})[0].getErrors()[0].getStatusCode().name())
                .isEqualTo("ENTITY_IS_DELETED");
        assertThat(conn.delete(new String[] {"garbage"})[0].getErrors()[0].getStatusCode().name())
                .isEqualTo("MALFORMED_ID");

        UndeleteResult[] u = conn.undelete(new String[] {account});
        assertThat(u[0].isSuccess()).isTrue();
        assertThat(conn.query("SELECT Id FROM Contact WHERE Id = '" + contact + "'").getSize()).isEqualTo(1);
    }

    @Test
    void theRemainingPerRecordErrorsComeBackAsSalesforceNamesThem() throws Exception {
        SaveResult[] created = conn.create(new SObject[] {
            sobject("Account", "Name", "x".repeat(256)),
            sobject("Account", "Name", "Numbers", "NumberOfEmployees", "many")});
        assertThat(code(created[0])).isEqualTo("STRING_TOO_LONG");
        assertThat(code(created[1])).isEqualTo("INVALID_TYPE_ON_FIELD_IN_RECORD");

        SObject ghost = sobject("Account", "Name", "Nobody");
        ghost.setId("001000000000000AAA");
        assertThat(code(conn.update(new SObject[] {ghost})[0])).isEqualTo("INVALID_CROSS_REFERENCE_KEY");

        String live = conn.create(new SObject[] {sobject("Account", "Name", "Alive")})[0].getId();
        assertThat(conn.undelete(new String[] {live})[0].getErrors()[0].getStatusCode().name())
                .isEqualTo("UNDELETE_FAILED");

        String account = conn.create(new SObject[] {sobject("Account", "Name", "Twice")})[0].getId();
        for (int i = 0; i < 2; i++) {
            conn.create(new SObject[] {sobject("Task", "Subject", "Dup " + i, "WhatId", account,
                    "Risk_Signal_Key__c", "SINGLE_THREADED:" + account)});
        }
        UpsertResult[] dup = conn.upsert("Risk_Signal_Key__c", new SObject[] {sobject("Task", "Subject", "Third",
                "Risk_Signal_Key__c", "SINGLE_THREADED:" + account)});
        assertThat(dup[0].getErrors()[0].getStatusCode().name()).isEqualTo("DUPLICATE_EXTERNAL_ID");
    }

    @Test
    void everyApiVersionFrom58To65IsServedAndOthersAreRefused() throws Exception {
        String token = Wsc.token(emulator).get("access_token").asString();
        for (int v = 58; v <= 65; v++) {
            var config = Wsc.config(emulator, token);
            config.setServiceEndpoint(emulator.baseUrl() + "/services/Soap/u/" + v + ".0");
            assertThat(Wsc.connect(config).getServerTimestamp().getTimestamp()).isNotNull();
        }
        var old = Wsc.config(emulator, token);
        old.setServiceEndpoint(emulator.baseUrl() + "/services/Soap/u/20.0");
        assertThatThrownBy(() -> Wsc.connect(old).getServerTimestamp())
                .isInstanceOfSatisfying(UnexpectedErrorFault.class, f ->
                        assertThat(f.getExceptionCode().name()).isEqualTo("UNSUPPORTED_API_VERSION"));
    }

    private static String code(SaveResult r) {
        assertThat(r.isSuccess()).isFalse();
        return r.getErrors()[0].getStatusCode().name();
    }
}
