package io.redflag.service.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * How refusals are answered: an RFC 9457 problem ({@code application/problem+json}) that says what to do,
 * never a stack trace; a browser page request without a login is sent to the login instead. 401 carries
 * {@code WWW-Authenticate: Bearer} (with the reason when a token was refused) for machine clients.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;
    private final RequestMatcher pageRequests;
    private final AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(AccessRules.LOGIN);
    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    ProblemResponses(JsonMapper json, RequestMatcher pageRequests) {
        this.json = json;
        this.pageRequests = pageRequests;
    }

    /** No credentials, or a bearer token that was refused. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (e instanceof OAuth2AuthenticationException refused) {
            bearer.commence(request, response, e); // status and WWW-Authenticate with the error
            String why = refused.getError().getDescription();
            log.debug("{} {}: bearer token refused: {}", request.getMethod(), request.getRequestURI(), why);
            write(request, response, HttpStatus.UNAUTHORIZED, "The bearer token was refused: "
                    + (why == null ? refused.getError().getErrorCode() : why));
            return;
        }
        if (pageRequests.matches(request)) {
            login.commence(request, response, e);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "Authentication is required: send Authorization: Bearer"
                + " with an API token or a JWT, or log in at " + AccessRules.LOGIN);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "The CSRF token is missing or wrong: send the one GET /api/me shows in its header (a login session"
                        + " needs it on every request that changes something)"
                : "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI()
                        + " (admin actions need the admin role)";
        write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    /** A login at the CRM that Redflag refuses: a user of another org (403), or the flow failed (401). */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String why = e instanceof OAuth2AuthenticationException o && o.getError().getDescription() != null
                ? o.getError().getDescription() : e.getMessage();
        boolean wrongOrg = e instanceof OAuth2AuthenticationException o
                && CrmUsers.WRONG_ORG.equals(o.getError().getErrorCode());
        log.warn("Login refused: {}", why);
        write(request, response, wrongOrg ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED, "Login refused: " + why);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(PROBLEM.toString());
        json.writeValue(response.getOutputStream(), problem);
    }
}
