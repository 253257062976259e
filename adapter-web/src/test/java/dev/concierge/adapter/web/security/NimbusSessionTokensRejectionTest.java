package dev.concierge.adapter.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.concierge.application.port.out.SessionClaims;
import dev.concierge.application.port.out.SessionTokens;
import dev.concierge.domain.account.Role;
import dev.concierge.domain.account.SessionRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every kind of token {@link NimbusSessionTokens} must refuse, each built with nimbus directly and differing from a
 * token it accepts ({@link #theUnalteredTokenOfTheseTestsIsAccepted}) in one respect only.
 */
class NimbusSessionTokensRejectionTest {

    /** 64 bytes, so that HS384 and HS512 can sign with the very same secret. */
    private static final String SECRET = "a-secret-long-enough-for-hs512-which-wants-sixty-four-bytes-0123";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final SessionTokens tokens = new NimbusSessionTokens(SessionTokenSettings.withSecret(SECRET));

    @Test
    void theUnalteredTokenOfTheseTestsIsAccepted() throws JOSEException {
        String token = hmac(header(JWSAlgorithm.HS256).build(), claims().build());

        assertThat(tokens.verify(token, NOW)).isEqualTo(new SessionClaims("tenant-1", Role.OWNER, NOW,
                NOW.plusSeconds(3600), "token-1"));
        assertThat(SECRET.getBytes(StandardCharsets.UTF_8)).hasSize(64);
    }

    @Test
    void rejectsAnUnsecuredToken() {
        String unsecured = new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), claims().build())
                .serialize();

        assertRejected(unsecured);
    }

    @Test
    void rejectsASignedTokenWhoseHeaderIsSwappedForAlgNone() throws JOSEException {
        String[] parts = hmac(header(JWSAlgorithm.HS256).build(), claims().build()).split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();

        assertRejected(none + "." + parts[1] + "." + parts[2]);
        assertRejected(none + "." + parts[1] + ".");
    }

    @Test
    void rejectsHs384EvenWithTheSameSecret() throws JOSEException {
        assertRejected(hmac(header(JWSAlgorithm.HS384).build(), claims().build()));
    }

    @Test
    void rejectsHs512EvenWithTheSameSecret() throws JOSEException {
        assertRejected(hmac(header(JWSAlgorithm.HS512).build(), claims().build()));
    }

    @Test
    void rejectsRs256() throws JOSEException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey key = (RSAPrivateKey) generator.generateKeyPair().getPrivate();

        assertRejected(sign(new RSASSASigner(key), header(JWSAlgorithm.RS256).build(), claims().build()));
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() throws JOSEException {
        String foreign = sign(new MACSigner(SECRET.replace('a', 'b').getBytes(StandardCharsets.UTF_8)),
                header(JWSAlgorithm.HS256).build(), claims().build());

        assertRejected(foreign);
    }

    @Test
    void rejectsATokenWithoutExpiry() throws JOSEException {
        assertRejected(hs256(claims().expirationTime(null).build()));
    }

    @Test
    void rejectsATokenExpiredBeyondTheClockSkew() throws JOSEException {
        Instant expired = NOW.minus(SessionTokens.CLOCK_SKEW).minusSeconds(1);

        assertRejected(hs256(claims().issueTime(Date.from(expired.minusSeconds(3600)))
                .expirationTime(Date.from(expired)).build()));
    }

    @Test
    void rejectsATokenWithoutIssuedAt() throws JOSEException {
        assertRejected(hs256(claims().issueTime(null).build()));
    }

    @Test
    void rejectsAnotherIssuer() throws JOSEException {
        assertRejected(hs256(claims().issuer("someone-else").build()));
    }

    @Test
    void rejectsAMissingIssuer() throws JOSEException {
        assertRejected(hs256(claims().issuer(null).build()));
    }

    @Test
    void rejectsAnotherAudience() throws JOSEException {
        assertRejected(hs256(claims().audience("another-api").build()));
    }

    @Test
    void rejectsAnAudienceListThatHoldsMoreThanOurs() throws JOSEException {
        assertRejected(hs256(claims().audience(List.of("concierge-api", "another-api")).build()));
    }

    @Test
    void rejectsAMissingAudience() throws JOSEException {
        assertRejected(hs256(claims().audience((String) null).build()));
    }

    @Test
    void rejectsAnUnknownRole() throws JOSEException {
        assertRejected(hs256(claims().claim(NimbusSessionTokens.ROLE_CLAIM, "ROOT").build()));
        assertRejected(hs256(claims().claim(NimbusSessionTokens.ROLE_CLAIM, "owner").build()));
        assertRejected(hs256(claims().claim(NimbusSessionTokens.ROLE_CLAIM, 1).build()));
    }

    @Test
    void rejectsAMissingRole() throws JOSEException {
        assertRejected(hs256(claims().claim(NimbusSessionTokens.ROLE_CLAIM, null).build()));
    }

    @Test
    void rejectsAMissingSubject() throws JOSEException {
        assertRejected(hs256(claims().subject(null).build()));
    }

    @Test
    void rejectsAMissingTokenId() throws JOSEException {
        assertRejected(hs256(claims().jwtID(null).build()));
    }

    @Test
    void rejectsGarbage() {
        String[] garbage = {null, "", "Bearer", "a.b.c", "e30.e30.", "e30.e30.e30", "\u00e4.\u00f6.\u00fc"};
        for (String token : garbage) {
            assertRejected(token);
        }
    }

    @Test
    void rejectsATokenLongerThan4096CharactersBeforeLookingAtIt() throws JOSEException {
        int limit = NimbusSessionTokens.MAX_TOKEN_LENGTH;
        String longestAccepted = null;
        String shortestRefused = null;
        // Every three padding characters add four to the token: start a little short of the limit and step up.
        int start = (limit - hs256(claims().build()).length()) * 3 / 4 - 24;
        for (int padding = start; shortestRefused == null; padding++) {
            String token = hs256(claims().claim("pad", "x".repeat(padding)).build());
            if (token.length() <= limit) {
                longestAccepted = token;
            } else {
                shortestRefused = token;
            }
        }

        assertThat(longestAccepted.length()).isBetween(limit - 3, limit);
        assertThat(tokens.verify(longestAccepted, NOW).subject()).isEqualTo("tenant-1");
        assertThat(shortestRefused.length()).isBetween(limit + 1, limit + 3);
        assertRejected(shortestRefused);
    }

    @Test
    void rejectsACriticalHeaderItDoesNotKnow() throws JOSEException {
        JWSHeader critical = header(JWSAlgorithm.HS256).criticalParams(Set.of("concierge-extension"))
                .customParam("concierge-extension", true).build();

        assertRejected(hmac(critical, claims().build()));
    }

    @Test
    void rejectsATypeOtherThanJwt() throws JOSEException {
        assertRejected(hmac(header(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(),
                claims().build()));
    }

    @Test
    void rejectsAMissingType() throws JOSEException {
        assertRejected(hmac(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims().build()));
    }

    private void assertRejected(String token) {
        assertThatThrownBy(() -> tokens.verify(token, NOW))
                .isExactlyInstanceOf(SessionRejectedException.class)
                .hasNoCause();
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .subject("tenant-1")
                .claim(NimbusSessionTokens.ROLE_CLAIM, "OWNER")
                .issuer("concierge")
                .audience("concierge-api")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(3600)))
                .jwtID("token-1");
    }

    private static JWSHeader.Builder header(JWSAlgorithm algorithm) {
        return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT);
    }

    private static String hs256(JWTClaimsSet claims) throws JOSEException {
        return hmac(header(JWSAlgorithm.HS256).build(), claims);
    }

    private static String hmac(JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        return sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), header, claims);
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT token = new SignedJWT(header, claims);
        token.sign(signer);
        return token.serialize();
    }
}
