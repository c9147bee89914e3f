package io.redflag.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every record of the demo org maps through the shipped mapping; bad values are rejected with id and reason. */
class RecordMapperIT {
    private static Emulator emulator;
    private static SalesforceSession session;
    private static RecordMapper mapper;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults().withDemoOrg());
        session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(emulator.baseUrl()),
                EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET), Clock.systemUTC());
        Mapping mapping = MappingLoader.load(MappingLoaderTest.DEFAULT);
        var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object).toList();
        mapper = new RecordMapper(mapping, MappingValidator.validate(mapping, WscOrgSchema.describe(session, objects))
                .throwIfErrors());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static List<MappedRecord> all(String entity) throws Exception {
        String soql = "SELECT " + String.join(", ", mapper.selectFields(entity)) + " FROM " + mapper.object(entity);
        List<MappedRecord> out = new ArrayList<>();
        QueryResult page = session.call(c -> {
            c.setQueryOptions(2000);
            return c.query(soql);
        });
        while (true) {
            for (SObject r : page.getRecords()) {
                out.add(mapper.map(entity, r));
            }
            if (page.isDone()) {
                return out;
            }
            String locator = page.getQueryLocator();
            page = session.call(c -> c.queryMore(locator));
        }
    }

    @Test
    void everyDemoRecordMapsWithTypedValuesAndMeanings() throws Exception {
        for (String entity : MappingModel.entities().keySet()) {
            assertThat(all(entity)).as(entity).isNotEmpty().allSatisfy(r -> assertThat(r.id()).hasSize(18));
        }
        List<MappedRecord> opportunities = all("opportunity");
        assertThat(opportunities).extracting(r -> r.get("stage")).contains("OPEN", "WON", "LOST");
        assertThat(opportunities).allSatisfy(r -> {
            assertThat(r.get("createdAt")).isInstanceOf(Instant.class);
            assertThat(r.get("closeDate")).isInstanceOf(LocalDate.class);
        });
        assertThat(opportunities).extracting(r -> r.get("amount")).hasAtLeastOneElementOfType(BigDecimal.class);
        assertThat(all("contact")).extracting(r -> r.get("leftCompany")).contains(Boolean.TRUE, Boolean.FALSE);
        assertThat(all("task")).extracting(r -> r.get("kind")).contains("CALL", "EMAIL");
        assertThat(all("event")).extracting(r -> r.get("outcome")).contains("CONNECTED", "DECLINED", "CANCELLED");
        assertThat(all("contactRole")).extracting(r -> r.get("role")).contains("DECISION_MAKER");
        // Account.Type is a field of its own, not the sObject's type element.
        assertThat(all("account")).extracting(r -> r.get("segment")).contains("Customer - Direct");
    }

    @Test
    void dateTimesAreReadInTheApisFormAndInAnyOtherIsoFormAndImpossibleOnesAreRejected() {
        assertThat(RecordMapper.dateTime("2026-06-30T12:34:56.789Z")).isEqualTo(Instant.parse("2026-06-30T12:34:56.789Z"));
        assertThat(RecordMapper.dateTime("2026-06-30T14:34:56+02:00")).isEqualTo(Instant.parse("2026-06-30T12:34:56Z"));
        SObject bad = new SObject("Opportunity");
        bad.setId("0068d0000000XyZAAV");
        bad.setField("StageName", "Prospecting");
        bad.setField("CreatedDate", "2026-02-30T12:00:00.000Z");
        bad.setField("SystemModstamp", "2026-06-30T12:00:00.000Z");
        assertThatThrownBy(() -> mapper.map("opportunity", bad)).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("CreatedDate = '2026-02-30T12:00:00.000Z'");
    }

    @Test
    void aMalformedValueRejectsTheRecordWithItsIdAndReason() {
        SObject bad = new SObject("Opportunity");
        bad.setId("0068d0000000XyZAAU");
        bad.setField("StageName", "Prospecting");
        bad.setField("CloseDate", "someday");
        bad.setField("CreatedDate", "2026-06-30T12:00:00.000Z");
        bad.setField("SystemModstamp", "2026-06-30T12:00:00.000Z");
        assertThatThrownBy(() -> mapper.map("opportunity", bad)).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("0068d0000000XyZAAU").hasMessageContaining("CloseDate = 'someday'");
    }
}
