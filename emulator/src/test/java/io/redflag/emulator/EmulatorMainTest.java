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
    void helpAsksForUsage() {
        assertThat(EmulatorMain.parse(new String[] {"--help"})).isNull();
        assertThat(EmulatorMain.usage()).contains("--demo", "--plan", "--metadata", "--rebase-dates", "--api-limit");
    }
}
