package io.redflag.emulator.wsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.DescribeGlobalResult;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.FieldType;
import com.sforce.soap.partner.PartnerConnection;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DescribeIT {
    private static Emulator emulator;
    private static PartnerConnection conn;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.defaults().withMetadata(Path.of("../plugin/force-app")));
        conn = Wsc.connect(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void describeGlobalListsTheStandardObjectsWithKeyPrefixes() throws Exception {
        DescribeGlobalResult g = conn.describeGlobal();
        assertThat(g.getMaxBatchSize()).isEqualTo(200);
        Map<String, String> prefixes = Arrays.stream(g.getSobjects())
                .collect(Collectors.toMap(s -> s.getName(), s -> s.getKeyPrefix()));
        assertThat(prefixes).containsEntry("Account", "001").containsEntry("Contact", "003")
                .containsEntry("Opportunity", "006").containsEntry("User", "005").containsEntry("Task", "00T")
                .containsEntry("Event", "00U").containsEntry("Case", "500")
                .containsEntry("OpportunityContactRole", "00K").containsEntry("OpportunityHistory", "008")
                .containsEntry("AccountHistory", "017");
    }

    @Test
    void describeSObjectsReportsStandardAndCustomFieldsWithTheirProperties() throws Exception {
        DescribeSObjectResult[] r = conn.describeSObjects(new String[] {"Account", "Task"});
        Map<String, Field> account = fields(r[0]);
        assertThat(account.get("OwnerId").getType()).isEqualTo(FieldType.reference);
        assertThat(account.get("OwnerId").getReferenceTo()).containsExactly("User");
        assertThat(account.get("OwnerId").getRelationshipName()).isEqualTo("Owner");
        assertThat(account.get("SystemModstamp").isCreateable()).isFalse();
        assertThat(account.get("Name").isNillable()).isFalse();
        Field level = account.get("Risk_Level__c");
        assertThat(level.isCustom()).isTrue();
        assertThat(level.getType()).isEqualTo(FieldType.picklist);
        assertThat(level.isRestrictedPicklist()).isTrue();
        assertThat(Arrays.stream(level.getPicklistValues()).map(p -> p.getValue()))
                .containsExactly("Healthy", "Watch", "At Risk", "Critical", "Unknown");
        assertThat(account.get("Health_Scored_At__c").getType()).isEqualTo(FieldType.datetime);
        assertThat(Arrays.stream(r[0].getChildRelationships()).map(c -> c.getRelationshipName()))
                .contains("Contacts", "Opportunities", "Cases");

        Map<String, Field> task = fields(r[1]);
        assertThat(task.get("Risk_Signal_Key__c").isExternalId()).isTrue();
        assertThat(task.get("WhatId").getReferenceTo()).contains("Account", "Opportunity");
        assertThat(task.get("WhatId").isPolymorphicForeignKey()).isTrue();
    }

    @Test
    void describeSObjectOfAnUnknownTypeIsInvalidType() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> conn.describeSObject("Nope__c"))
                .isInstanceOf(com.sforce.soap.partner.fault.InvalidSObjectFault.class);
    }

    private static Map<String, Field> fields(DescribeSObjectResult r) {
        return Arrays.stream(r.getFields()).collect(Collectors.toMap(Field::getName, Function.identity()));
    }
}
