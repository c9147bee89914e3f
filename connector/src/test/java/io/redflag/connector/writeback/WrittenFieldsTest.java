package io.redflag.connector.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.connector.mapping.OrgSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up check of the fields Redflag writes, against describe results. */
class WrittenFieldsTest {

    /** An org with every written field; Risk_Level__c a picklist of these values. */
    private static OrgSchema org(List<String> levels) {
        Map<String, Map<String, OrgSchema.OrgField>> objects = new HashMap<>();
        for (WrittenFields.Field f : WrittenFields.ALL) {
            String type = f.name().equals("Risk_Level__c") ? "picklist" : f.types().iterator().next();
            objects.computeIfAbsent(f.object(), o -> new HashMap<>()).put(f.name().toLowerCase(Locale.ROOT),
                    new OrgSchema.OrgField(f.name(), type, type.equals("picklist") ? levels : List.of()));
        }
        return objects::get;
    }

    @Test
    void anOrgWithThePackagesEveryLevelHasNoProblem() {
        assertThat(WrittenFields.problems(org(List.of("Healthy", "Watch", "At Risk", "Critical", "Unknown"))))
                .isEmpty();
    }

    @Test
    void aRiskLevelPicklistWithoutUnknownIsAnOlderPackageNamedAtStartUp() {
        assertThat(WrittenFields.problems(org(List.of("Healthy", "Watch", "At Risk", "Critical")))).containsExactly(
                "Account.Risk_Level__c: the picklist lacks Unknown, which Redflag writes; an older version of "
                        + WrittenFields.PACKAGE + " is deployed");
    }

    @Test
    void aTextFieldTakesAnyLevel() {
        Map<String, OrgSchema.OrgField> account = new HashMap<>(org(List.of()).fields("Account"));
        account.put("risk_level__c", new OrgSchema.OrgField("Risk_Level__c", "string", List.of()));
        OrgSchema schema = o -> o.equals("Account") ? account : org(List.of()).fields(o);
        assertThat(WrittenFields.problems(schema)).isEmpty();
    }
}
