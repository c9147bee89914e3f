package io.redflag.service.crm;

import io.redflag.connector.mapping.CachedOrgSchema;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import io.redflag.service.startup.StartupProblems;
import org.springframework.beans.factory.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the CRM session: to the configured org, or to the demo org started in-process. */
@Configuration(proxyBeanMethods = false)
class CrmConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CrmConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The demo org, only with {@code --demo} ({@code redflag.demo=true}); closed with the application. The
     * settings are checked first, so a production pod with a broken Secret stops instead of starting it.
     */
    @Bean(destroyMethod = "close")
    DemoOrg demoOrg(SalesforceProperties properties, @Value("${redflag.demo:false}") boolean demo, Clock clock) {
        List<String> problems = properties.problems(demo);
        if (!problems.isEmpty()) {
            throw new StartupProblems("the Salesforce settings", problems,
                    "Set the properties (or environment variables) named above, as the README's \"Configure it\""
                            + " says.");
        }
        if (!demo) {
            return new DemoOrg(null);
        }
        Emulator emulator = Emulator.start(EmulatorConfig.defaults().withPort(properties.demoPort()).withClock(clock)
                .withDemoOrg().withPubSubPort(0));
        log.info("Demo: running against the embedded demo org at {}", emulator.baseUrl());
        return new DemoOrg(emulator);
    }

    @Bean
    SalesforceSession salesforceSession(SalesforceProperties properties, DemoOrg demo, Clock clock) {
        SalesforceCredentials credentials;
        if (demo.emulator() != null) {
            credentials = SalesforceCredentials.clientCredentials(URI.create(demo.emulator().baseUrl()),
                    EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET);
        } else if (properties.jwtKeyFile() != null) {
            credentials = SalesforceCredentials.jwtBearer(properties.loginUrl(), properties.clientId(),
                    properties.username(), privateKey(properties));
        } else {
            credentials = SalesforceCredentials.clientCredentials(properties.loginUrl(), properties.clientId(),
                    properties.clientSecret());
        }
        return new SalesforceSession(credentials.withTimeouts(properties.connectTimeout(), properties.readTimeout()),
                clock);
    }

    /** The CRM calls start-up cannot do without, retried while the CRM fails transiently. */
    @Bean
    StartupContact startupContact(SalesforceProperties properties, DemoOrg demo) {
        String loginUrl = demo.emulator() != null ? demo.emulator().baseUrl() : properties.loginUrl().toString();
        return new StartupContact(loginUrl, properties.startupAttempts(), properties.startupFirstWait());
    }

    /** The org's describe results, cached for an hour: start-up checks and write-back share them. */
    @Bean
    CachedOrgSchema orgSchema(SalesforceSession session) {
        return new CachedOrgSchema(session, Duration.ofHours(1));
    }

    private static RSAPrivateKey privateKey(SalesforceProperties properties) {
        try {
            String pem = Files.readString(properties.jwtKeyFile());
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new StartupProblems("the Salesforce settings", List.of("redflag.salesforce.jwt-key-file"
                    + " (SALESFORCE_JWT_KEY_FILE) = " + properties.jwtKeyFile() + " is not a readable PKCS#8 PEM RSA"
                    + " private key (" + e.getClass().getSimpleName() + ")"),
                    "Give the connected app's private key as a PKCS#8 PEM file (BEGIN PRIVATE KEY).");
        }
    }
}
