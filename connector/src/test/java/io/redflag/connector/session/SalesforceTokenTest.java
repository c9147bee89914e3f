package io.redflag.connector.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SalesforceTokenTest {
    private static SalesforceToken withIdentity(String identity) {
        return new SalesforceToken("00D!secret", URI.create("https://acme.my.salesforce.com"),
                Instant.parse("2026-06-30T12:00:00Z"), identity);
    }

    @Test
    void theOrgIdComesFromTheIdentityUrl() {
        assertThat(withIdentity("https://login.salesforce.com/id/00D8d0000000Rf1EAE/0058d0000000H3BAAU").orgId())
                .isEqualTo("00D8d0000000Rf1EAE");
    }

    @Test
    void theUserIdComesFromTheIdentityUrl() {
        assertThat(withIdentity("https://login.salesforce.com/id/00D8d0000000Rf1EAE/0058d0000000H3BAAU").userId())
                .isEqualTo("0058d0000000H3BAAU");
        assertThat(withIdentity("id/00D8d0000000Rf1EAE/0058d0000000H3BAAU").userId()).as("the shortest form")
                .isEqualTo("0058d0000000H3BAAU");
    }

    @Test
    void noOrMalformedIdentityUrlGivesNoOrgIdAndNoUserId() {
        assertThat(withIdentity(null).orgId()).isNull();
        assertThat(withIdentity(null).userId()).isNull();
        assertThat(withIdentity("https://login.salesforce.com/other/00D8d0000000Rf1EAE/0058d0000000H3BAAU").orgId())
                .isNull();
        assertThat(withIdentity("https://login.salesforce.com/other/00D8d0000000Rf1EAE/0058d0000000H3BAAU").userId())
                .isNull();
        assertThat(withIdentity("0058d0000000H3BAAU").orgId()).isNull();
        assertThat(withIdentity("0058d0000000H3BAAU").userId()).isNull();
    }

    @Test
    void theTokenNeverShowsInToString() {
        assertThat(withIdentity(null).toString()).doesNotContain("secret").contains("acme.my.salesforce.com");
    }
}
