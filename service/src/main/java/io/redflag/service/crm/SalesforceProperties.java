package io.redflag.service.crm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the org. Every setting can also come from the environment (see application.yaml):
 * SALESFORCE_LOGIN_URL, SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET, and for the JWT-bearer flow
 * SALESFORCE_USERNAME and SALESFORCE_JWT_KEY_FILE. With no login URL the service runs the demo org.
 *
 * @param demoPort port of the embedded demo org (0 = any free port)
 */
@ConfigurationProperties("redflag.salesforce")
public record SalesforceProperties(URI loginUrl, String clientId, String clientSecret, String username,
        Path jwtKeyFile, @DefaultValue("10s") Duration connectTimeout, @DefaultValue("120s") Duration readTimeout,
        @DefaultValue("8787") int demoPort) {

    /** True when no org is configured: the service starts the emulator with the demo org. */
    public boolean demo() {
        return loginUrl == null || loginUrl.toString().isBlank();
    }

    /** What is wrong with these settings, naming the property and its environment variable; null if nothing. */
    String problem() {
        if (demo()) {
            return null;
        }
        if (!"https".equals(loginUrl.getScheme()) && !"http".equals(loginUrl.getScheme())) {
            return "redflag.salesforce.login-url (SALESFORCE_LOGIN_URL) = '" + loginUrl + "' is not an http(s) URL,"
                    + " for example https://login.salesforce.com";
        }
        if (blank(clientId)) {
            return "redflag.salesforce.client-id (SALESFORCE_CLIENT_ID) is required when a login URL is set";
        }
        boolean jwt = !blank(username) || jwtKeyFile != null;
        if (jwt && (blank(username) || jwtKeyFile == null)) {
            return "the JWT-bearer flow needs both redflag.salesforce.username (SALESFORCE_USERNAME) and"
                    + " redflag.salesforce.jwt-key-file (SALESFORCE_JWT_KEY_FILE)";
        }
        if (!jwt && blank(clientSecret)) {
            return "redflag.salesforce.client-secret (SALESFORCE_CLIENT_SECRET) is required for the client-credentials"
                    + " flow (or set SALESFORCE_USERNAME and SALESFORCE_JWT_KEY_FILE for JWT bearer)";
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            return "redflag.salesforce.connect-timeout = " + connectTimeout + " must be positive";
        }
        if (readTimeout.isZero() || readTimeout.isNegative()) {
            return "redflag.salesforce.read-timeout = " + readTimeout + " must be positive";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SalesforceProperties[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret="
                + (blank(clientSecret) ? "(none)" : "(set)") + ", username=" + username + ", jwtKeyFile=" + jwtKeyFile
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
