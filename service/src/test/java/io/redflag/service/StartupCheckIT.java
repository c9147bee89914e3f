package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Wrong CRM settings stop start-up with a message naming the property and its environment variable. */
class StartupCheckIT {

    @Test
    void aLoginUrlWithoutAClientIdStopsStartUp() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedflagApplication.class)
                .run("--server.port=0", "--redflag.salesforce.login-url=https://login.salesforce.com",
                        "--redflag.salesforce.client-id=", "--redflag.salesforce.client-secret=s3cr3t").close())
                .rootCause().hasMessageContaining("redflag.salesforce.client-id")
                .hasMessageContaining("SALESFORCE_CLIENT_ID").hasMessageNotContaining("s3cr3t");
    }
}
