package io.redflag.emulator;

import io.redflag.emulator.control.ControlApi;
import io.redflag.emulator.control.OrgControl;
import io.redflag.emulator.data.DataGenerator;
import io.redflag.emulator.data.GenerateSpec;
import io.redflag.emulator.data.LoadReport;
import io.redflag.emulator.data.MetadataLoader;
import io.redflag.emulator.data.PlanLoader;
import io.redflag.emulator.http.HttpFront;
import io.redflag.emulator.oauth.ConnectedApp;
import io.redflag.emulator.oauth.OidcProvider;
import io.redflag.emulator.oauth.Sessions;
import io.redflag.emulator.oauth.TokenEndpoint;
import io.redflag.emulator.oauth.Users;
import io.redflag.emulator.outbound.OutboundMessages;
import io.redflag.emulator.pubsub.PubSub;
import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.soap.PartnerApi;
import io.redflag.emulator.store.Commit;
import io.redflag.emulator.store.Ids;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import io.redflag.emulator.store.SaveResult;
import io.redflag.emulator.store.WriteContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running emulated org. {@code Emulator.start(EmulatorConfig.defaults())} returns a started server on a
 * free port, for tests; {@link EmulatorMain} runs one from the command line.
 */
public final class Emulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Emulator.class);
    public static final String ORG_ID = Ids.to18("00D8d0000000Rf1");
    public static final String ORG_NAME = "Redflag Emulated Org";

    private final EmulatorConfig config;
    private final OrgStore store;
    private final OrgControl control;
    private final Sessions sessions;
    private final HttpFront http;
    private final OutboundMessages outbound;
    private final Consumer<Commit> outboundListener;
    private final PubSub pubSub;
    private final String runAsUserId;
    private final List<DemoLogin> demoLogins;

    private Emulator(EmulatorConfig config) throws IOException {
        this.config = config;
        Schema schema = Schema.standard();
        if (config.metadata() != null) {
            List<String> fields = MetadataLoader.load(config.metadata(), schema);
            log.info("Loaded {} custom fields from {}", fields.size(), config.metadata());
        }
        this.store = new OrgStore(schema, config.clock());
        this.runAsUserId = ensureRunAsUser(store, config.runAsUsername());
        for (Path plan : config.plans()) {
            var report = PlanLoader.load(plan, store, runAsUserId, config.rebaseDates());
            log.info("Loaded plan {}: {} records ({}), {} in the recycle bin", plan, report.total(), report.summary(),
                    report.deleted());
        }
        if (config.generate() != null) {
            GenerateSpec spec = GenerateSpec.parse(config.generate());
            var report = DataGenerator.generate(store, spec.accounts(), spec.seed());
            log.info("Generated org {}: {}", config.generate(), report);
        }
        this.control = new OrgControl(config.apiLimit());
        this.sessions = new Sessions(config.clock(), ORG_ID);
        DemoPasswords.Resolved logins = DemoPasswords.resolve(config.logins(), new SecureRandom());
        this.demoLogins = logins.demoLogins();
        Users users = new Users(store, logins.passwords(), config.logins().customPermissions());
        List<String> unknown = users.unknown(config.logins().usernames());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the org has no user with the username " + String.join(", ", unknown)
                    + " (named by --user-password, --custom-permission or a demo login); load a plan that has it");
        }
        ConnectedApp app = new ConnectedApp(config.clientId(), config.clientSecret(), config.logins().callbackUrls());
        OidcProvider oidc = new OidcProvider(app, users, sessions, config.clock(), ORG_ID, ORG_NAME);
        TokenEndpoint tokens = new TokenEndpoint(new TokenEndpoint.Config(app, runAsUserId,
                certificate(config.jwtCertificate()), this::activeUserByName), sessions, config.clock(), oidc);
        // Rules are checked against the schema (custom fields included) before anything listens.
        this.outbound = new OutboundMessages(store, config.clock(), ORG_ID, this::baseUrl,
                () -> sessions.issue(runAsUserId), config.outboundRules(), config.outboundTimeScale());
        PartnerApi soap = new PartnerApi(store, sessions, control, new PartnerApi.OrgInfo(ORG_ID, ORG_NAME),
                config.clock());
        try {
            // Changes from here on are change events; the plans loaded above are the org's past.
            this.pubSub = config.pubSub().enabled()
                    ? PubSub.start(store, sessions, config.clock(), ORG_ID, this::port, config.pubSub()) : null;
        } catch (RuntimeException e) {
            outbound.close();
            throw e;
        }
        try {
            this.http = new HttpFront(config.port(), soap, tokens, oidc,
                    new ControlApi(control, store, sessions, outbound, pubSub), control, store);
        } catch (IOException | RuntimeException e) {
            outbound.close();
            if (pubSub != null) {
                pubSub.close();
            }
            throw e;
        }
        this.outboundListener = outbound::committed;
        store.addCommitListener(outboundListener);
    }

    /** Builds the org, loads its data and starts serving. */
    public static Emulator start(EmulatorConfig config) {
        try {
            return new Emulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("The emulator could not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return http.port();
    }

    /** The login and instance URL: http://127.0.0.1:PORT. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The Partner SOAP endpoint for an API version, e.g. soapEndpoint("65.0"). */
    public String soapEndpoint(String version) {
        return baseUrl() + "/services/Soap/u/" + version;
    }

    public EmulatorConfig config() {
        return config;
    }

    public OrgStore store() {
        return store;
    }

    public OrgControl control() {
        return control;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** The org's Outbound Message actions: rules, faults, stats, awaitIdle. */
    public OutboundMessages outboundMessages() {
        return outbound;
    }

    /**
     * The org's Pub/Sub API (Change Data Capture): topics, schemas, stats and faults.
     *
     * @throws IllegalStateException when the emulator serves none ({@link EmulatorConfig#withPubSubPort})
     */
    public PubSub pubSub() {
        if (pubSub == null) {
            throw new IllegalStateException("the Pub/Sub API is off: start the emulator with"
                    + " EmulatorConfig.withPubSubPort(0) (--pubsub-port N)");
        }
        return pubSub;
    }

    /** The port of the Pub/Sub API's TLS gRPC server on 127.0.0.1 (see {@link #pubSub()}). */
    public int pubSubPort() {
        return pubSub().port();
    }

    /** The PEM of the Pub/Sub server's self-signed certificate, made at this start (see {@link #pubSub()}). */
    public String pubSubCertificatePem() {
        return pubSub().certificatePem();
    }

    /**
     * Loads a data plan into the running org, as {@code sf data tree import} would: as the run-as user, each
     * record a write of its own (so each is a change event when the Pub/Sub API is on).
     */
    public LoadReport loadPlan(Path plan) {
        return PlanLoader.load(plan, store, runAsUserId, null);
    }

    /** The user client-credentials sessions act as. */
    public String runAsUserId() {
        return runAsUserId;
    }

    /**
     * The users who can log in through the browser with the demo org ({@link EmulatorConfig#withDemoOrg()}),
     * admin first, with this start's passwords; empty for other orgs.
     */
    public List<DemoLogin> demoLogins() {
        return demoLogins;
    }

    /** The OpenID Connect issuer (and discovery base) as reached on 127.0.0.1. */
    public String issuer() {
        return baseUrl();
    }

    @Override
    public void close() {
        store.removeCommitListener(outboundListener);
        http.close();
        outbound.close();
        if (pubSub != null) {
            pubSub.close();
        }
    }

    private String activeUserByName(String username) {
        var users = store.find(store.schema().find("User"), false,
                u -> username.equalsIgnoreCase(String.valueOf(u.get("Username"))) && Boolean.TRUE.equals(u.get("IsActive")));
        return users.isEmpty() ? null : users.get(0).id();
    }

    /** The connected app's run-as user: an API-only integration user, as an admin would set one up. */
    private static String ensureRunAsUser(OrgStore store, String username) {
        var userType = store.schema().find("User");
        var existing = store.find(userType, false, u -> username.equalsIgnoreCase(String.valueOf(u.get("Username"))));
        if (!existing.isEmpty()) {
            return existing.get(0).id();
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("Username", username);
        user.put("FirstName", "Redflag");
        user.put("LastName", "Integration");
        user.put("Email", username);
        user.put("Alias", "redflag");
        user.put("IsActive", true);
        user.put("Title", "Integration User");
        user.put("ProfileId", store.standardProfileId("System Administrator"));
        user.put("TimeZoneSidKey", "GMT");
        user.put("LocaleSidKey", "en_US");
        user.put("LanguageLocaleKey", "en_US");
        user.put("EmailEncodingKey", "UTF-8");
        SaveResult r = store.create(userType, user, WriteContext.loader(null, false));
        if (!r.success()) {
            throw new IllegalStateException("could not create the run-as user " + username + ": " + r.errors());
        }
        // The first user created itself.
        store.update(r.id(), Map.of("CreatedById", r.id(), "LastModifiedById", r.id()), java.util.Set.of(),
                WriteContext.loader(r.id(), false));
        SRecord created = store.get(r.id());
        return created.id();
    }

    private static X509Certificate certificate(Path pem) {
        if (pem == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("--jwt-cert " + pem + " is not a readable X.509 certificate: "
                    + e.getMessage(), e);
        }
    }
}
