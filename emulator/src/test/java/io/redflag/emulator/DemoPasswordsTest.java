package io.redflag.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class DemoPasswordsTest {
    static final LoginSettings DEMO = LoginSettings.none().withDemoLogin(EmulatorConfig.DEMO_ADMIN)
            .withDemoLogin(EmulatorConfig.DEMO_VIEWER).withCustomPermission(EmulatorConfig.DEMO_ADMIN, "Redflag_Admin");

    @Test
    void eachStartGivesTheDemoLoginsNewReadablePasswords() {
        DemoPasswords.Resolved first = DemoPasswords.resolve(DEMO, new SecureRandom());
        DemoPasswords.Resolved second = DemoPasswords.resolve(DEMO, new SecureRandom());

        assertThat(first.demoLogins()).extracting(DemoLogin::username, DemoLogin::admin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EmulatorConfig.DEMO_ADMIN, true),
                        org.assertj.core.groups.Tuple.tuple(EmulatorConfig.DEMO_VIEWER, false));
        assertThat(first.demoLogins()).allSatisfy(l -> assertThat(l.password())
                .matches("[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}"));
        assertThat(first.demoLogins().get(0).password()).isNotEqualTo(first.demoLogins().get(1).password())
                .isNotEqualTo(second.demoLogins().get(0).password());
        assertThat(first.passwords()).containsOnlyKeys(EmulatorConfig.DEMO_ADMIN, EmulatorConfig.DEMO_VIEWER);
    }

    @Test
    void aConfiguredPasswordWinsOverTheRandomOne() {
        LoginSettings settings = DEMO.withPassword("Diane.Foster@redflag-demo.example", "chosen-for-selenium");

        DemoPasswords.Resolved resolved = DemoPasswords.resolve(settings, new SecureRandom());

        assertThat(resolved.demoLogins().get(0)).isEqualTo(new DemoLogin(EmulatorConfig.DEMO_ADMIN,
                "chosen-for-selenium", true));
        assertThat(resolved.passwords()).containsEntry(EmulatorConfig.DEMO_ADMIN, "chosen-for-selenium");
    }

    @Test
    void passwordsStayOutOfToString() {
        LoginSettings settings = DEMO.withPassword(EmulatorConfig.DEMO_VIEWER, "do-not-print-me");
        DemoLogin login = DemoPasswords.resolve(settings, new SecureRandom()).demoLogins().get(1);

        assertThat(settings.toString()).doesNotContain("do-not-print-me");
        assertThat(login.toString()).doesNotContain("do-not-print-me");
    }
}
