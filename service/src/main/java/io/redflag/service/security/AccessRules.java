package io.redflag.service.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The one place that says which request needs which role. Public: the health probes and info (details only
 * for a viewer, see application.yaml), the CRM's Outbound Messages (they carry their own secret in the URL;
 * the endpoint checks it), the login itself and the dashboard's static styles, scripts and charting library.
 * Admin: every actuator operation that is not a read (sync pause and resume), everything under
 * {@code /api/admin} (API tokens) and the dashboard's {@code /admin} pages. Everything else (the other pages
 * included): viewer.
 */
final class AccessRules {
    /** Where a browser is sent to log in: straight to the CRM's login, there is no other way in. */
    static final String LOGIN = "/oauth2/authorization/" + CrmClientRegistration.ID;
    static final String LOGIN_CALLBACK = "/login/oauth2/code/*";
    static final String OUTBOUND_MESSAGES = "/crm/outbound-messages";
    static final String ADMIN_API = "/api/admin/**";
    /** The dashboard's admin page: the mapping check, the scorecard editor and its dry run and apply. */
    static final String ADMIN_PAGES = "/admin/**";
    /** The dashboard's own styles and scripts and the charting library: the same for everyone, nothing secret. */
    static final String[] STATIC = {"/css/**", "/js/**", "/webjars/**"};

    private AccessRules() {
    }

    /** admin implies viewer, for URL rules and health details alike. */
    static RoleHierarchy hierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.ADMIN.key()).implies(Role.VIEWER.key()).build();
    }

    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        // An error forward renders the status of a request these rules already let through.
        rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        rules.requestMatchers(EndpointRequest.to("health", "info")).permitAll();
        rules.requestMatchers(HttpMethod.POST, OUTBOUND_MESSAGES).permitAll();
        rules.requestMatchers(LOGIN, LOGIN_CALLBACK).permitAll();
        rules.requestMatchers(HttpMethod.GET, STATIC).permitAll();

        rules.requestMatchers(ADMIN_API, ADMIN_PAGES).hasRole(Role.ADMIN.key());
        for (HttpMethod write : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            // Without the links: their matcher ignores the method, and would make GET /actuator an admin action.
            rules.requestMatchers(EndpointRequest.toAnyEndpoint().excludingLinks().withHttpMethod(write))
                    .hasRole(Role.ADMIN.key());
        }
        rules.anyRequest().hasRole(Role.VIEWER.key());
    }
}
