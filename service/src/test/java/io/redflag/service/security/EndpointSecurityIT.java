package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.service.TestAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebOperationRequestPredicate;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpointDiscoverer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the running service maps, found at run time (controllers and every exposed actuator
 * operation), so a new one cannot be left open by accident: without credentials 401 (only the listed public
 * ones answer), a viewer 403 on admin actions and through elsewhere, an admin through everywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.sync.auto-startup=false"})
class EndpointSecurityIT {
    /** What anyone may call; written out here on purpose, apart from AccessRules. */
    private static final Set<String> PUBLIC = Set.of("GET /actuator/health", "GET /actuator/health/{*path}",
            "GET /actuator/info", "POST /crm/outbound-messages");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    WebEndpointDiscoverer actuator;
    @Autowired
    PathMappedEndpoints actuatorPaths;
    @Autowired
    ApiTokens tokens;

    private String viewer;
    private String admin;

    @BeforeEach
    void tokens() {
        viewer = TestAccess.viewer(tokens);
        admin = TestAccess.admin(tokens);
    }

    /** "METHOD /path/{var}" of every controller mapping and actuator operation, and the actuator's links. */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping -> mapping
                .getHandlerMethods().keySet().forEach(info -> {
                    Set<String> methods = new TreeSet<>();
                    info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                    if (methods.isEmpty()) {
                        methods.addAll(List.of("GET", "POST")); // any method: the two that matter
                    }
                    info.getPatternValues().forEach(p -> methods.forEach(m -> endpoints.add(m + " " + p)));
                }));
        String base = actuatorPaths.getBasePath();
        endpoints.add("GET " + base);
        actuator.getEndpoints().forEach(e -> e.getOperations().forEach(op -> {
            WebOperationRequestPredicate p = op.getRequestPredicate();
            endpoints.add(p.getHttpMethod().name() + " " + base + "/" + p.getPath());
        }));
        return endpoints;
    }

    private static boolean adminAction(String method, String path) {
        return path.startsWith("/api/admin/") || path.equals("/api/admin") || path.startsWith("/admin/")
                || path.equals("/admin") || path.startsWith("/actuator") && !method.equals("GET");
    }

    private HttpResponse<String> call(String endpoint, String authorization) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        // Path variables get a value that names nothing, so no call changes anything.
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "999999");
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyEndpointButThePublicOnesRefusesACallerWithoutCredentials() throws Exception {
        Set<String> endpoints = endpoints();
        assertThat(endpoints).as("the walk finds the API, the admin API and the actuator").contains(
                "GET /api/accounts", "POST /api/admin/tokens", "POST /actuator/sync", "GET /actuator/metrics");
        Map<String, Integer> open = new LinkedHashMap<>();
        for (String endpoint : endpoints) {
            HttpResponse<String> r = call(endpoint, null);
            if (PUBLIC.contains(endpoint)) {
                assertThat(r.statusCode()).as(endpoint + ": " + r.body()).isNotIn(401, 403);
                continue;
            }
            if (r.statusCode() != 401 || !r.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/problem+json")) {
                open.put(endpoint, r.statusCode());
            }
        }
        assertThat(open).as("endpoints answering without credentials (or without a problem detail)").isEmpty();
    }

    @Test
    void aViewerIsRefusedEveryAdminActionAndAnAdminIsLetThroughEverywhere() throws Exception {
        Map<String, Integer> wrong = new LinkedHashMap<>();
        for (String endpoint : endpoints()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            int asViewer = call(endpoint, viewer).statusCode();
            if (adminAction(method, path) ? asViewer != 403 : asViewer == 401 || asViewer == 403) {
                wrong.put("viewer " + endpoint, asViewer);
            }
            int asAdmin = call(endpoint, admin).statusCode();
            // /error called directly has no error to show: 500 by design, and nothing to secure.
            if (asAdmin == 401 || asAdmin == 403 || asAdmin >= 500 && !path.equals("/error")) {
                wrong.put("admin " + endpoint, asAdmin);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
