package io.redflag.emulator.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Access tokens issued by the token endpoint. A token stays valid while it is used within the session
 * timeout (two hours by default, as in a new org), or until the expire-after-N-calls fault ends it. Refresh
 * tokens stay valid until revoked (a new connected app's default policy).
 */
public final class Sessions {
    /** What client-credentials and JWT-bearer sessions are granted. */
    static final List<String> API_SCOPES = List.of("api");
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Map<String, Refresh> byRefreshToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final String orgId;
    private volatile Duration timeout = Duration.ofHours(2);

    /** One session: who it acts as, with which scopes, and how many API calls it has made. */
    public static final class Session {
        private final String userId;
        private final List<String> scopes;
        private final AtomicLong calls = new AtomicLong();
        private volatile Instant lastUsed;

        Session(String userId, List<String> scopes, Instant now) {
            this.userId = userId;
            this.scopes = List.copyOf(scopes);
            this.lastUsed = now;
        }

        public String userId() {
            return userId;
        }

        public List<String> scopes() {
            return scopes;
        }

        public long calls() {
            return calls.get();
        }
    }

    public Sessions(Clock clock, String orgId) {
        this.clock = clock;
        this.orgId = orgId;
    }

    /** What a refresh token stands for: the user and the scopes of the login that earned it. */
    public record Refresh(String userId, List<String> scopes) {
    }

    /** A new access token in Salesforce's shape: the org id, '!', and an opaque part. */
    public String issue(String userId) {
        return issue(userId, API_SCOPES);
    }

    public String issue(String userId, List<String> scopes) {
        String token = orgId.substring(0, 15) + "!" + opaque(48);
        byToken.put(token, new Session(userId, scopes, clock.instant()));
        return token;
    }

    public String issueRefreshToken(String userId, List<String> scopes) {
        String token = "5Aep" + opaque(64);
        byRefreshToken.put(token, new Refresh(userId, List.copyOf(scopes)));
        return token;
    }

    /** What a refresh token stands for; null when it is unknown or revoked. */
    public Refresh refresh(String refreshToken) {
        return refreshToken == null ? null : byRefreshToken.get(refreshToken);
    }

    /** Ends an access or refresh token, e.g. when the authorization code that earned it is replayed. */
    public void revoke(String token) {
        byToken.remove(token);
        byRefreshToken.remove(token);
    }

    /**
     * The live session for a token without counting an API call (the identity service is not the API);
     * null when the token is unknown or timed out.
     */
    public Session find(String token) {
        Session s = token == null ? null : byToken.get(token);
        Instant now = clock.instant();
        if (s == null || s.lastUsed.plus(timeout).isBefore(now)) {
            return null;
        }
        s.lastUsed = now;
        return s;
    }

    /**
     * The session for a token, counting this call; null when the token is unknown, timed out, or has used up
     * {@code maxCalls} calls (0 = no such limit).
     */
    public Session use(String token, long maxCalls) {
        if (token == null) {
            return null;
        }
        Session s = byToken.get(token);
        Instant now = clock.instant();
        if (s == null || s.lastUsed.plus(timeout).isBefore(now)) {
            return null;
        }
        long n = s.calls.incrementAndGet();
        if (maxCalls > 0 && n > maxCalls) {
            byToken.remove(token);
            return null;
        }
        s.lastUsed = now;
        return s;
    }

    public void timeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** Ends every session and refresh token, as a password reset or an admin's "revoke" does. */
    public void revokeAll() {
        byToken.clear();
        byRefreshToken.clear();
    }

    public int active() {
        return byToken.size();
    }

    private String opaque(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
