package io.redflag.emulator.oauth;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP answer of the OpenID Connect endpoints, independent of the server that sends it.
 *
 * @param headers extra response headers (Location, Cache-Control …)
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What Salesforce sends with tokens, login pages and user data: nothing of it may be cached. */
    private static final Map<String, String> NO_STORE = Map.of(
            "Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private", "Pragma", "no-cache");

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, Map<String, ?> body) {
        return new Reply(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body), Map.of());
    }

    static Reply html(int status, String html) {
        return new Reply(status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), Map.of())
                .with("X-Frame-Options", "DENY").with("Referrer-Policy", "no-referrer").noStore();
    }

    static Reply text(int status, String text) {
        return new Reply(status, "text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply redirect(String location) {
        return new Reply(302, "text/plain;charset=UTF-8", new byte[0], Map.of("Location", location)).noStore();
    }

    Reply noStore() {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.putAll(NO_STORE);
        return new Reply(status, contentType, body, more);
    }

    Reply with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Reply(status, contentType, body, more);
    }
}
