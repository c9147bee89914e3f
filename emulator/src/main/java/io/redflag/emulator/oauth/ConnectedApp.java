package io.redflag.emulator.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The org's one connected app: its consumer key and secret, its callback URLs, and the OAuth scopes it was
 * given in Setup (all that the emulator serves).
 */
public record ConnectedApp(String clientId, String clientSecret, List<String> callbackUrls) {
    /** The scopes the app may be granted, in the order the discovery document lists them. */
    public static final List<String> SCOPES = List.of("openid", "profile", "email", "address", "phone", "id", "api",
            "refresh_token", "offline_access", "custom_permissions");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    public ConnectedApp {
        callbackUrls = List.copyOf(callbackUrls);
    }

    public boolean isClient(String id) {
        return clientId.equals(id);
    }

    public boolean secretMatches(String given) {
        return given != null && MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a redirect URI is one of the callback URLs. Salesforce compares them exactly; a loopback
     * callback (http://127.0.0.1 or http://localhost) matches on any port, as RFC 8252 §7.3 asks of servers,
     * so that a client on a port chosen at start can log in.
     */
    public boolean allowsCallback(String redirectUri) {
        if (redirectUri == null) {
            return false;
        }
        for (String callback : callbackUrls) {
            if (callback.equals(redirectUri) || sameLoopbackEndpoint(callback, redirectUri)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameLoopbackEndpoint(String registered, String requested) {
        try {
            URI a = new URI(registered);
            URI b = new URI(requested);
            return "http".equals(a.getScheme()) && "http".equals(b.getScheme()) && a.getHost() != null
                    && LOOPBACK_HOSTS.contains(a.getHost().toLowerCase(Locale.ROOT))
                    && a.getHost().equalsIgnoreCase(b.getHost()) && a.getRawUserInfo() == null
                    && b.getRawUserInfo() == null && Objects.equals(a.getRawPath(), b.getRawPath())
                    && Objects.equals(a.getRawQuery(), b.getRawQuery()) && b.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The secret is not for logs. */
    @Override
    public String toString() {
        return "ConnectedApp[" + clientId + ", callbacks " + callbackUrls + "]";
    }
}
