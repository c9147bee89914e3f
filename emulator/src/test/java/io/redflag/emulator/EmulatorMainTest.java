package io.redflag.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

    @Test
    void optionsBecomeTheConfiguration() {
        EmulatorConfig c = EmulatorMain.parse(new String[] {"--port", "9000", "--client-id", "abc",
            "--client-secret", "xyz", "--api-limit", "15000", "--rebase-dates", "2026-06-30", "--generate",
            "accounts=10,seed=1"});
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.clientId()).isEqualTo("abc");
        assertThat(c.clientSecret()).isEqualTo("xyz");
        assertThat(c.apiLimit()).isEqualTo(15000);
        assertThat(c.rebaseDates()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(c.generate()).isEqualTo("accounts=10,seed=1");
    }

    @Test
    void badOptionsAreNamedInTheError() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--colour", "red"}))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "eighty"}))
                .hasMessageContaining("--port").hasMessageContaining("eighty");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "70000"})).hasMessageContaining("70000");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--rebase-dates", "30/06/2026"}))
                .hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--plan", "no/such/plan.json"}))
                .hasMessageContaining("no/such/plan.json");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--plan"})).hasMessageContaining("needs a value");
    }

    @Test
    void outboundMessageOptionsBecomeRules() {
        EmulatorConfig c = EmulatorMain.parse(new String[] {"--outbound-message",
            "Contact:Id,AccountId,Title@http://127.0.0.1:8080/crm/outbound-messages?token=abc", "--outbound-message",
            "Account:Name@http://127.0.0.1:8080/crm/outbound-messages?token=abc", "--outbound-time-scale", "3600"});
        assertThat(c.outboundRules()).extracting(r -> r.object()).containsExactly("Contact", "Account");
        assertThat(c.outboundRules().get(0).fields()).containsExactly("Id", "AccountId", "Title");
        assertThat(c.outboundRules().get(0).endpoint().getQuery()).isEqualTo("token=abc");
        assertThat(c.outboundTimeScale()).isEqualTo(3600);
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--outbound-message", "Contact"}))
                .hasMessageContaining("--outbound-message");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--outbound-time-scale", "0"}))
                .hasMessageContaining("--outbound-time-scale");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--outbound-time-scale", "fast"}))
                .hasMessageContaining("--outbound-time-scale").hasMessageContaining("fast");
    }

    @Test
    void loginOptionsBecomeTheLoginSettings() {
        EmulatorConfig c = EmulatorMain.parse(new String[] {"--demo", "--user-password",
            "Tom.Becker@redflag-demo.example=pass=with=equals", "--callback-url", "https://redflag.example.com/cb",
            "--callback-url", "http://127.0.0.1:9000/cb", "--custom-permission",
            "alex.morgan@redflag-demo.example=Redflag_Admin"});

        LoginSettings logins = c.logins();
        assertThat(logins.passwords()).containsExactly(
                java.util.Map.entry("tom.becker@redflag-demo.example", "pass=with=equals"));
        // Given callback URLs replace the demo's.
        assertThat(logins.callbackUrls()).containsExactly("https://redflag.example.com/cb", "http://127.0.0.1:9000/cb");
        assertThat(logins.customPermissions()).isEqualTo(java.util.Map.of(
                EmulatorConfig.DEMO_ADMIN, java.util.Set.of("Redflag_Admin"),
                EmulatorConfig.DEMO_VIEWER, java.util.Set.of("Redflag_Admin")));
        assertThat(logins.demoLogins()).containsExactly(EmulatorConfig.DEMO_ADMIN, EmulatorConfig.DEMO_VIEWER);
        assertThat(EmulatorMain.parse(new String[] {"--demo"}).logins().callbackUrls())
                .isEqualTo(EmulatorConfig.DEMO_CALLBACK_URLS);
    }

    @Test
    void badLoginOptionsAreNamedInTheError() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--user-password", "only-a-secret"}))
                .hasMessageContaining("--user-password").hasMessageContaining("USERNAME=PASSWORD")
                .hasMessageNotContaining("only-a-secret");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--callback-url", "ftp://x/cb"}))
                .hasMessageContaining("--callback-url").hasMessageContaining("ftp://x/cb");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--callback-url", "http://x/cb#frag"}))
                .hasMessageContaining("fragment");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--custom-permission", "a@b.c=Redflag Admin"}))
                .hasMessageContaining("--custom-permission").hasMessageContaining("'Redflag Admin'");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--custom-permission", "a@b.c"}))
                .hasMessageContaining("USERNAME=NAME");
    }

    @Test
    void pubSubOptionsBecomeThePubSubSettings() {
        PubSubSettings off = EmulatorMain.parse(new String[] {}).pubSub();
        PubSubSettings on = EmulatorMain.parse(new String[] {"--pubsub-port", "7443", "--pubsub-cert-out",
            "target/pubsub.pem", "--cdc-channel", "Redflag__chn=Account, Contact", "--cdc-channel",
            "/data/Deals__chn=Opportunity", "--pubsub-time-scale", "3600"}).pubSub();

        assertThat(off).isEqualTo(PubSubSettings.off());
        assertThat(off.enabled()).isFalse();
        assertThat(on).isEqualTo(new PubSubSettings(7443, java.nio.file.Path.of("target/pubsub.pem"),
                java.util.Map.of("/data/Redflag__chn", java.util.List.of("Account", "Contact"),
                        "/data/Deals__chn", java.util.List.of("Opportunity")), 3600,
                PubSubSettings.SALESFORCE_KEEPALIVE));
        assertThat(on.channels().keySet()).containsExactly("/data/Redflag__chn", "/data/Deals__chn");
    }

    @Test
    void badPubSubOptionsAreNamedInTheError() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--pubsub-port", "99999"}))
                .hasMessageContaining("--pubsub-port").hasMessageContaining("99999");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--cdc-channel", "Redflag=Account"}))
                .hasMessageContaining("--cdc-channel").hasMessageContaining("__chn");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--cdc-channel", "Redflag__chn"}))
                .hasMessageContaining("NAME=Object,Object");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--pubsub-time-scale", "0.5"}))
                .hasMessageContaining("--pubsub-time-scale");
        assertThatThrownBy(() -> Emulator.start(EmulatorConfig.defaults().withPubSubPort(0)
                .withCdcChannel("Leads__chn", java.util.List.of("Lead"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Leads__chn")
                .hasMessageContaining("'Lead'");
    }

    @Test
    void aStartNamingAUserTheOrgDoesNotHaveStopsWithTheUsername() {
        assertThatThrownBy(() -> Emulator.start(EmulatorConfig.defaults().withUserPassword("nobody@x.example", "pw")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody@x.example");
    }

    @Test
    void helpAsksForUsage() {
        assertThat(EmulatorMain.parse(new String[] {"--help"})).isNull();
        assertThat(EmulatorMain.usage()).contains("--demo", "--plan", "--metadata", "--rebase-dates", "--api-limit",
                "--outbound-message", "--outbound-time-scale", "--user-password", "--callback-url",
                "--custom-permission", "--pubsub-port", "--pubsub-cert-out", "--cdc-channel", "--pubsub-time-scale");
    }
}
