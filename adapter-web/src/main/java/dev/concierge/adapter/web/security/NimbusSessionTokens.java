package dev.concierge.adapter.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.concierge.application.port.out.SessionClaims;
import dev.concierge.application.port.out.SessionTokens;
import dev.concierge.domain.account.Role;
import dev.concierge.domain.account.SessionRejectedException;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

/**
 * Session tokens as JWTs signed with HS256 and the secret of the {@link SessionTokenSettings}. A token carries
 * {@code sub}, {@code role}, {@code iss}, {@code aud}, {@code iat}, {@code exp} and {@code jti}, with header
 * {@code typ: JWT}; verification accepts nothing else: no other algorithm, no unsecured token, no other type, no
 * critical header it does not know, and no token longer than {@value #MAX_TOKEN_LENGTH} characters. Expiry is
 * checked against the {@code now} given to {@link #verify}, never the system clock. Safe for concurrent use.
 */
public final class NimbusSessionTokens implements SessionTokens {

    /** The longest token looked at; a longer one is refused before it is parsed. Ours are about 300 characters. */
    static final int MAX_TOKEN_LENGTH = 4096;
    static final String ROLE_CLAIM = "role";

    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> ONLY_JWT =
            new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT);
    private static final Set<String> REQUIRED_CLAIMS = Set.of(JWTClaimNames.SUBJECT, ROLE_CLAIM,
            JWTClaimNames.ISSUER, JWTClaimNames.AUDIENCE, JWTClaimNames.ISSUED_AT, JWTClaimNames.EXPIRATION_TIME,
            JWTClaimNames.JWT_ID);

    private final MACSigner signer;
    private final JWSKeySelector<SecurityContext> keySelector;
    private final String issuer;
    private final String audience;
    private final JWTClaimsSet exactMatch;

    /**
     * @throws IllegalArgumentException if the secret is too short for HS256; the message never contains it
     */
    public NimbusSessionTokens(SessionTokenSettings settings) {
        Objects.requireNonNull(settings, "settings");
        byte[] key = settings.key();
        try {
            this.signer = new MACSigner(key);
        } catch (KeyLengthException tooShort) {
            throw new IllegalArgumentException("the session token secret is too short for HS256");
        }
        this.keySelector = new JWSVerificationKeySelector<>(ALGORITHM, new ImmutableSecret<>(key));
        this.issuer = settings.issuer();
        this.audience = settings.audience();
        this.exactMatch = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).build();
    }

    @Override
    public String issue(SessionClaims claims) {
        JWSHeader header = new JWSHeader.Builder(ALGORITHM).type(JOSEObjectType.JWT).build();
        JWTClaimsSet body = new JWTClaimsSet.Builder()
                .subject(claims.subject())
                .claim(ROLE_CLAIM, claims.role().name())
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(claims.tokenId())
                .build();
        SignedJWT token = new SignedJWT(header, body);
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a session token", e);
        }
        return token.serialize();
    }

    @Override
    public SessionClaims verify(String token, Instant now) {
        Objects.requireNonNull(now, "now");
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw new SessionRejectedException();
        }
        try {
            JWTClaimsSet claims = processorAt(now).process(token, null);
            return new SessionClaims(claims.getSubject(), Role.valueOf(claims.getStringClaim(ROLE_CLAIM)),
                    claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant(), claims.getJWTID());
        } catch (Exception anyReason) {
            // Malformed, forged, expired, foreign or unknown role: one answer for all, and no cause handed on.
            throw new SessionRejectedException();
        }
    }

    /** A processor that judges expiry at {@code now}; cheap to make, so one is made per call. */
    private DefaultJWTProcessor<SecurityContext> processorAt(Instant now) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(ONLY_JWT);
        processor.setJWSKeySelector(keySelector);
        processor.setJWTClaimsSetVerifier(new ClaimsVerifierAt(now, exactMatch, audience));
        return processor;
    }

    /** Nimbus's claims checks (exact issuer and audience, required claims, expiry with the skew) at a given time. */
    private static final class ClaimsVerifierAt extends DefaultJWTClaimsVerifier<SecurityContext> {

        private final Date now;

        ClaimsVerifierAt(Instant now, JWTClaimsSet exactMatch, String audience) {
            super(Set.of(audience), exactMatch, REQUIRED_CLAIMS, null);
            this.now = Date.from(now);
            setMaxClockSkew(Math.toIntExact(CLOCK_SKEW.toSeconds()));
        }

        @Override
        protected Date currentTime() {
            return now;
        }
    }
}
