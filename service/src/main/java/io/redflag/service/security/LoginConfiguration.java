package io.redflag.service.security;

import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.service.crm.DemoOrg;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * Browser login: OpenID Connect with the CRM as provider. The demo logs in at its embedded org with the
 * emulator's client; a real org at {@code redflag.security.oidc.*}, by default the CRM connection's login URL
 * and connected app.
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LoginConfiguration.class);

    @Bean
    CrmClientRegistration crmClientRegistration(SecuritySettings settings, DemoOrg demo) {
        Emulator emulator = demo.emulator();
        SecuritySettings.Oidc oidc = settings.oidc();
        if (emulator != null) {
            return new CrmClientRegistration(() -> new CrmClientRegistration.Client(emulator.baseUrl(),
                    emulator.config().clientId(), emulator.config().clientSecret(), oidc.scopes()));
        }
        if (!oidc.configured()) {
            log.warn("Browser login is off: set redflag.security.oidc.issuer-uri and client-id"
                    + " (REDFLAG_SECURITY_OIDC_ISSUER_URI, REDFLAG_SECURITY_OIDC_CLIENT_ID); bearer tokens still work");
            return new CrmClientRegistration(() -> null);
        }
        return new CrmClientRegistration(() -> new CrmClientRegistration.Client(oidc.issuerUri().toString(),
                oidc.clientId(), oidc.clientSecret(), oidc.scopes()));
    }

    @Bean
    OidcUserService crmUserService(SecuritySettings settings, SalesforceSession session) {
        CrmUsers users = new CrmUsers(() -> connectedOrg(session), settings.admins());
        OidcUserService service = new OidcUserService();
        // Always: the user's org and custom permissions are in the userinfo answer, not in Salesforce's id token.
        service.setRetrieveUserInfo(request -> true);
        service.setOidcUserConverter(source -> {
            Map<String, Object> claims = new HashMap<>(source.getUserRequest().getIdToken().getClaims());
            if (source.getUserInfo() != null) {
                claims.putAll(source.getUserInfo().getClaims());
            }
            Set<Role> roles = users.roles(claims);
            log.info("{} logged in as {}", claims.get(StandardClaimNames.PREFERRED_USERNAME), roles.contains(Role.ADMIN)
                    ? Role.ADMIN.key() : Role.VIEWER.key());
            return new DefaultOidcUser(roles.stream().map(Role::authority).toList(),
                    source.getUserRequest().getIdToken(), source.getUserInfo(), StandardClaimNames.PREFERRED_USERNAME);
        });
        return service;
    }

    private static String connectedOrg(SalesforceSession session) {
        try {
            return session.orgId();
        } catch (RuntimeException e) {
            String why = "the CRM connection could not say which org it serves (" + e.getMessage() + ")";
            throw new OAuth2AuthenticationException(new OAuth2Error("server_error", why, null), why);
        }
    }
}
