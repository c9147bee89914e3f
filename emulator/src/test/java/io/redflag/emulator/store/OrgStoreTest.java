package io.redflag.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.emulator.MutableClock;
import io.redflag.emulator.schema.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform's behaviour on writes: derived fields, validation, history, recycle bin. */
class OrgStoreTest {
    private MutableClock clock;
    private OrgStore store;
    private Schema schema;
    private String user;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-06-30T12:00:00.789Z");
        schema = Schema.standard();
        store = new OrgStore(schema, clock);
        user = create("User", Map.of("Username", "u@example.com", "LastName", "User", "Email", "u@example.com",
                "Alias", "u", "ProfileId", store.standardProfileId("Standard User"), "TimeZoneSidKey", "GMT",
                "LocaleSidKey", "en_GB", "LanguageLocaleKey", "en_US", "EmailEncodingKey", "ISO-8859-1"));
    }

    private String create(String type, Map<String, Object> fields) {
        SaveResult r = store.create(schema.find(type), fields, WriteContext.api(user));
        assertThat(r.success()).as(r.errors().toString()).isTrue();
        return r.id();
    }

    @Test
    void systemFieldsAreSetAtSecondPrecision() {
        String id = create("Account", Map.of("Name", "Acme"));
        SRecord a = store.get(id);
        assertThat(a.get("CreatedDate")).isEqualTo(Instant.parse("2026-06-30T12:00:00Z"));
        assertThat(a.get("SystemModstamp")).isEqualTo(a.get("CreatedDate"));
        assertThat(a.get("OwnerId")).isEqualTo(user);
        assertThat(a.get("IsDeleted")).isEqualTo(false);
    }

    @Test
    void stagesDriveClosedWonProbabilityAndForecast() {
        String id = create("Opportunity", Map.of("Name", "Deal", "StageName", "Negotiation/Review",
                "CloseDate", "2026-09-30", "Amount", "1000"));
        SRecord o = store.get(id);
        assertThat(o.get("IsClosed")).isEqualTo(false);
        assertThat(o.get("Probability")).isEqualTo(90.0);
        assertThat(o.get("ForecastCategoryName")).isEqualTo("Commit");
        assertThat(o.get("ExpectedRevenue")).isEqualTo(900.0);
        assertThat(o.get("CloseDate")).isEqualTo(LocalDate.of(2026, 9, 30));
        store.update(id, Map.of("StageName", "Closed Lost"), Set.of(), WriteContext.api(user));
        o = store.get(id);
        assertThat(o.get("IsClosed")).isEqualTo(true);
        assertThat(o.get("IsWon")).isEqualTo(false);
        assertThat(o.get("Probability")).isEqualTo(0.0);
    }

    @Test
    void activitiesFindTheirAccountThroughWhatOrWho() {
        String account = create("Account", Map.of("Name", "Acme"));
        String contact = create("Contact", Map.of("LastName", "Doe", "AccountId", account));
        String opp = create("Opportunity", Map.of("Name", "Deal", "StageName", "Prospecting", "CloseDate",
                "2026-09-30", "AccountId", account));
        String viaWho = create("Task", Map.of("Subject", "Call", "WhoId", contact));
        String viaWhat = create("Event", Map.of("Subject", "Meeting", "WhatId", opp,
                "StartDateTime", "2026-07-01T09:00:00Z", "DurationInMinutes", "30"));
        assertThat(store.get(viaWho).get("AccountId")).isEqualTo(account);
        SRecord event = store.get(viaWhat);
        assertThat(event.get("AccountId")).isEqualTo(account);
        assertThat(event.get("EndDateTime")).isEqualTo(Instant.parse("2026-07-01T09:30:00Z"));
        assertThat(event.get("ActivityDate")).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void closingATaskOrACaseStampsIt() {
        String task = create("Task", Map.of("Subject", "Follow up"));
        assertThat(store.get(task).get("Status")).isEqualTo("Not Started");
        clock.advance(Duration.ofHours(1));
        store.update(task, Map.of("Status", "Completed"), Set.of(), WriteContext.api(user));
        assertThat(store.get(task).get("IsClosed")).isEqualTo(true);
        assertThat(store.get(task).get("CompletedDateTime")).isEqualTo(Instant.parse("2026-06-30T13:00:00Z"));

        String c = create("Case", Map.of("Subject", "Broken"));
        assertThat(store.get(c).get("CaseNumber")).isEqualTo("00001001");
        store.update(c, Map.of("Status", "Closed"), Set.of(), WriteContext.api(user));
        assertThat(store.get(c).get("ClosedDate")).isEqualTo(Instant.parse("2026-06-30T13:00:00Z"));
    }

    @Test
    void ownerChangesWriteAccountHistoryAndRecycleBinKeepsDeletions() {
        String other = create("User", Map.of("Username", "o@example.com", "LastName", "Other", "Email",
                "o@example.com", "Alias", "o", "ProfileId", store.standardProfileId("Standard User"),
                "TimeZoneSidKey", "Europe/London", "LocaleSidKey", "en_GB", "LanguageLocaleKey", "en_GB",
                "EmailEncodingKey", "UTF-8"));
        String account = create("Account", Map.of("Name", "Acme"));
        clock.advance(Duration.ofMinutes(1));
        store.update(account, Map.of("OwnerId", other), Set.of(), WriteContext.api(user));
        var history = store.find(schema.find("AccountHistory"), false, h -> account.equals(h.get("AccountId")));
        assertThat(history).extracting(h -> h.get("Field")).containsExactly("created", "Owner");
        assertThat(history.get(1).get("OldValue")).isEqualTo(user);
        assertThat(history.get(1).get("NewValue")).isEqualTo(other);

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.delete(account, WriteContext.api(user)).success()).isTrue();
        assertThat(store.get(account).isDeleted()).isTrue();
        assertThat(store.deleted(schema.find("Account"), Instant.parse("2026-06-30T00:00:00Z"), clock.instant()
                .plusSeconds(1))).extracting(DeletedRecord::id).containsExactly(account);
        assertThat(store.purgeRecycleBin(clock.instant().plusSeconds(1))).isEqualTo(1);
        assertThat(store.get(account)).isNull();
    }

    @Test
    void tooLongStringsAndWrongTypesAreRecordErrors() {
        SaveResult tooLong = store.create(schema.find("Account"), Map.of("Name", "x".repeat(256)),
                WriteContext.api(user));
        assertThat(tooLong.errors()).extracting(RecordError::statusCode).containsExactly("STRING_TOO_LONG");
        SaveResult notANumber = store.create(schema.find("Account"), Map.of("Name", "A", "AnnualRevenue", "lots"),
                WriteContext.api(user));
        assertThat(notANumber.errors()).extracting(RecordError::statusCode)
                .containsExactly("INVALID_TYPE_ON_FIELD_IN_RECORD");
    }

    @Test
    void anApiCreatedUserNeedsTheLocaleFieldsAndAProfile() {
        SaveResult r = store.create(schema.find("User"), Map.of("Username", "v@example.com", "LastName", "V",
                "Email", "v@example.com", "Alias", "v"), WriteContext.api(user));
        assertThat(r.success()).isFalse();
        assertThat(r.errors()).extracting(RecordError::statusCode).containsOnly("REQUIRED_FIELD_MISSING");
        assertThat(r.errors()).flatExtracting(RecordError::fields).containsExactlyInAnyOrder("ProfileId",
                "TimeZoneSidKey", "LocaleSidKey", "EmailEncodingKey", "LanguageLocaleKey");

        SaveResult bad = store.create(schema.find("User"), Map.of("Username", "v@example.com", "LastName", "V",
                "Email", "v@example.com", "Alias", "v", "ProfileId", store.standardProfileId("Read Only"),
                "TimeZoneSidKey", "Mars/Olympus_Mons", "LocaleSidKey", "en_US", "LanguageLocaleKey", "en_US",
                "EmailEncodingKey", "UTF-8"), WriteContext.api(user));
        assertThat(bad.errors()).extracting(RecordError::statusCode)
                .containsExactly("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    }

    @Test
    void aLoadedUserGetsTheDocumentedDefaultsAndTheStandardProfilesExist() {
        assertThat(store.find(schema.find("Profile"), false, p -> true)).extracting(p -> p.get("Name"))
                .contains("System Administrator", "Standard User", "Read Only");
        assertThat(store.standardProfileId("System Administrator")).startsWith("00e").hasSize(18);
        SaveResult r = store.create(schema.find("User"), Map.of("Username", "w@example.com", "LastName", "W",
                "Email", "w@example.com", "Alias", "w"), WriteContext.loader(user, false));
        SRecord w = store.get(r.id());
        assertThat(w.get("TimeZoneSidKey")).isEqualTo("GMT");
        assertThat(w.get("LocaleSidKey")).isEqualTo("en_US");
        assertThat(w.get("LanguageLocaleKey")).isEqualTo("en_US");
        assertThat(w.get("EmailEncodingKey")).isEqualTo("UTF-8");
        assertThat(w.get("ProfileId")).isEqualTo(store.standardProfileId("Standard User"));
    }
}
