package io.redflag.service.security;

import io.redflag.service.crm.DemoOrg;
import io.redflag.service.startup.StartupProblems;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter chain: browser logins (OpenID Connect, a session cookie, CSRF tokens) and bearer tokens (no
 * session, no CSRF: a browser never adds an Authorization header on its own) side by side, the rules of
 * {@link AccessRules}, problem answers, and security headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {
    /** Server-rendered pages with their own scripts and styles only; nothing may frame them. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    RoleHierarchy roleHierarchy() {
        return AccessRules.hierarchy();
    }

    @Bean
    BearerAuthentication bearerAuthentication(ApiTokens tokens, SecuritySettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new StartupProblems("the security settings", problems, "Set the properties (or environment"
                    + " variables) named above as docs/security.md says, or leave them unset for the defaults.");
        }
        return new BearerAuthentication(tokens, settings.jwt());
    }

    @Bean
    SecurityFilterChain redflagSecurity(HttpSecurity http, BearerAuthentication bearer, OidcUserService users,
            JsonMapper json) throws Exception {
        RequestMatcher pages = pageRequests();
        ProblemResponses problems = new ProblemResponses(json, pages);
        RequestMatcher bearerRequests = request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        // Only a page a browser asked for is worth returning to after the login; API calls create no session.
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(pages);
        http.authorizeHttpRequests(AccessRules::apply)
                .oauth2Login(login -> login.loginPage(AccessRules.LOGIN).userInfoEndpoint(u -> u.oidcUserService(users))
                        .defaultSuccessUrl("/").failureHandler(problems))
                .oauth2ResourceServer(resource -> resource.authenticationManagerResolver(bearer)
                        .authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(c -> c.requestCache(requestCache))
                // A forged request rides on a victim's session: without one there is nothing to protect (and
                // the caller gets the 401 that says what to send). Bearer tokens and the CRM's notifications
                // are never sent by a browser on its own.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER
                        .matches(request) && request.getRequestedSessionId() != null)
                        .ignoringRequestMatchers(bearerRequests).ignoringRequestMatchers(AccessRules.OUTBOUND_MESSAGES))
                .logout(logout -> logout.logoutSuccessHandler(
                        new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        // On every answer: browsers ignore it over plain http (RFC 6797 §8.1), and behind a TLS
                        // proxy the service may not know the request was https.
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                                .requestMatcher(AnyRequestMatcher.INSTANCE)));
        return http.build();
    }

    /** A browser navigating (it asks for HTML by name); curl and HTTP clients send * / * or nothing. */
    private static RequestMatcher pageRequests() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        return html;
    }

    /**
     * The session cookie is Secure, HttpOnly and SameSite=Lax (application.yaml), except in the demo: it runs
     * over plain http on 127.0.0.1, where a browser (and Java's CookieManager) would never send a Secure cookie
     * back, so a demo login could not keep its session. Runs after the properties are applied.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> demoSessionCookie(DemoOrg demo) {
        return new DemoSessionCookie(demo.emulator() != null);
    }

    private record DemoSessionCookie(boolean demo)
            implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {
        @Override
        public void customize(ConfigurableServletWebServerFactory factory) {
            if (demo) {
                factory.getSettings().getSession().getCookie().setSecure(false);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
