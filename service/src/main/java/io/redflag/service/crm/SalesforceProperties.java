package io.redflag.service.crm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the org. Every setting can also come from the environment (see application.yaml):
 * SALESFORCE_LOGIN_URL, SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET, and for the JWT-bearer flow
 * SALESFORCE_USERNAME and SALESFORCE_JWT_KEY_FILE. The demo org runs only when asked ({@code --demo} or
 * {@code redflag.demo=true}): a production pod whose settings went missing must stop, not score fake data.
 *
 * @param demoPort port of the embedded demo org (0 = any free port)
 * @param startupAttempts how often start-up tries the CRM when it fails transiently (unreachable, 5xx, limits)
 * @param startupFirstWait the wait after the first such failure; it doubles each time, up to 30 s
 */
@ConfigurationProperties("redflag.salesforce")
public record SalesforceProperties(URI loginUrl, String clientId, String clientSecret, String username,
        Path jwtKeyFile, @DefaultValue("10s") Duration connectTimeout, @DefaultValue("120s") Duration readTimeout,
        @DefaultValue("8787") int demoPort, @DefaultValue("6") int startupAttempts,
        @DefaultValue("2s") Duration startupFirstWait) {

    /**
     * Everything wrong with these settings at once, each naming the property and its environment variable;
     * empty if nothing. {@code demo} is the switch that starts the embedded demo org instead of a real one.
     */
    List<String> problems(boolean demo) {
        List<String> problems = new ArrayList<>();
        boolean noOrg = loginUrl == null || loginUrl.toString().isBlank();
        if (demo && !noOrg) {
            problems.add("redflag.demo=true (--demo) and redflag.salesforce.login-url (SALESFORCE_LOGIN_URL) = '"
                    + loginUrl + "' are both set: the demo runs its own org; remove one of them");
        }
        if (!demo && noOrg) {
            problems.add("redflag.salesforce.login-url (SALESFORCE_LOGIN_URL) is not set: set it to the org's login"
                    + " URL, e.g. https://login.salesforce.com (with SALESFORCE_CLIENT_ID and a secret or a JWT key),"
                    + " or start the embedded demo org with --demo (redflag.demo=true)");
        }
        if (!demo && !noOrg) {
            orgProblems(problems);
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            problems.add("redflag.salesforce.connect-timeout = " + connectTimeout + " must be positive, e.g. 10s");
        }
        if (readTimeout.isZero() || readTimeout.isNegative()) {
            problems.add("redflag.salesforce.read-timeout = " + readTimeout + " must be positive, e.g. 120s");
        }
        if (startupAttempts < 1) {
            problems.add("redflag.salesforce.startup-attempts = " + startupAttempts + " must be 1 or more, e.g. 6");
        }
        if (startupFirstWait.toMillis() < 1) {
            problems.add("redflag.salesforce.startup-first-wait = " + startupFirstWait + " must be 1ms or more, e.g. 2s");
        }
        return problems;
    }

    private void orgProblems(List<String> problems) {
        if (!"https".equals(loginUrl.getScheme()) && !"http".equals(loginUrl.getScheme())) {
            problems.add("redflag.salesforce.login-url (SALESFORCE_LOGIN_URL) = '" + loginUrl + "' is not an http(s)"
                    + " URL, for example https://login.salesforce.com");
        }
        if (blank(clientId)) {
            problems.add("redflag.salesforce.client-id (SALESFORCE_CLIENT_ID) is required when a login URL is set");
        }
        boolean jwt = !blank(username) || jwtKeyFile != null;
        if (jwt && (blank(username) || jwtKeyFile == null)) {
            problems.add("the JWT-bearer flow needs both redflag.salesforce.username (SALESFORCE_USERNAME) and"
                    + " redflag.salesforce.jwt-key-file (SALESFORCE_JWT_KEY_FILE)");
        }
        if (!jwt && blank(clientSecret)) {
            problems.add("redflag.salesforce.client-secret (SALESFORCE_CLIENT_SECRET) is required for the"
                    + " client-credentials flow (or set SALESFORCE_USERNAME and SALESFORCE_JWT_KEY_FILE for JWT bearer)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SalesforceProperties[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret="
                + (blank(clientSecret) ? "(none)" : "(set)") + ", username=" + username + ", jwtKeyFile=" + jwtKeyFile
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", startupAttempts="
                + startupAttempts + "]";
    }
}
