package io.redflag.service.security;

import io.redflag.service.startup.StartupProblems;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * An API token an operator provides instead of creating it through a login: for automation that starts the
 * service and must talk to it at once (a Kubernetes Secret shared with the ServiceMonitor, a benchmark
 * script). Set it, the service stores its hash at start as a token named "bootstrap"; change it, the old one
 * is revoked; unset it and revoke it with DELETE /api/admin/tokens/{id} to end it.
 */
@Component
@DependsOnDatabaseInitialization
class BootstrapToken implements InitializingBean {
    static final String NAME = "bootstrap";
    static final String CREATED_BY = "redflag.security.bootstrap.token";
    private static final Logger log = LoggerFactory.getLogger(BootstrapToken.class);

    /**
     * @param token the token ({@code rf_} and at least 32 more characters), env REDFLAG_SECURITY_BOOTSTRAP_TOKEN
     * @param role  its role (admin or viewer), env REDFLAG_SECURITY_BOOTSTRAP_ROLE
     */
    @ConfigurationProperties("redflag.security.bootstrap")
    record Settings(String token, @DefaultValue("admin") Role role) {

        /** Never prints the token. */
        @Override
        public String toString() {
            return "Settings[token=" + (token == null || token.isBlank() ? "(none)" : "(set)") + ", role=" + role + "]";
        }
    }

    private final Settings settings;
    private final ApiTokens tokens;

    BootstrapToken(Settings settings, ApiTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    @Override
    public void afterPropertiesSet() {
        String token = settings.token();
        if (token == null || token.isBlank()) {
            return;
        }
        if (!token.startsWith(ApiTokens.PREFIX) || token.length() < ApiTokens.PREFIX.length() + 32
                || !token.matches("[A-Za-z0-9_\\-]+")) {
            throw new StartupProblems("the security settings", List.of("redflag.security.bootstrap.token"
                    + " (REDFLAG_SECURITY_BOOTSTRAP_TOKEN) must be rf_ followed by at least 32 letters, digits, - or _"),
                    "Generate one, e.g. echo rf_$(openssl rand -hex 32)");
        }
        if (tokens.provision(NAME, settings.role(), token, CREATED_BY)) {
            log.info("API token '{}' ({}) provisioned from redflag.security.bootstrap.token", NAME,
                    settings.role().key());
        }
    }
}
