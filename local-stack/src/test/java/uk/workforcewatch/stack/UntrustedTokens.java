package uk.workforcewatch.stack;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Tokens the services must refuse, each wrong in one way only: expired, signed by a key nobody trusts, or meant for
 * another system. The first and last are signed with the stack's own key, so only their flaw can be the reason.
 */
final class UntrustedTokens {

    private final PrivateKey stackKey;
    private final PrivateKey strangerKey;

    private UntrustedTokens(PrivateKey stackKey, PrivateKey strangerKey) {
        this.stackKey = stackKey;
        this.strangerKey = strangerKey;
    }

    /** Reads the stack's private key from its folder and makes a key pair of the test's own for the stranger. */
    static UntrustedTokens of(StackConfig config) throws IOException, GeneralSecurityException {
        Path pem = config.data().resolve("jwt").resolve("privateKey.pem");
        byte[] encoded = Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey stackKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return new UntrustedTokens(stackKey, generator.generateKeyPair().getPrivate());
    }

    /** An HR officer's token that ran out an hour ago (well past any clock skew allowed). */
    String expired() {
        JwtClaims claims = hrOfficer(SigningKeys.AUDIENCE);
        NumericDate issued = NumericDate.now();
        issued.addSeconds(-2 * 3600);
        NumericDate expired = NumericDate.now();
        expired.addSeconds(-3600);
        claims.setIssuedAt(issued);
        claims.setExpirationTime(expired);
        return sign(claims, stackKey);
    }

    /** A valid-looking HR officer's token signed by a key the services do not trust. */
    String signedByStranger() {
        return sign(hrOfficer(SigningKeys.AUDIENCE), strangerKey);
    }

    /** An HR officer's token from the stack's issuer, but for another system. */
    String forAnotherAudience() {
        return sign(hrOfficer("payroll"), stackKey);
    }

    private static JwtClaims hrOfficer(String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(SigningKeys.ISSUER);
        claims.setAudience(audience);
        claims.setSubject("untrusted-hr-officer");
        claims.setClaim("upn", "untrusted-hr-officer");
        claims.setStringListClaim("groups", "hr-officer");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setGeneratedJwtId();
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key);
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("A test token could not be signed", e);
        }
    }
}
