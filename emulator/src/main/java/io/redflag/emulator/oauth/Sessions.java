package io.redflag.emulator.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Access tokens issued by the token endpoint. A token stays valid while it is used within the session
 * timeout (two hours by default, as in a new org), or until the expire-after-N-calls fault ends it.
 */
public final class Sessions {
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final String orgId;
    private volatile Duration timeout = Duration.ofHours(2);

    /** One session: who it acts as, and how many API calls it has made. */
    public static final class Session {
        private final String userId;
        private final AtomicLong calls = new AtomicLong();
        private volatile Instant lastUsed;

        Session(String userId, Instant now) {
            this.userId = userId;
            this.lastUsed = now;
        }

        public String userId() {
            return userId;
        }

        public long calls() {
            return calls.get();
        }
    }

    public Sessions(Clock clock, String orgId) {
        this.clock = clock;
        this.orgId = orgId;
    }

    /** A new access token in Salesforce's shape: the org id, '!', and an opaque part. */
    public String issue(String userId) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = orgId.substring(0, 15) + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byToken.put(token, new Session(userId, clock.instant()));
        return token;
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

    /** Ends every session, as a password reset or an admin's "revoke" does. */
    public void revokeAll() {
        byToken.clear();
    }

    public int active() {
        return byToken.size();
    }
}
