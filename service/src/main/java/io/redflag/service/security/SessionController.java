package io.redflag.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the caller is and what they may do; for a browser login also the CSRF token its
 * scripts and forms send back on every request that changes something (bearer requests need none).
 */
@RestController
class SessionController {
    private final RoleHierarchy roles = AccessRules.hierarchy();

    @GetMapping("/api/me")
    Map<String, Object> me(Authentication caller, HttpServletRequest request) {
        List<String> granted = roles.getReachableGrantedAuthorities(caller.getAuthorities()).stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted()
                .toList();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("name", caller.getName());
        me.put("roles", granted);
        if (caller instanceof OAuth2AuthenticationToken) {
            // Only for a login session: reading the token creates the session that would hold it.
            CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (csrf != null) {
                me.put("csrf", Map.of("headerName", csrf.getHeaderName(), "parameterName", csrf.getParameterName(),
                        "token", csrf.getToken()));
            }
        }
        return me;
    }
}
