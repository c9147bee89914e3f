package io.redflag.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.sobject.SObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the shipped mapping turns hand-made Partner API records into positional values. */
class RecordMapperTest {
    private static final Mapping MAPPING = MappingLoader.load(MappingLoaderTest.DEFAULT);
    private static final RecordMapper MAPPER = new RecordMapper(MAPPING, new MappingReport("test", List.of(), Set.of()));

    private static SObject record(String type, String id, String... fieldsAndValues) {
        SObject r = new SObject(type);
        r.setId(id);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            r.setField(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return r;
    }

    @Test
    void typedValuesMeaningsAndTheStampLandWhereTheModelPutsThem() {
        MappedRecord r = MAPPER.map("opportunity", record("Opportunity", "0068d0000000AAAAAA", "AccountId",
                "0018d0000000AAAAAA", "Name", "Renewal", "StageName", "Closed Won", "Amount", "1000.00", "CloseDate",
                "2026-09-30", "NextStep", "", "CreatedDate", "2026-01-02T03:04:05.000Z", "SystemModstamp",
                "2026-06-30T12:00:00.250Z"));

        assertThat(r.entity()).isEqualTo("opportunity");
        assertThat(r.id()).isEqualTo("0068d0000000AAAAAA");
        assertThat(r.modifiedAt()).isEqualTo(Instant.parse("2026-06-30T12:00:00.250Z"));
        assertThat(r.get("stage")).isEqualTo("WON");
        assertThat(r.get("amount")).isEqualTo(new BigDecimal("1000.00"));
        assertThat(r.get("closeDate")).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(r.get("nextStep")).isNull(); // empty, and no default
        assertThat(r.value(MappedRecord.index("opportunity", "createdAt")))
                .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(r.values().keySet()).containsExactly("id", "account", "name", "stage", "amount", "closeDate",
                "createdAt", "modifiedAt");
        assertThat(MAPPER.map("opportunity", record("Opportunity", "0068d0000000AAAAAB", "StageName", "Prospecting"))
                .get("stage")).isEqualTo("OPEN"); // the value map's "*"
    }

    @Test
    void defaultsFillEmptyAndUnavailableFieldsAndEntitiesWithoutModifiedAtAreStampedByCreatedAt() {
        MappedRecord contact = MAPPER.map("contact", record("Contact", "0038d0000000AAAAAA", "Name", "Dana Reyes"));
        assertThat(contact.get("leftCompany")).isEqualTo(Boolean.FALSE);

        RecordMapper withoutField = new RecordMapper(MAPPING, new MappingReport("test", List.of(),
                Set.of("contact.leftCompany")));
        assertThat(withoutField.map("contact", record("Contact", "0038d0000000AAAAAA", "Left_Company__c", "true"))
                .get("leftCompany")).isEqualTo(Boolean.FALSE);

        MappedRecord history = MAPPER.map("accountHistory", record("AccountHistory", "0178d0000000AAAAAA",
                "AccountId", "0018d0000000AAAAAA", "Field", "Tier__c", "CreatedDate", "2026-06-30T12:00:00.000Z"));
        assertThat(history.modifiedAt()).isEqualTo(Instant.parse("2026-06-30T12:00:00Z"));
    }

    @Test
    void fieldsAreFoundIgnoringCaseAndTheTypeFieldIsNotTheTypeElement() {
        MappedRecord account = MAPPER.map("account", record("Account", "0018d0000000AAAAAA", "name", "Acme",
                "Type", "Customer - Direct", "SYSTEMMODSTAMP", "2026-06-30T12:00:00.000Z"));
        assertThat(account.get("name")).isEqualTo("Acme");
        assertThat(account.get("segment")).isEqualTo("Customer - Direct");
        assertThat(account.modifiedAt()).isEqualTo(Instant.parse("2026-06-30T12:00:00Z"));
    }

    @Test
    void aRecordWithoutIdOrWithAnUnreadableValueIsRejectedWithTheReason() {
        assertThatThrownBy(() -> MAPPER.map("user", record("User", null, "Name", "Sam")))
                .isInstanceOf(RecordRejectedException.class).hasMessageContaining("no Id");
        assertThatThrownBy(() -> MAPPER.map("user", record("User", "0058d0000000AAAAAA", "IsActive", "maybe")))
                .isInstanceOf(RecordRejectedException.class).hasMessageContaining("0058d0000000AAAAAA")
                .hasMessageContaining("IsActive = 'maybe'");
    }
}
