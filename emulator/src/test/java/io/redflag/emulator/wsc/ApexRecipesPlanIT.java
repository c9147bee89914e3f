package io.redflag.emulator.wsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The apex-recipes data plan (real, public, with awkward strings) loads and reads back intact through WSC:
 * every field of every record, references resolved to the right parents.
 */
class ApexRecipesPlanIT {
    private static final Path PLAN = Path.of("../../shared/fixtures/data-plans/apex-recipes");
    private static Emulator emulator;
    private static PartnerConnection conn;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.defaults().withPlan(PLAN.resolve("data-plan.json")));
        conn = Wsc.connect(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void accountsContactsAndOpportunitiesReadBackFieldByField() throws Exception {
        Map<String, SObject> accounts = readBack("Account", "Accounts.json", "Name");
        Map<String, SObject> contacts = readBack("Contact", "Contacts.json", "Email");
        Map<String, SObject> opportunities = readBack("Opportunity", "Opportunities.json", "Name");
        assertThat(accounts).hasSize(50);
        assertThat(contacts).hasSize(150);
        assertThat(opportunities).isNotEmpty();

        // References: each contact hangs off the account its @AccountRefN names.
        Map<String, String> accountIdByRef = new HashMap<>();
        for (JsonNode a : records("Accounts.json")) {
            accountIdByRef.put(a.get("attributes").get("referenceId").asString(),
                    accounts.get(a.get("name").asString()).getId());
        }
        for (JsonNode c : records("Contacts.json")) {
            String ref = c.get("accountId").asString().substring(1);
            assertThat(contacts.get(c.get("email").asString()).getField("AccountId"))
                    .isEqualTo(accountIdByRef.get(ref));
        }
    }

    /** Queries every field the JSON gives and compares values; returns the records by a unique key field. */
    private Map<String, SObject> readBack(String type, String file, String key) throws Exception {
        List<JsonNode> json = records(file);
        List<String> fields = new ArrayList<>();
        for (JsonNode r : json) {
            for (String f : r.propertyNames()) {
                if (!f.equals("attributes") && fields.stream().noneMatch(f::equalsIgnoreCase)) {
                    fields.add(f);
                }
            }
        }
        java.util.Set<String> numeric = new java.util.HashSet<>();
        for (var field : conn.describeSObject(type).getFields()) {
            switch (field.getType()) {
                case currency, _double, percent, _int -> numeric.add(field.getName());
                default -> { }
            }
        }
        conn.setQueryOptions(2000);
        // Ids are handed out in creation order, so ORDER BY Id lines the rows up with the plan's records.
        QueryResult result = conn.query("SELECT Id, " + String.join(", ", fields) + " FROM " + type + " ORDER BY Id");
        assertThat(result.getRecords()).hasSize(json.size());
        Map<String, SObject> byKey = new HashMap<>();
        for (int n = 0; n < json.size(); n++) {
            JsonNode r = json.get(n);
            SObject s = result.getRecords()[n];
            String k = r.propertyNames().stream().filter(key::equalsIgnoreCase).findFirst().orElseThrow();
            byKey.put(r.get(k).asString(), s);
            for (String f : r.propertyNames()) {
                if (f.equals("attributes") || r.get(f).asString().startsWith("@")) {
                    continue;
                }
                Object actual = s.getField(canonical(s, f));
                JsonNode expected = r.get(f);
                if (expected.isNumber() || numeric.contains(canonical(s, f))) {
                    assertThat(Double.parseDouble((String) actual)).as(type + "." + f).isEqualTo(expected.asDouble());
                } else if (isDateTime(expected.asString()) && ((String) actual).length() == 10) {
                    // A date-time given for a date field keeps its UTC date, as the API does.
                    assertThat(actual).as(type + "." + f).isEqualTo(Instant.parse(expected.asString())
                            .atZone(ZoneOffset.UTC).toLocalDate().toString());
                } else {
                    assertThat(actual).as(type + "." + f + " of " + r.get(k)).isEqualTo(expected.asString());
                }
            }
        }
        return byKey;
    }

    private static boolean isDateTime(String s) {
        return s.matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    /** WSC keeps field names as the server sent them (canonical case); the plan uses any case. */
    private static String canonical(SObject s, String name) {
        var it = s.getChildren();
        it.next(); // sf:type, the object's type, not its Type field
        while (it.hasNext()) {
            var child = it.next();
            if (child.getName().getLocalPart().equalsIgnoreCase(name)) {
                return child.getName().getLocalPart();
            }
        }
        throw new AssertionError("field " + name + " missing from " + s.getType());
    }

    private static List<JsonNode> records(String file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        Wsc.JSON.readTree(Files.readString(PLAN.resolve(file))).get("records").forEach(out::add);
        return out;
    }
}
