package io.redflag.emulator.wsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users carry the locale fields and a profile, as a real org requires, in plans and through the API. */
class UserFieldsIT {
    @TempDir
    static Path dir;
    private static Emulator emulator;
    private static PartnerConnection conn;

    @BeforeAll
    static void start() throws Exception {
        // The second standard profile (Standard User) has the fixed id 00e8d0000000002.
        Files.writeString(dir.resolve("users.json"), """
                {"records": [
                  {"attributes": {"type": "User", "referenceId": "U1"},
                   "Username": "kenji.sato@example.com", "FirstName": "Kenji", "LastName": "Sato",
                   "Email": "kenji.sato@example.com", "Alias": "ksato", "ProfileId": "00e8d0000000002",
                   "TimeZoneSidKey": "Asia/Tokyo", "LocaleSidKey": "ja_JP", "LanguageLocaleKey": "ja",
                   "EmailEncodingKey": "ISO-2022-JP"},
                  {"attributes": {"type": "User", "referenceId": "U2"},
                   "Username": "old.plan@example.com", "LastName": "Plan", "Email": "old.plan@example.com",
                   "Alias": "oplan"}
                ]}""");
        emulator = Emulator.start(EmulatorConfig.defaults().withPlan(dir.resolve("users.json")));
        conn = Wsc.connect(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theStandardProfilesCanBeQueried() throws Exception {
        SObject[] profiles = conn.query("SELECT Id, Name FROM Profile ORDER BY Name").getRecords();
        assertThat(Arrays.stream(profiles).map(p -> p.getField("Name"))).contains("System Administrator",
                "Standard User", "Read Only", "Minimum Access - Salesforce");
        assertThat(Arrays.stream(profiles).map(p -> (String) p.getId())).allMatch(id -> id.startsWith("00e"));
    }

    @Test
    void aPlanThatSetsTheFieldsReadsThemBackAndOneThatOmitsThemGetsDefaults() throws Exception {
        SObject kenji = conn.query("SELECT TimeZoneSidKey, LocaleSidKey, LanguageLocaleKey, EmailEncodingKey,"
                + " Alias, Profile.Name FROM User WHERE Username = 'kenji.sato@example.com'").getRecords()[0];
        assertThat(kenji.getField("TimeZoneSidKey")).isEqualTo("Asia/Tokyo");
        assertThat(kenji.getField("LocaleSidKey")).isEqualTo("ja_JP");
        assertThat(kenji.getField("LanguageLocaleKey")).isEqualTo("ja");
        assertThat(kenji.getField("EmailEncodingKey")).isEqualTo("ISO-2022-JP");
        assertThat(kenji.getField("Alias")).isEqualTo("ksato");
        assertThat(((SObject) kenji.getField("Profile")).getField("Name")).isEqualTo("Standard User");

        SObject old = conn.query("SELECT TimeZoneSidKey, LocaleSidKey, LanguageLocaleKey, EmailEncodingKey,"
                + " Profile.Name FROM User WHERE Username = 'old.plan@example.com'").getRecords()[0];
        assertThat(old.getField("TimeZoneSidKey")).isEqualTo("GMT");
        assertThat(old.getField("LocaleSidKey")).isEqualTo("en_US");
        assertThat(old.getField("EmailEncodingKey")).isEqualTo("UTF-8");
        assertThat(((SObject) old.getField("Profile")).getField("Name")).isEqualTo("Standard User");
    }

    @Test
    void anApiCreateWithoutThemFailsLikeARealOrg() throws Exception {
        SObject u = new SObject("User");
        u.setField("Username", "api.user@example.com");
        u.setField("LastName", "Api");
        u.setField("Email", "api.user@example.com");
        u.setField("Alias", "api");
        SaveResult r = conn.create(new SObject[] {u})[0];
        assertThat(r.isSuccess()).isFalse();
        assertThat(Arrays.stream(r.getErrors()).map(e -> e.getStatusCode().name())).containsOnly(
                "REQUIRED_FIELD_MISSING");
        assertThat(Arrays.stream(r.getErrors()).flatMap(e -> Arrays.stream(e.getFields()))).contains("ProfileId",
                "TimeZoneSidKey", "LocaleSidKey", "EmailEncodingKey", "LanguageLocaleKey");

        String admin = (String) conn.query("SELECT Id FROM Profile WHERE Name = 'System Administrator'")
                .getRecords()[0].getId();
        u.setField("ProfileId", admin);
        u.setField("TimeZoneSidKey", "America/Los_Angeles");
        u.setField("LocaleSidKey", "en_US");
        u.setField("LanguageLocaleKey", "en_US");
        u.setField("EmailEncodingKey", "UTF-8");
        assertThat(conn.create(new SObject[] {u})[0].isSuccess()).isTrue();
    }
}
