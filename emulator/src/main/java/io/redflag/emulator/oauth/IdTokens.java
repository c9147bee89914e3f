package io.redflag.emulator.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * Signs ID tokens with an RSA key made at start (2048 bits, RS256, its thumbprint as {@code kid}) and
 * publishes the public half as the JWKS at {@code /id/keys}. A restart makes a new key, so ID tokens of an
 * earlier run no longer verify, as after a key rotation.
 */
public final class IdTokens {
    /** A new connected app's ID token validity ("Token Valid for", 2 minutes by default). */
    public static final Duration VALIDITY = Duration.ofMinutes(2);
    private final RSAKey key;
    private final RSASSASigner signer;
    private final Clock clock;

    public IdTokens(Clock clock) {
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the ID token signing key: " + e.getMessage(), e);
        }
    }

    /**
     * An ID token for a login.
     *
     * @param subject     the user's identity URL, as Salesforce sets {@code sub}
     * @param nonce       the authorization request's nonce, or null (none given, or a refresh)
     * @param accessToken the access token issued beside it, for {@code at_hash}
     * @param userClaims  the standard and Salesforce claims about the user
     */
    public String issue(String issuer, String clientId, String subject, String nonce, String accessToken,
            Map<String, Object> userClaims) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        userClaims.forEach(claims::claim);
        claims.claim("at_hash", accessTokenHash(accessToken)).subject(subject).audience(clientId).issuer(issuer)
                .expirationTime(Date.from(now.plus(VALIDITY))).issueTime(Date.from(now));
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an ID token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** The JWKS document: the public signing key only. */
    public Map<String, Object> publicKeys() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    /** OpenID Connect Core §3.1.3.6: the left half of the SHA-256 of the token's ASCII bytes, base64url. */
    static String accessTokenHash(String accessToken) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
