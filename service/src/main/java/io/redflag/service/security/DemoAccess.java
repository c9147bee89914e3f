package io.redflag.service.security;

import io.redflag.emulator.DemoLogin;
import io.redflag.service.crm.DemoOrg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the demo only: once the service listens, says how to get in: the demo org's logins for a browser (their
 * passwords are new at each start) and a fresh admin API token for curl (the README's examples use it). The
 * token of an earlier demo run in the same folder is revoked first, so only the one printed works.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DemoAccess {
    static final String TOKEN_NAME = "demo";
    static final String CREATED_BY = "redflag demo start-up";
    private static final Logger log = LoggerFactory.getLogger(DemoAccess.class);

    private final DemoOrg demo;
    private final ApiTokens tokens;

    DemoAccess(DemoOrg demo, ApiTokens tokens) {
        this.demo = demo;
        this.tokens = tokens;
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        if (demo.emulator() == null || event.getApplicationContext().getServerNamespace() != null) {
            return; // not the demo, or the management server
        }
        tokens.revokeAll(TOKEN_NAME, CREATED_BY);
        ApiTokens.Created token = tokens.create(TOKEN_NAME, Role.ADMIN, CREATED_BY);
        String base = "http://127.0.0.1:" + event.getWebServer().getPort();
        StringBuilder text = new StringBuilder("\n\n  Redflag demo: how to get in\n");
        text.append("  Browser: open ").append(base).append(" (the dashboard) and log in at the demo org as\n");
        for (DemoLogin login : demo.emulator().demoLogins()) {
            text.append("    ").append(login.username()).append("  password ").append(login.password())
                    .append(login.admin() ? "  (admin)\n" : "  (viewer)\n");
        }
        text.append("  API (admin token, valid until the next demo start):\n");
        text.append("    export TOKEN=").append(token.token()).append('\n');
        text.append("    curl -H \"Authorization: Bearer $TOKEN\" ").append(base).append("/api/accounts\n");
        log.info(text.toString());
    }
}
