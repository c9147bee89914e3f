package io.redflag.service.security;

import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;

/**
 * The CRM as OpenID provider, registration id {@code salesforce}. Its discovery document is read at the first
 * login, not at start-up: the service must start (and sync) while the provider is unreachable, and the
 * demo's provider is the embedded emulator, whose address is known only once it runs. A failed read is
 * tried again at the next login.
 */
final class CrmClientRegistration implements ClientRegistrationRepository {
    static final String ID = "salesforce";
    private static final Logger log = LoggerFactory.getLogger(CrmClientRegistration.class);

    /** The provider and this service's client at it. */
    record Client(String issuer, String clientId, String clientSecret, List<String> scopes) {
        @Override
        public String toString() {
            return "Client[issuer=" + issuer + ", clientId=" + clientId + "]";
        }
    }

    private final Supplier<Client> client;
    private volatile ClientRegistration resolved;

    CrmClientRegistration(Supplier<Client> client) {
        this.client = client;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration r = resolved;
        if (r == null) {
            synchronized (this) {
                if (resolved == null) {
                    resolved = discover(client.get());
                }
                r = resolved;
            }
        }
        return r;
    }

    private static ClientRegistration discover(Client c) {
        if (c == null) {
            return null; // said once at start-up
        }
        ClientRegistration.Builder builder;
        try {
            builder = ClientRegistrations.fromOidcIssuerLocation(c.issuer());
        } catch (RuntimeException e) {
            log.warn("Login unavailable: the OpenID provider {} did not give its discovery document ({})", c.issuer(),
                    e.getMessage());
            throw e;
        }
        boolean secret = c.clientSecret() != null && !c.clientSecret().isBlank();
        // PKCE as well as the secret: Salesforce supports it, and it binds the code to this browser's login.
        builder.registrationId(ID).clientId(c.clientId()).scope(c.scopes())
                .userNameAttributeName(StandardClaimNames.PREFERRED_USERNAME)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
        if (secret) {
            builder.clientSecret(c.clientSecret());
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        log.info("Browser login through the OpenID provider {} (client {})", c.issuer(), c.clientId());
        return builder.build();
    }
}
