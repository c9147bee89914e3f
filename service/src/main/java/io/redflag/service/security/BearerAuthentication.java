package io.redflag.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * {@code Authorization: Bearer …} for machine clients: an API token (it starts with {@value ApiTokens#PREFIX})
 * is looked up in the store; anything else is a JWT, checked against the issuer configured in
 * {@code redflag.security.jwt.*} (refused when none is). The issuer's keys are fetched at the first JWT, not
 * at start-up, and again after a failure.
 */
final class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {
    private final BearerTokenResolver tokens = new DefaultBearerTokenResolver();
    private final AuthenticationManager apiTokens;
    private final AuthenticationManager jwts;

    BearerAuthentication(ApiTokens store, SecuritySettings.Jwt jwt) {
        this.apiTokens = authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            ApiTokens.Holder holder = store.authenticate(token).orElseThrow(
                    () -> new InvalidBearerTokenException("the API token is unknown or revoked"));
            return new ApiTokenAuthentication(holder);
        };
        this.jwts = jwt.configured() ? jwtManager(jwt) : authentication -> {
            throw new InvalidBearerTokenException("not an API token (" + ApiTokens.PREFIX + "…), and no JWT issuer"
                    + " is configured (redflag.security.jwt.issuer-uri)");
        };
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        String token = tokens.resolve(request);
        return token != null && token.startsWith(ApiTokens.PREFIX) ? apiTokens : jwts;
    }

    private static AuthenticationManager jwtManager(SecuritySettings.Jwt settings) {
        String issuer = settings.issuerUri().toString();
        SupplierJwtDecoder decoder = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
            checks.add(JwtValidators.createDefaultWithIssuer(issuer));
            if (settings.audience() != null && !settings.audience().isBlank()) {
                checks.add(new JwtAudienceValidator(settings.audience()));
            }
            nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
            return nimbus;
        });
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(settings.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return provider::authenticate;
    }

    /** A caller authenticated by an API token: named after the token, with the token's role. */
    static final class ApiTokenAuthentication extends AbstractAuthenticationToken {
        private final ApiTokens.Holder holder;

        ApiTokenAuthentication(ApiTokens.Holder holder) {
            super(List.of(holder.role().authority()));
            this.holder = holder;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return ""; // the token is not kept
        }

        @Override
        public Object getPrincipal() {
            return "token:" + holder.name();
        }
    }
}
