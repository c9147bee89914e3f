package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for login tests: a cookie jar, redirects shown rather than followed, and the CRM's login form
 * filled in as a person would (the form's hidden fields sent back with the username and password).
 */
final class LoginBrowser {
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"");
    private final String service;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null,
            CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER).build();

    LoginBrowser(int port) {
        this.service = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String pathOrUrl) throws Exception {
        return http.send(HttpRequest.newBuilder(url(pathOrUrl)).header("Accept", "text/html,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST to the service, with the CSRF header when {@code csrf} is not null (name and token). */
    HttpResponse<String> post(String path, String json, Map.Entry<String, String> csrf) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            r.header(csrf.getKey(), csrf.getValue());
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * From the service's login link through the CRM's login page and back: the answer of the service's
     * callback (a redirect into the service when the login is accepted).
     */
    HttpResponse<String> logIn(String username, String password) throws Exception {
        HttpResponse<String> toCrm = get(AccessRules.LOGIN);
        assertThat(toCrm.statusCode()).as(toCrm.body()).isEqualTo(302);
        URI authorize = URI.create(toCrm.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = get(authorize.toString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            form.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        form.put("username", username);
        form.put("password", password);
        URI action = authorize.resolve("/services/oauth2/authorize");
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream().map(e -> encode(e.getKey()) + "="
                        + encode(e.getValue())).collect(Collectors.joining("&")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as("the CRM accepts the password: " + loggedIn.body()).isEqualTo(302);
        String callback = loggedIn.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(service + "/login/oauth2/code/salesforce?");
        return get(callback);
    }

    private URI url(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : service + pathOrUrl);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
