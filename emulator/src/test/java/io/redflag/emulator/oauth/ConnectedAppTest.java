package io.redflag.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectedAppTest {
    static final ConnectedApp APP = new ConnectedApp("id", "secret", List.of(
            "http://127.0.0.1:8080/login/oauth2/code/salesforce", "http://localhost:8080/login/oauth2/code/salesforce",
            "https://redflag.example.com/login/oauth2/code/salesforce"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "http://127.0.0.1:8080/login/oauth2/code/salesforce, true",
        "http://127.0.0.1:61234/login/oauth2/code/salesforce, true",
        "http://127.0.0.1/login/oauth2/code/salesforce, true",
        "http://localhost:5000/login/oauth2/code/salesforce, true",
        "https://redflag.example.com/login/oauth2/code/salesforce, true",
        // Outside loopback Salesforce compares the whole URL: port, scheme, path and case all count.
        "https://redflag.example.com:8443/login/oauth2/code/salesforce, false",
        "http://redflag.example.com/login/oauth2/code/salesforce, false",
        "https://redflag.example.com/login/oauth2/code/salesforce/, false",
        // Loopback: only the port may differ.
        "https://127.0.0.1:8080/login/oauth2/code/salesforce, false",
        "http://127.0.0.1:8080/login/oauth2/code/other, false",
        "http://127.0.0.1:8080/login/oauth2/code/salesforce?x=1, false",
        "http://127.0.0.1:8080/login/oauth2/code/salesforce#x, false",
        "http://user@127.0.0.1:8080/login/oauth2/code/salesforce, false",
        "http://127.0.0.2:8080/login/oauth2/code/salesforce, false",
        "http://127.0.0.1.evil.example:8080/login/oauth2/code/salesforce, false",
        "not a url, false"
    })
    void aRedirectUriMatchesACallbackExactlyOrAsALoopbackOnAnyPort(String redirectUri, boolean allowed) {
        assertThat(APP.allowsCallback(redirectUri)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"secret, true", "Secret, false", "secret2, false", "'', false"})
    void theSecretMustMatchExactly(String given, boolean matches) {
        assertThat(APP.secretMatches(given)).isEqualTo(matches);
    }
}
