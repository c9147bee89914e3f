package io.redflag.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * API tokens (table api_token, whose only owner this is). A token is {@value #PREFIX} and 32 random bytes in
 * base64url; only its SHA-256 hash is stored, so the table cannot give a token away. Every use looks the hash
 * up, so a revoked token is refused from the next request on.
 */
@Component
public class ApiTokens {
    /** Tells an API token from a JWT in an Authorization header, and a leaked one from other secrets. */
    public static final String PREFIX = "rf_";
    static final int MAX_NAME = 100;
    /** A token's last use is written at most this often: not one write per request. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final int RANDOM_BYTES = 32;

    /** A token just created: the only time its value is known. */
    public record Created(long id, String name, String role, String token, String createdBy, Instant createdAt) {
        @Override
        public String toString() {
            return "Created[id=" + id + ", name=" + name + ", role=" + role + ", createdBy=" + createdBy + "]";
        }
    }

    /** A token as listed: everything but its value. */
    public record Listed(long id, String name, String role, String createdBy, Instant createdAt, Instant lastUsedAt,
            boolean revoked, Instant revokedAt) {
    }

    /** Who presents a valid token. */
    record Holder(long id, String name, Role role) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** A new token; IllegalArgumentException naming the field when the name or role is not valid. */
    public Created create(String name, Role role, String createdBy) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException("name is required: 1 to " + MAX_NAME + " characters");
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (name, role, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(name.strip(), role.key(), hash(token), createdBy, utc(now)).update(key, "id");
        return new Created(key.getKeyAs(Number.class).longValue(), name.strip(), role.key(), token, createdBy, now);
    }

    public List<Listed> list() {
        return jdbc.sql("SELECT id, name, role, created_by, created_at, last_used_at, revoked_at FROM api_token"
                + " ORDER BY id").query((rs, i) -> {
                    Instant revokedAt = instant(rs.getObject(7, OffsetDateTime.class));
                    return new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs.getObject(5, OffsetDateTime.class)),
                            instant(rs.getObject(6, OffsetDateTime.class)),
                            revokedAt != null, revokedAt);
                }).list();
    }

    /** Revokes the token; false when there is none with that id. Revoking twice keeps the first time. */
    public boolean revoke(long id) {
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(utc(clock.instant()),
                id).update();
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }

    /**
     * Makes {@code token}, chosen by an operator, a valid token of this name and role: kept if it is one
     * already, otherwise stored (its hash) after the valid tokens of the same name and creator are revoked,
     * so changing the operator's value replaces the old token. False when it was valid already.
     */
    public boolean provision(String name, Role role, String token, String createdBy) {
        String hash = hash(token);
        if (valid(hash, name, role)) {
            return false;
        }
        revokeAll(name, createdBy);
        jdbc.sql("DELETE FROM api_token WHERE token_hash = ?").param(hash).update(); // a revoked one comes back
        try {
            jdbc.sql("INSERT INTO api_token (name, role, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(name, role.key(), hash, createdBy, utc(clock.instant())).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // Another replica starting at the same moment provisioned the same token first (seen in the chaos
            // tests: the second replica used to stop at start-up). Its row is the token; nothing more to do.
            if (!valid(hash, name, role)) {
                throw e;
            }
            return false;
        }
        return true;
    }

    private boolean valid(String hash, String name, Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ? AND name = ? AND role = ? AND revoked_at"
                + " IS NULL").params(hash, name, role.key()).query(Integer.class).single() > 0;
    }

    /** Revokes every token of that name and creator still valid, e.g. the demo's token of an earlier run. */
    public int revokeAll(String name, String createdBy) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE name = ? AND created_by = ? AND revoked_at IS NULL")
                .params(utc(clock.instant()), name, createdBy).update();
    }

    /** The holder of a valid (known, not revoked) token; records its use. */
    Optional<Holder> authenticate(String token) {
        Instant now = clock.instant();
        Optional<Holder> holder = jdbc.sql("SELECT id, name, role FROM api_token WHERE token_hash = ? AND revoked_at"
                + " IS NULL").param(hash(token)).query((rs, i) -> new Holder(rs.getLong(1), rs.getString(2),
                        Role.of(rs.getString(3)))).optional();
        holder.ifPresent(h -> jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL"
                + " OR last_used_at < ?)").params(utc(now), h.id(), utc(now.minus(LAST_USE_PRECISION))).update());
        return holder;
    }

    /** The stored form of a token: its SHA-256 in lower-case hex. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
