package io.redflag.emulator.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes between a login and the token request: valid 15 minutes, good for one exchange. A
 * code presented a second time revokes the tokens its first exchange issued (RFC 6749 §4.1.2), since one of
 * the two callers holds a stolen code.
 */
final class AuthorizationCodes {
    /** How long Salesforce's authorization codes stay valid. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    /** What a login granted, bound to its code. */
    record Grant(String clientId, String redirectUri, List<String> scopes, String nonce, String codeChallenge,
            String userId, Instant issuedAt) {
    }

    private final Map<String, Grant> pending = new ConcurrentHashMap<>();
    /** Redeemed codes (until they would have expired) → the tokens their exchange issued. */
    private final Map<String, Redeemed> redeemed = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Sessions sessions;

    private record Redeemed(Instant issuedAt, List<String> tokens) {
    }

    AuthorizationCodes(Clock clock, Sessions sessions) {
        this.clock = clock;
        this.sessions = sessions;
    }

    String issue(Grant grant) {
        forgetExpired();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = "aPrx" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(code, grant);
        return code;
    }

    /**
     * The grant behind a code, once; null for a code that is unknown or already used (then the tokens of
     * its first exchange are revoked). The caller checks expiry, to tell the client which it was.
     */
    Grant redeem(String code) {
        if (code == null) {
            return null;
        }
        Grant grant = pending.remove(code);
        if (grant != null) {
            redeemed.put(code, new Redeemed(grant.issuedAt(), new ArrayList<>()));
            return grant;
        }
        Redeemed replayed = redeemed.get(code);
        if (replayed != null) {
            synchronized (replayed) {
                replayed.tokens().forEach(sessions::revoke);
                replayed.tokens().clear();
            }
        }
        return null;
    }

    /** Remembers the tokens an exchange of this code issued, so that a replay can revoke them. */
    void issued(String code, List<String> tokens) {
        Redeemed r = redeemed.get(code);
        if (r != null) {
            synchronized (r) {
                r.tokens().addAll(tokens);
            }
        }
    }

    boolean expired(Grant grant) {
        return grant.issuedAt().plus(LIFETIME).isBefore(clock.instant());
    }

    private void forgetExpired() {
        Instant cutoff = clock.instant().minus(LIFETIME);
        pending.values().removeIf(g -> g.issuedAt().isBefore(cutoff));
        redeemed.values().removeIf(r -> r.issuedAt().isBefore(cutoff));
    }
}
