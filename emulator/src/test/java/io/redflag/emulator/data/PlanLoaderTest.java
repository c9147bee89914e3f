package io.redflag.emulator.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.FieldValues;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlanLoaderTest {
    /** Maven runs tests in the module directory; shared/ sits beside the repository root. */
    static final Path APEX_RECIPES = Path.of("../../shared/fixtures/data-plans/apex-recipes");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-15T09:30:00Z"), ZoneOffset.UTC);
    /** The integration user every test store starts with (its id is the first one the store hands out). */
    static String LOADER;

    @TempDir
    Path tmp;

    static OrgStore store() {
        Schema schema = Schema.standard();
        MetadataLoader.load(MetadataLoaderTest.METADATA, schema);
        OrgStore store = new OrgStore(schema, CLOCK);
        LOADER = adminUser(store);
        return store;
    }

    static String adminUser(OrgStore store) {
        return store.create(store.schema().find("User"), Map.of("Username", "admin@redflag.test", "LastName",
                "Admin", "Email", "admin@redflag.test", "Alias", "admin"),
                io.redflag.emulator.store.WriteContext.loader(null, false)).id();
    }

    @Test
    void apexRecipesLoadsAndReadsBackIntact() throws IOException {
        OrgStore store = store();
        LoadReport report = PlanLoader.load(APEX_RECIPES.resolve("data-plan.json"), store, LOADER, null);

        assertThat(report.created()).containsEntry("Account", 50).containsEntry("Contact", 150)
                .containsEntry("Opportunity", 50);
        // No history rows in the plan: the platform writes its own on insert.
        assertThat(report.created()).containsEntry("AccountHistory", 50).containsEntry("OpportunityHistory", 50);
        assertThat(report.references()).hasSize(250);

        int compared = 0;
        for (String file : new String[] {"Accounts.json", "Contacts.json", "Opportunities.json"}) {
            JsonNode records = JsonMapper.builder().build()
                    .readTree(Files.readString(APEX_RECIPES.resolve(file))).get("records");
            for (JsonNode json : records) {
                String ref = json.get("attributes").get("referenceId").asString();
                SRecord record = store.get(report.references().get(ref));
                assertThat(record).as(ref).isNotNull();
                assertThat(record.type().name()).isEqualTo(json.get("attributes").get("type").asString());
                for (Map.Entry<String, JsonNode> e : json.properties()) {
                    if (e.getKey().equals("attributes")) {
                        continue;
                    }
                    FieldDef field = record.type().field(e.getKey());
                    Object expected = expected(field, e.getValue(), report.references());
                    assertThat(record.get(field)).as(ref + "." + e.getKey()).isEqualTo(expected);
                    compared++;
                }
                assertThat(record.get("CreatedById")).isEqualTo(LOADER);
            }
        }
        assertThat(compared).isGreaterThan(1500);
    }

    @Test
    void apexRecipesOddStringsSurvive() {
        OrgStore store = store();
        LoadReport report = PlanLoader.load(APEX_RECIPES.resolve("data-plan.json"), store, LOADER, null);
        SRecord first = store.get(report.references().get("OpportunityRef1"));
        assertThat(first.get("Description")).isEqualTo("\"");
        assertThat(store.get(report.references().get("OpportunityRef2")).get("Description")).isEqualTo("-1E02");
        assertThat(store.get(report.references().get("OpportunityRef3")).get("Description")).isEqualTo("⁰⁴⁵");
        assertThat(first.get("CloseDate")).isEqualTo(LocalDate.of(2020, 12, 22));
        assertThat(first.get("Amount")).isEqualTo(119373.34);
        SRecord contact = store.get(report.references().get("ContactRef1"));
        assertThat(contact.get("AccountId")).isEqualTo(report.references().get("AccountRef10"));
        assertThat(store.get(report.references().get("AccountRef1")).get("AnnualRevenue")).isEqualTo(5117586.0);
    }

    private static Object expected(FieldDef field, JsonNode node, Map<String, String> refs) {
        if (node.isString() && node.asString().startsWith("@")) {
            return refs.get(node.asString().substring(1));
        }
        Object raw = node.isNumber() ? (field.type().isNumber() ? node.numberValue() : node.asString()) : node.asString();
        return FieldValues.coerce(field.type(), raw);
    }

    @Test
    void nestedChildrenGetTheirParentsId() throws IOException {
        Path tree = write("tree.json", """
                {"records": [{
                  "attributes": {"type": "Account", "referenceId": "Acme"},
                  "Name": "Acme",
                  "Contacts": {"records": [
                    {"attributes": {"type": "Contact", "referenceId": "Ann"}, "LastName": "Ann",
                     "Tasks": {"records": [{"attributes": {"type": "Task", "referenceId": "T1"}, "Subject": "Call",
                                            "Status": "Completed", "LastModifiedDate": "2026-01-02T10:00:00Z"}]}},
                    {"attributes": {"type": "Contact", "referenceId": "Bob"}, "lastname": "Bob",
                     "ReportsToId": "@Ann"}
                  ]},
                  "Opportunities": {"records": [{"attributes": {"type": "Opportunity", "referenceId": "Deal"},
                     "Name": "Deal", "StageName": "Prospecting", "CloseDate": "2026-09-30"}]}
                }]}
                """);
        OrgStore store = store();
        LoadReport report = PlanLoader.load(tree, store, LOADER, null);
        String acme = report.references().get("Acme");
        assertThat(store.get(report.references().get("Ann")).get("AccountId")).isEqualTo(acme);
        assertThat(store.get(report.references().get("Bob")).get("AccountId")).isEqualTo(acme);
        assertThat(store.get(report.references().get("Bob")).get("ReportsToId"))
                .isEqualTo(report.references().get("Ann"));
        assertThat(store.get(report.references().get("Deal")).get("AccountId")).isEqualTo(acme);
        SRecord task = store.get(report.references().get("T1"));
        assertThat(task.get("WhoId")).isEqualTo(report.references().get("Ann"));
        assertThat(task.get("AccountId")).isEqualTo(acme);
        assertThat(task.get("CompletedDateTime")).isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
    }

    @Test
    void rebaseMovesEveryDateSoTheAnchorBecomesToday() throws IOException {
        Path tree = write("tree.json", """
                {"records": [
                  {"attributes": {"type": "Account", "referenceId": "A"}, "Name": "A",
                   "CreatedDate": "2024-06-30T08:15:00Z", "LastModifiedDate": "2026-06-29T17:45:30Z",
                   "SystemModstamp": "2026-06-29T17:45:30Z"},
                  {"attributes": {"type": "Opportunity", "referenceId": "O"}, "Name": "O", "AccountId": "@A",
                   "StageName": "Prospecting", "CloseDate": "2026-07-31"},
                  {"attributes": {"type": "Event", "referenceId": "E"}, "Subject": "QBR", "WhatId": "@A",
                   "StartDateTime": "2026-06-30T14:00:00.000+0000", "DurationInMinutes": 60}
                ]}
                """);
        OrgStore store = store();
        LoadReport report = PlanLoader.load(tree, store, LOADER, LocalDate.of(2026, 6, 30));
        // The clock says 2026-07-15: everything moves 15 days, times of day stay.
        SRecord account = store.get(report.references().get("A"));
        assertThat(account.get("CreatedDate")).isEqualTo(Instant.parse("2024-07-15T08:15:00Z"));
        assertThat(account.get("LastModifiedDate")).isEqualTo(Instant.parse("2026-07-14T17:45:30Z"));
        assertThat(account.get("SystemModstamp")).isEqualTo(Instant.parse("2026-07-14T17:45:30Z"));
        assertThat(store.get(report.references().get("O")).get("CloseDate")).isEqualTo(LocalDate.of(2026, 8, 15));
        SRecord event = store.get(report.references().get("E"));
        assertThat(event.get("StartDateTime")).isEqualTo(Instant.parse("2026-07-15T14:00:00Z"));
        assertThat(event.get("ActivityDate")).isEqualTo(LocalDate.of(2026, 7, 15));
    }

    @Test
    void givenHistoryRowsReplaceGeneratedOnesAndDeletedRecordsGoToTheRecycleBin() throws IOException {
        write("Users.json", """
                {"records": [{"attributes": {"type": "User", "referenceId": "Rep"}, "Username": "rep@example.com",
                  "LastName": "Rep", "Email": "rep@example.com", "Alias": "rep", "IsActive": false}]}
                """);
        write("Accounts.json", """
                {"records": [{"attributes": {"type": "Account", "referenceId": "A"}, "Name": "A", "OwnerId": "@Rep",
                  "CreatedDate": "2025-01-01T00:00:00Z"}]}
                """);
        write("History.json", """
                {"records": [{"attributes": {"type": "AccountHistory", "referenceId": "H1"}, "AccountId": "@A",
                  "Field": "Owner", "DataType": "EntityId", "OldValue": "005000000000002AAC", "NewValue": "@Rep",
                  "CreatedDate": "2026-06-01T12:00:00Z", "CreatedById": "@Rep"}]}
                """);
        write("Contacts.json", """
                {"records": [{"attributes": {"type": "Contact", "referenceId": "Gone"}, "LastName": "Gone",
                  "AccountId": "@A", "IsDeleted": true, "Left_Company__c": true}]}
                """);
        Path plan = write("plan.json", """
                [{"sobject": "User", "saveRefs": true, "resolveRefs": true, "files": ["Users.json"]},
                 {"sobject": "Account", "saveRefs": true, "resolveRefs": true, "files": ["Accounts.json"]},
                 {"sobject": "AccountHistory", "saveRefs": false, "resolveRefs": true, "files": ["History.json"]},
                 {"sobject": "Contact", "saveRefs": true, "resolveRefs": true, "files": ["Contacts.json"]}]
                """);
        OrgStore store = store();
        LoadReport report = PlanLoader.load(plan, store, LOADER, null);
        assertThat(report.created()).containsEntry("AccountHistory", 1).containsEntry("User", 1);
        assertThat(report.deleted()).isEqualTo(1);
        SObjectDef history = store.schema().find("AccountHistory");
        SRecord row = store.snapshot(history, false).get(0);
        assertThat(row.get("NewValue")).isEqualTo(report.references().get("Rep"));
        assertThat(row.get("CreatedDate")).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
        assertThat(store.get(report.references().get("Rep")).get("IsActive")).isEqualTo(false);
        SRecord gone = store.get(report.references().get("Gone"));
        assertThat(gone.isDeleted()).isTrue();
        assertThat(gone.get("Left_Company__c")).isEqualTo(true);
        assertThat(store.count(store.schema().find("Contact"), false)).isZero();
    }

    @Test
    void unknownFieldStopsTheLoadNamingFileAndRecord() throws IOException {
        Path tree = write("bad.json", """
                {"records": [{"attributes": {"type": "Account", "referenceId": "Bad1"}, "Name": "A", "Colour": "red"}]}
                """);
        assertThatThrownBy(() -> PlanLoader.load(tree, store(), LOADER, null))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("Bad1")
                .hasMessageContaining("INVALID_FIELD").hasMessageContaining("Colour");
    }

    @Test
    void failingRecordReportsTheStatusCode() throws IOException {
        Path tree = write("bad.json", """
                {"records": [{"attributes": {"type": "Opportunity", "referenceId": "Opp7"}, "Name": "No stage",
                  "CloseDate": "2026-01-01"}]}
                """);
        assertThatThrownBy(() -> PlanLoader.load(tree, store(), LOADER, null))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("Opp7")
                .hasMessageContaining("REQUIRED_FIELD_MISSING").hasMessageContaining("StageName");
    }

    @Test
    void unresolvedReferenceAndMalformedJsonAreReported() throws IOException {
        Path tree = write("refs.json", """
                {"records": [{"attributes": {"type": "Contact", "referenceId": "C1"}, "LastName": "X",
                  "AccountId": "@Nowhere"}]}
                """);
        assertThatThrownBy(() -> PlanLoader.load(tree, store(), LOADER, null))
                .hasMessageContaining("refs.json").hasMessageContaining("C1").hasMessageContaining("@Nowhere");
        Path broken = write("broken.json", "{\"records\": [ {\"attributes\": }");
        assertThatThrownBy(() -> PlanLoader.load(broken, store(), LOADER, null))
                .isInstanceOf(PlanException.class).hasMessageContaining("broken.json")
                .hasMessageContaining("line 1");
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(tmp.resolve(name), json);
    }
}
