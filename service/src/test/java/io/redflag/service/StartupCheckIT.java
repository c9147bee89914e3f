package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.service.startup.StartupProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Wrong CRM settings stop start-up with one clear block first: every problem, each naming the property and its
 * environment variable, and no stack trace in the way (the test resources switch the demo on; these turn it
 * off as production runs).
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupCheckIT {

    @Test
    void aLoginUrlWithoutAClientIdStopsStartUp() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedflagApplication.class)
                .run("--server.port=0", "--redflag.demo=false", "--redflag.salesforce.login-url=https://login.salesforce.com",
                        "--redflag.salesforce.client-id=", "--redflag.salesforce.client-secret=s3cr3t").close())
                .rootCause().hasMessageContaining("redflag.salesforce.client-id")
                .hasMessageContaining("SALESFORCE_CLIENT_ID").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void withoutCrmSettingsAndWithoutTheDemoSwitchStartUpStopsNamingTheLoginUrlFirstInTheOutput(
            CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedflagApplication.class)
                .run("--server.port=0", "--redflag.demo=false", "--redflag.salesforce.connect-timeout=0s").close())
                .rootCause().isInstanceOf(StartupProblems.class);
        String out = output.getAll();
        int block = out.indexOf("APPLICATION FAILED TO START");
        assertThat(block).as(out).isNotNegative();
        String report = out.substring(block);
        assertThat(report).contains("Redflag cannot start: the Salesforce settings has 2 problems:",
                "  - redflag.salesforce.login-url (SALESFORCE_LOGIN_URL) is not set", "--demo",
                "  - redflag.salesforce.connect-timeout = PT0S must be positive");
        assertThat(out).as("no stack trace before or in the report").doesNotContain("\tat ")
                .doesNotContain("Application run failed");
        assertThat(out).as("the emulator never starts without the switch").doesNotContain("demo org at");
    }
}
