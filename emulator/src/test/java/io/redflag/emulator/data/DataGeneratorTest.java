package io.redflag.emulator.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class DataGeneratorTest {

    static OrgStore store() {
        Schema schema = Schema.standard();
        MetadataLoader.load(MetadataLoaderTest.METADATA, schema);
        return new OrgStore(schema, PlanLoaderTest.CLOCK);
    }

    @Test
    void sameSeedAndClockGiveTheSameRecords() {
        OrgStore a = store();
        OrgStore b = store();
        GenerationReport ra = DataGenerator.generate(a, 150, 42);
        GenerationReport rb = DataGenerator.generate(b, 150, 42);
        assertThat(ra.created()).isEqualTo(rb.created());
        assertThat(ra.stories()).isEqualTo(rb.stories());
        for (SObjectDef type : a.schema().all()) {
            List<SRecord> left = a.snapshot(type, true);
            List<SRecord> right = b.snapshot(b.schema().find(type.name()), true);
            assertThat(left).hasSameSizeAs(right);
            for (int i = 0; i < left.size(); i++) {
                assertThat(left.get(i).id()).isEqualTo(right.get(i).id());
                for (FieldDef field : type.fields()) {
                    assertThat(left.get(i).get(field)).as(type.name() + "." + field.name())
                            .isEqualTo(right.get(i).get(field));
                }
            }
        }
        OrgStore c = store();
        DataGenerator.generate(c, 150, 43);
        SObjectDef account = c.schema().find("Account");
        assertThat(c.snapshot(account, false).get(5).get("Name"))
                .isNotEqualTo(a.snapshot(a.schema().find("Account"), false).get(5).get("Name"));
    }

    @Test
    void volumesAndShapeLookLikeARealOrg() {
        OrgStore store = store();
        GenerationReport report = DataGenerator.generate(store, 500, 7);
        assertThat(report.created().get("Account")).isEqualTo(500);
        assertThat(report.created().get("Contact")).isBetween(2_000, 3_000);
        assertThat(report.created().get("Opportunity")).isBetween(1_000, 2_000);
        int activities = report.created().get("Task") + report.created().get("Event");
        assertThat(activities).isBetween(22_000, 28_000);
        assertThat(report.created().get("Case")).isBetween(500, 600);
        assertThat(report.created().get("User")).isBetween(8, 12);
        assertThat(report.total()).isBetween(28_000, 40_000);
        assertThat(report.stories().get("HEALTHY")).isBetween(280, 370);
        assertThat(report.stories()).containsKeys(DataGenerator.STORIES);

        Schema schema = store.schema();
        Instant now = store.now();
        Instant twoYearsAgo = now.minusSeconds(731L * 86_400);
        for (SRecord task : store.snapshot(schema.find("Task"), false)) {
            Instant created = (Instant) task.get("CreatedDate");
            assertThat(created).isBetween(twoYearsAgo.minusSeconds(400L * 86_400), now);
            assertThat(task.get("AccountId")).isNotNull();
        }
        assertThat(store.find(schema.find("User"), false, u -> Boolean.FALSE.equals(u.get("IsActive")))).isNotEmpty();
        assertThat(store.find(schema.find("User"), false, u -> u.get("ManagerId") == null)).hasSize(2);
        assertThat(store.find(schema.find("Contact"), false, c -> Boolean.TRUE.equals(c.get("Left_Company__c"))))
                .isNotEmpty();
        assertThat(store.find(schema.find("Case"), false, c -> "Escalated".equals(c.get("Status")))).isNotEmpty();
        assertThat(store.find(schema.find("Opportunity"), false, o -> "Competitor".equals(o.get("Loss_Reason__c"))))
                .isNotEmpty();
        assertThat(store.find(schema.find("AccountHistory"), false, h -> "Owner".equals(h.get("Field"))))
                .isNotEmpty();
        assertThat(store.find(schema.find("Task"), false, t -> "Email".equals(t.get("TaskSubtype")))).isNotEmpty();
        assertThat(store.find(schema.find("Task"), false, t -> "No Answer".equals(t.get("CallDisposition"))))
                .isNotEmpty();
        assertThat(store.find(schema.find("Task"), false, t -> !Boolean.TRUE.equals(t.get("IsClosed"))))
                .isNotEmpty();
    }

    @Test
    void worksWithoutThePluginsCustomFields() {
        OrgStore store = new OrgStore(Schema.standard(), PlanLoaderTest.CLOCK);
        assertThat(DataGenerator.generate(store, 20, 1).created()).containsEntry("Account", 20);
    }

    @Test
    void specParsesAndNamesTheBadPart() {
        assertThat(GenerateSpec.parse("accounts=20000,seed=42")).isEqualTo(new GenerateSpec(20000, 42));
        assertThat(GenerateSpec.parse(" accounts = 5 ")).isEqualTo(new GenerateSpec(5, GenerateSpec.DEFAULT_SEED));
        assertThatThrownBy(() -> GenerateSpec.parse("accounts=lots")).hasMessageContaining("accounts=lots");
        assertThatThrownBy(() -> GenerateSpec.parse("accounts=5,sed=1")).hasMessageContaining("sed=1")
                .hasMessageContaining("unknown key");
        assertThatThrownBy(() -> GenerateSpec.parse("seed=1")).hasMessageContaining("lacks accounts");
        assertThatThrownBy(() -> GenerateSpec.parse("accounts=5,seed")).hasMessageContaining("'seed'");
        assertThatThrownBy(() -> GenerateSpec.parse("accounts=0")).hasMessageContaining("accounts=0");
        assertThatThrownBy(() -> GenerateSpec.parse("")).hasMessageContaining("empty");
    }

    /** The benchmark size; run with -Dredflag.generate.big=true (it takes a while and about 2 GB of heap). */
    @Test
    @EnabledIfSystemProperty(named = "redflag.generate.big", matches = "true")
    void twentyThousandAccounts() {
        OrgStore store = store();
        GenerationReport report = DataGenerator.generate(store, 20_000, 42);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("generated %d records for 20000 accounts in %d ms, heap used %d MB: %s%n", report.total(),
                report.millis(), (rt.totalMemory() - rt.freeMemory()) >> 20, report.created());
        assertThat(report.total()).isGreaterThan(1_200_000);
    }
}
