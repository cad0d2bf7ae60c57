package uk.workforcewatch.testing;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signed RS256 bearer tokens for each role, with a key pair made for this test run. The services
 * under test verify them with {@link #publicKeyPem()}.
 */
public final class Tokens {

    public static final String ISSUER = "https://workforce-watch.test/issuer";
    /** Who the tokens are for: the services accept no token meant for another system. */
    public static final String AUDIENCE = "workforce-watch";

    private static final KeyPair KEYS = newKeyPair();
    private static final KeyPair STRANGER = newKeyPair();

    private Tokens() {
    }

    public static String teamManager(UUID team) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn("tm-" + team).groups(Set.of("team-manager"))
                .claim("team", team.toString())
                .expiresIn(Duration.ofHours(1)).sign(KEYS.getPrivate());
    }

    public static String seniorManager() {
        return token("senior-manager", KEYS.getPrivate(), Instant.now().plus(Duration.ofHours(1)));
    }

    public static String hrOfficer() {
        return token("hr-officer", KEYS.getPrivate(), Instant.now().plus(Duration.ofHours(1)));
    }

    /** A token whose expiry has passed. */
    public static String expired(String role) {
        return token(role, KEYS.getPrivate(), Instant.now().minus(Duration.ofHours(1)));
    }

    /** A well-formed token signed with a key the services do not trust. */
    public static String signedByStranger(String role) {
        return token(role, STRANGER.getPrivate(), Instant.now().plus(Duration.ofHours(1)));
    }

    /** A valid token of the role with exactly these extra claims (an {@code aud} given replaces the audience). */
    public static String signedWithClaims(String role, Map<String, Object> claims) {
        var builder = Jwt.issuer(ISSUER).audience(AUDIENCE).upn(role + "-user").groups(Set.of(role))
                .expiresIn(Duration.ofHours(1));
        claims.forEach(builder::claim);
        return builder.sign(KEYS.getPrivate());
    }

    public static String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----";
    }

    private static String token(String role, PrivateKey key, Instant expiresAt) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(role + "-user").groups(Set.of(role))
                .issuedAt(expiresAt.minus(Duration.ofHours(2)))
                .expiresAt(expiresAt).sign(key);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
