package io.redflag.emulator;

import io.redflag.emulator.outbound.OutboundRule;
import java.net.URI;
import java.net.URISyntaxException;
import java.io.IOException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar redflag-emulator.jar [--demo] [--port N] [--plan FILE]... [--metadata DIR]
 * [--rebase-dates YYYY-MM-DD] [--generate accounts=N,seed=S] [--client-id ID] [--client-secret S]
 * [--api-limit N] [--jwt-cert FILE] [--run-as USERNAME] [--outbound-message Object:Fields@URL]...
 * [--outbound-time-scale N] [--user-password USERNAME=PASSWORD]... [--callback-url URL]...
 * [--custom-permission USERNAME=NAME]... [--pubsub-port N] [--pubsub-cert-out FILE]
 * [--cdc-channel NAME=Object,Object]... [--pubsub-time-scale N]}.
 */
public final class EmulatorMain {
    /** The date the demo org's plan was written as of; --demo rebases it to today. */
    static final LocalDate DEMO_ANCHOR = LocalDate.of(2026, 6, 30);

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("redflag-emulator: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(usage());
            return;
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(config);
        } catch (IllegalArgumentException e) {
            // e.g. an --outbound-message naming an object or field the org does not have
            System.err.println("redflag-emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println(banner(emulator));
        stopped.await();
    }

    /** The configuration the arguments describe; null when they ask for help. */
    static EmulatorConfig parse(String[] args) {
        EmulatorConfig c = EmulatorConfig.defaults().withPort(8787);
        // Given callback URLs replace the demo's, wherever --demo stands.
        List<String> callbackUrls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (option.equals("--demo")) {
                c = c.withDemoOrg();
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
                        : "unknown argument '" + option + "'");
            }
            String value = args[++i];
            c = switch (option) {
                case "--port" -> c.withPort(integer(option, value));
                case "--plan" -> c.withPlan(existing(option, value));
                case "--metadata" -> c.withMetadata(existing(option, value));
                case "--rebase-dates" -> c.withRebaseDates(date(option, value));
                case "--generate" -> c.withGenerate(value);
                case "--client-id" -> c.withClient(value, c.clientSecret());
                case "--client-secret" -> c.withClient(c.clientId(), value);
                case "--api-limit" -> c.withApiLimit(integer(option, value));
                case "--jwt-cert" -> c.withJwtCertificate(existing(option, value));
                case "--run-as" -> c.withRunAs(value);
                case "--outbound-message" -> c.withOutboundMessage(OutboundRule.parse(value));
                case "--outbound-time-scale" -> c.withOutboundTimeScale(decimal(option, value));
                case "--user-password" -> {
                    String[] userAndPassword = pair(option, value, "USERNAME=PASSWORD");
                    yield c.withUserPassword(userAndPassword[0], userAndPassword[1]);
                }
                case "--custom-permission" -> {
                    String[] userAndName = pair(option, value, "USERNAME=NAME");
                    yield c.withCustomPermission(userAndName[0], userAndName[1]);
                }
                case "--pubsub-port" -> c.withPubSubPort(integer(option, value));
                case "--pubsub-cert-out" -> c.withPubSubCertOut(Path.of(value));
                case "--pubsub-time-scale" -> c.withPubSubTimeScale(decimal(option, value));
                case "--cdc-channel" -> {
                    String[] nameAndObjects = pair(option, value, "NAME=Object,Object");
                    yield c.withCdcChannel(nameAndObjects[0], List.of(nameAndObjects[1].split("\\s*,\\s*")));
                }
                case "--callback-url" -> {
                    callbackUrls.add(value);
                    yield c.withCallbackUrls(callbackUrls);
                }
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            };
        }
        return callbackUrls.isEmpty() ? c : c.withCallbackUrls(callbackUrls);
    }

    static String usage() {
        return """
                usage: java -jar emulator/target/redflag-emulator-standalone.jar [options]
                  --demo                      load the demo org (its plan and the plugin's fields), dates rebased to today
                  --port N                    listen on 127.0.0.1:N (default 8787; 0 = any free port)
                  --plan FILE                 load a Salesforce CLI data plan (sf data tree import format); repeatable
                  --metadata DIR              add the custom fields of an SFDX source folder (e.g. plugin/force-app)
                  --rebase-dates YYYY-MM-DD   shift every date in the plans so that this date becomes today
                  --generate accounts=N,seed=S  generate a large org with realistic volumes
                  --client-id ID              connected app consumer key (default redflag-demo-client)
                  --client-secret SECRET      connected app consumer secret (default redflag-demo-secret)
                  --api-limit N               daily API request allocation (default 100000)
                  --jwt-cert FILE             PEM certificate that verifies JWT-bearer assertions
                  --run-as USERNAME           the user client-credentials sessions act as
                  --outbound-message Object:Field,Field@URL
                                              send Outbound Messages for creates and updates of Object to URL,
                                              e.g. Contact:Id,AccountId,Title@http://127.0.0.1:8080/om?token=abc; repeatable
                  --outbound-time-scale N     run the outbound retry schedule N times faster (3600 = an hour a second)
                  --user-password USERNAME=PASSWORD
                                              let an active user of the org log in through the browser; repeatable
                                              (--demo gives its two demo logins a random password unless set here)
                  --callback-url URL          a callback URL of the connected app; repeatable; replaces the demo's
                                              (a http://127.0.0.1 or http://localhost URL matches any port)
                  --custom-permission USERNAME=NAME
                                              grant a user a custom permission, e.g. Redflag_Admin; repeatable
                  --pubsub-port N             serve the Pub/Sub API (Change Data Capture, TLS gRPC) on 127.0.0.1:N
                                              (0 = any free port); off without it
                  --pubsub-cert-out FILE      write the Pub/Sub server's self-signed certificate (PEM) here, to trust it
                  --cdc-channel NAME=Object,Object
                                              a custom change event channel, e.g. Redflag__chn=Account,Contact
                                              (subscribed to as /data/Redflag__chn); repeatable
                  --pubsub-time-scale N       run the event bus's clock N times faster (retention, keepalives)""";
    }

    static String banner(Emulator e) {
        StringBuilder logins = new StringBuilder();
        for (DemoLogin login : e.demoLogins()) {
            logins.append("\n    ").append(login.username()).append("  password ").append(login.password())
                    .append(login.admin() ? "  (admin: " + EmulatorConfig.ADMIN_PERMISSION + ")" : "  (viewer)");
        }
        return """
                Redflag Salesforce emulator listening on %s
                  OAuth token:  POST %s/services/oauth2/token  (grant_type=client_credentials, client_id=%s)
                  OpenID:       %s/.well-known/openid-configuration  (callbacks %s)
                  Partner SOAP: %s
                  Control API:  %s/_emulator/stats%s
                  Records:      %s%s
                Stop with Ctrl+C.""".formatted(e.baseUrl(), e.baseUrl(), e.config().clientId(), e.baseUrl(),
                e.config().logins().callbackUrls(), e.soapEndpoint("65.0"), e.baseUrl(), pubSubLine(e),
                e.store().counts(),
                logins.isEmpty() ? "" : "\n  Demo logins (random passwords at each start unless set):" + logins);
    }

    private static String pubSubLine(Emulator e) {
        if (!e.config().pubSub().enabled()) {
            return "";
        }
        Path cert = e.config().pubSub().certificateOut();
        return "\n  Pub/Sub API:  127.0.0.1:" + e.pubSubPort() + " (TLS; /data/ChangeEvents, /data/<Object>ChangeEvent"
                + (cert == null ? "; no --pubsub-cert-out given)" : "; certificate in " + cert + ")");
    }

    /** "LEFT=RIGHT" split at the first '=', both sides present. */
    private static String[] pair(String option, String value, String form) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            // A malformed --user-password may be a bare password: not echoed.
            String shown = option.equals("--user-password") ? "" : " '" + value + "'";
            throw new IllegalArgumentException(option + shown + " is not of the form " + form);
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a whole number");
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a number");
        }
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a date of the form YYYY-MM-DD");
        }
    }

    private static Path existing(String option, String value) {
        Path p = Path.of(value);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(option + " '" + value + "': no such file or folder");
        }
        return p;
    }

    /** A path to a file or folder shipped in the emulator's jar (or classes folder, in tests). */
    public static Path demoResource(String name) {
        var url = EmulatorMain.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("the emulator was built without " + name);
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    FileSystems.newFileSystem(uri, Map.of());
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read " + name + " from the emulator's jar: " + e.getMessage(), e);
        }
    }
}
