package io.redflag.emulator;

import io.redflag.emulator.outbound.OutboundRule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start an emulator. Built from the command line by {@link EmulatorMain} or in tests with the
 * {@code with…} methods: {@code EmulatorConfig.defaults().withPlan(path)}.
 *
 * @param port          0 picks a free port
 * @param plans         Salesforce CLI data plans to load, in order
 * @param metadata      an SFDX source folder whose custom fields are added to the schema, or null
 * @param rebaseDates   the date in the plans that becomes today, or null to load dates as they are
 * @param generate      a generated org, e.g. "accounts=20000,seed=7", or null
 * @param apiLimit      the daily API request allocation reported in LimitInfoHeader
 * @param jwtCertificate PEM certificate that verifies JWT-bearer assertions, or null (JWT bearer off)
 * @param runAsUsername the user a client-credentials session acts as; created if no plan defines it
 * @param outboundRules Outbound Message actions in force from the start (objects and fields are checked
 *                      against the schema when the emulator starts)
 * @param outboundTimeScale emulated time of the outbound queue runs this many times faster (1 = real time)
 * @param logins        who can log in through the OpenID Connect provider, and the connected app's callbacks
 * @param pubSub        the Pub/Sub API (Change Data Capture): off unless a port is given
 */
public record EmulatorConfig(int port, List<Path> plans, Path metadata, LocalDate rebaseDates, String generate,
        String clientId, String clientSecret, long apiLimit, Path jwtCertificate, String runAsUsername,
        Clock clock, List<OutboundRule> outboundRules, double outboundTimeScale, LoginSettings logins,
        PubSubSettings pubSub) {

    public static final String DEFAULT_CLIENT_ID = "redflag-demo-client";
    public static final String DEFAULT_CLIENT_SECRET = "redflag-demo-secret";
    public static final String DEFAULT_RUN_AS = "integration@redflag.example";
    /** The demo org's login that holds the Redflag_Admin custom permission (Diane Foster, VP Sales). */
    public static final String DEMO_ADMIN = "diane.foster@redflag-demo.example";
    /** The demo org's login without it (Alex Morgan, a strategic account manager). */
    public static final String DEMO_VIEWER = "alex.morgan@redflag-demo.example";
    public static final String ADMIN_PERMISSION = "Redflag_Admin";
    /** Where a Redflag service on its default port receives the login (Spring Security's default path). */
    public static final List<String> DEMO_CALLBACK_URLS = List.of(
            "http://127.0.0.1:8080/login/oauth2/code/salesforce", "http://localhost:8080/login/oauth2/code/salesforce");

    public EmulatorConfig {
        plans = List.copyOf(plans);
        outboundRules = List.copyOf(outboundRules);
        if (!(outboundTimeScale >= 1 && outboundTimeScale <= 1e9)) {
            throw new IllegalArgumentException("--outbound-time-scale " + outboundTimeScale
                    + " is out of range (1 to 1000000000; 3600 = one emulated hour per real second)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not a port number (0 to 65535; 0 = any free port)");
        }
        if (apiLimit < 1) {
            throw new IllegalArgumentException("--api-limit " + apiLimit + " must be at least 1");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("--client-id must not be empty");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("--client-secret must not be empty");
        }
        if (logins == null) {
            throw new IllegalArgumentException("logins must not be null (LoginSettings.none() for nobody)");
        }
        if (pubSub == null) {
            throw new IllegalArgumentException("pubSub must not be null (PubSubSettings.off() for none)");
        }
    }

    /** Port 0, no data, the demo client credentials, an Enterprise-sized allocation, the system clock. */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig(0, List.of(), null, null, null, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, 100_000,
                null, DEFAULT_RUN_AS, Clock.systemUTC(), List.of(), 1, LoginSettings.none(), PubSubSettings.off());
    }

    /**
     * The demo org: its data plan and the CRM plugin's custom fields, both shipped in the emulator's jar,
     * with the plan's dates rebased so that its "today" is today; two demo logins ({@link #DEMO_ADMIN} with
     * the Redflag_Admin custom permission, {@link #DEMO_VIEWER} without), and the demo callback URLs unless
     * callback URLs are configured already.
     */
    public EmulatorConfig withDemoOrg() {
        EmulatorConfig demo = withPlan(EmulatorMain.demoResource("demo-org/data-plan.json"))
                .withMetadata(EmulatorMain.demoResource("demo-org/metadata"))
                .withRebaseDates(EmulatorMain.DEMO_ANCHOR)
                .withLogins(logins.withDemoLogin(DEMO_ADMIN).withDemoLogin(DEMO_VIEWER))
                .withCustomPermission(DEMO_ADMIN, ADMIN_PERMISSION);
        return logins.callbackUrls().isEmpty() ? demo.withCallbackUrls(DEMO_CALLBACK_URLS) : demo;
    }

    /** A password for a user of the org, so that the user can log in through the browser (repeatable). */
    public EmulatorConfig withUserPassword(String username, String password) {
        return withLogins(logins.withPassword(username, password));
    }

    /** The connected app's callback URLs, instead of those set before (a loopback URL matches any port). */
    public EmulatorConfig withCallbackUrls(List<String> urls) {
        return withLogins(logins.withCallbackUrls(urls));
    }

    public EmulatorConfig withCallbackUrls(String... urls) {
        return withCallbackUrls(List.of(urls));
    }

    /** Grants a user a custom permission (by API name), as a permission set assignment would (repeatable). */
    public EmulatorConfig withCustomPermission(String username, String name) {
        return withLogins(logins.withCustomPermission(username, name));
    }

    public EmulatorConfig withLogins(LoginSettings v) {
        return new EmulatorConfig(port, plans, metadata, rebaseDates, generate, clientId, clientSecret, apiLimit,
                jwtCertificate, runAsUsername, clock, outboundRules, outboundTimeScale, v, pubSub);
    }

    public EmulatorConfig withPort(int v) {
        return new EmulatorConfig(v, plans, metadata, rebaseDates, generate, clientId, clientSecret, apiLimit,
                jwtCertificate, runAsUsername, clock, outboundRules, outboundTimeScale, logins, pubSub);
    }

    public EmulatorConfig withPlan(Path v) {
        List<Path> more = new ArrayList<>(plans);
        more.add(v);
        return new EmulatorConfig(port, more, metadata, rebaseDates, generate, clientId, clientSecret, apiLimit,
                jwtCertificate, runAsUsername, clock, outboundRules, outboundTimeScale, logins, pubSub);
    }

    public EmulatorConfig withMetadata(Path v) {
        return new EmulatorConfig(port, plans, v, rebaseDates, generate, clientId, clientSecret, apiLimit,
                jwtCertificate, runAsUsername, clock, outboundRules, outboundTimeScale, logins, pubSub);
    }

    public EmulatorConfig withRebaseDates(LocalDate v) {
        return new EmulatorConfig(port, plans, metadata, v, generate, clientId, clientSecret, apiLimit,
                jwtCertificate, runAsUsername, clock, outboundRules, outboundTimeScale, logins, pubSub);
    }

    public EmulatorConfig withGenerate(String v) {
        return new EmulatorConfig(port, plans, metadata, rebaseDates, v, clientId, clientSecret, apiLimit,
                jwtCertificate, runAsUsername, clock, outboundRules, outboundTimeScale, logins, pubSub);
    }

    public EmulatorConfig withClient(String id, String secret) {
        return new EmulatorConfig(port, plans, metadata, rebaseDates, generate, id, secret, apiLimit,
                jwtCertificate, runAsUsername, clock, outboundRules, outboundTimeScale, logins, pubSub);
    }

    public EmulatorConfig withApiLimit(long v) {
        return new EmulatorConfig(port, plans, metadata, rebaseDates, generate, clientId, clientSecret, v,
                jwtCertificate, runAsUsername, clock, outboundRules, outboundTimeScale, logins, pubSub);
    }

    public EmulatorConfig withJwtCertificate(Path v) {
        return new EmulatorConfig(port, plans, metadata, rebaseDates, generate, clientId, clientSecret, apiLimit, v,
                runAsUsername, clock, outboundRules, outboundTimeScale, logins, pubSub);
    }

    public EmulatorConfig withRunAs(String v) {
        return new EmulatorConfig(port, plans, metadata, rebaseDates, generate, clientId, clientSecret, apiLimit,
                jwtCertificate, v, clock, outboundRules, outboundTimeScale, logins, pubSub);
    }

    public EmulatorConfig withClock(Clock v) {
        return new EmulatorConfig(port, plans, metadata, rebaseDates, generate, clientId, clientSecret, apiLimit,
                jwtCertificate, runAsUsername, v, outboundRules, outboundTimeScale, logins, pubSub);
    }

    /**
     * Adds an Outbound Message action: after each committed create or update of {@code object}, a
     * notification with {@code fields} (Id always) goes to {@code endpoint}. Repeatable; objects may share
     * an endpoint.
     */
    public EmulatorConfig withOutboundMessage(String object, List<String> fields, URI endpoint) {
        return withOutboundMessage(new OutboundRule(object, fields, endpoint));
    }

    public EmulatorConfig withOutboundMessage(OutboundRule rule) {
        List<OutboundRule> more = new ArrayList<>(outboundRules);
        more.add(rule);
        return new EmulatorConfig(port, plans, metadata, rebaseDates, generate, clientId, clientSecret, apiLimit,
                jwtCertificate, runAsUsername, clock, more, outboundTimeScale, logins, pubSub);
    }

    /** Emulated time of the outbound queue runs {@code v} times faster: 3600 = an hour per real second. */
    public EmulatorConfig withOutboundTimeScale(double v) {
        return new EmulatorConfig(port, plans, metadata, rebaseDates, generate, clientId, clientSecret, apiLimit,
                jwtCertificate, runAsUsername, clock, outboundRules, v, logins, pubSub);
    }

    public EmulatorConfig withPubSub(PubSubSettings v) {
        return new EmulatorConfig(port, plans, metadata, rebaseDates, generate, clientId, clientSecret, apiLimit,
                jwtCertificate, runAsUsername, clock, outboundRules, outboundTimeScale, logins, v);
    }

    /** Serves the Pub/Sub API (TLS gRPC) on 127.0.0.1:{@code v}; 0 picks a free port. */
    public EmulatorConfig withPubSubPort(int v) {
        return withPubSub(pubSub.withPort(v));
    }

    /** Writes the Pub/Sub server's certificate (PEM) to this file at start, for clients to trust. */
    public EmulatorConfig withPubSubCertOut(Path v) {
        return withPubSub(pubSub.withCertificateOut(v));
    }

    /**
     * A custom change event channel ({@code Redflag__chn}, subscribed to as {@code /data/Redflag__chn}) carrying
     * the change events of these objects, as a PlatformEventChannel with its channel members would.
     */
    public EmulatorConfig withCdcChannel(String name, List<String> entities) {
        return withPubSub(pubSub.withChannel(name, entities));
    }

    /** The event bus's emulated time (retention, keepalives) runs {@code v} times faster. */
    public EmulatorConfig withPubSubTimeScale(double v) {
        return withPubSub(pubSub.withTimeScale(v));
    }

    /** How long an idle subscription waits for a keepalive (emulated time; Salesforce's is 270 s). */
    public EmulatorConfig withPubSubKeepalive(java.time.Duration v) {
        return withPubSub(pubSub.withKeepalive(v));
    }
}
