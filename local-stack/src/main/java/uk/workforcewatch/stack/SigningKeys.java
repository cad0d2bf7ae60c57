package uk.workforcewatch.stack;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import uk.workforcewatch.stack.demo.DemoTokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * The local stack's own token issuer: an RSA key pair made on first start and kept in the stack's folder (never
 * in the repository); the services trust its public key, and the demo tokens are signed with its private key.
 */
final class SigningKeys implements DemoTokens {

    static final String ISSUER = "https://workforce-watch.local/issuer";
    /** The services' default {@code JWT_AUDIENCE}. */
    static final String AUDIENCE = "workforce-watch";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private SigningKeys(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    static SigningKeys loadOrCreate(Path data) throws IOException {
        Path folder = Files.createDirectories(data.resolve("jwt"));
        Path privateFile = folder.resolve("privateKey.pem");
        Path publicFile = folder.resolve("publicKey.pem");
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            }
            byte[] encoded = Base64.getMimeDecoder().decode(Files.readString(privateFile)
                    .replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return new SigningKeys(key, publicFile);
        } catch (GeneralSecurityException e) {
            throw new IOException("The stack's signing key in " + folder + " is unreadable; start with --fresh", e);
        }
    }

    Path publicKeyFile() {
        return publicKeyFile;
    }

    @Override
    public String hrOfficer() {
        return token("hr-officer", "demo-hr-officer");
    }

    @Override
    public String seniorManager() {
        return token("senior-manager", "demo-senior-manager");
    }

    @Override
    public String teamManager(UUID team) {
        JwtClaims claims = claims("team-manager", "demo-team-manager-" + team);
        claims.setClaim("team", team.toString());
        return sign(claims);
    }

    private String token(String role, String user) {
        return sign(claims(role, user));
    }

    private static JwtClaims claims(String role, String user) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setStringListClaim("groups", role);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(TOKEN_LIFETIME.toMinutes());
        claims.setGeneratedJwtId();
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(privateKey);
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("The demo token could not be signed", e);
        }
    }

    private static String pem(String type, byte[] encoded) {
        String body = new String(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encode(encoded),
                StandardCharsets.US_ASCII);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
