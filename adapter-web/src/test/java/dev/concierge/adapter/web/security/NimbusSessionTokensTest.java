package dev.concierge.adapter.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.concierge.application.port.out.SessionClaims;
import dev.concierge.application.port.out.SessionTokens;
import dev.concierge.application.testing.SessionTokensContractTest;
import dev.concierge.domain.account.Role;
import dev.concierge.domain.account.SessionRejectedException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The session token contract on signed JWTs, plus the exact shape of the tokens issued and the settings. */
class NimbusSessionTokensTest extends SessionTokensContractTest {

    private static final String SECRET = "the-contract-tests-own-secret-of-48-bytes-length";
    private static final Instant ISSUED = Instant.parse("2026-11-27T10:00:00Z");
    private static final SessionClaims OWNER = new SessionClaims("6f1c1f0e-5d7a-4b8e-9a7c-2f9d7a1b3c4d", Role.OWNER,
            ISSUED, ISSUED.plusSeconds(5400), "token-7");

    @Override
    protected SessionTokens tokens() {
        return new NimbusSessionTokens(SessionTokenSettings.withSecret(SECRET));
    }

    @Override
    protected SessionTokens tokensWithAnotherSecret() {
        return new NimbusSessionTokens(SessionTokenSettings.withSecret(SessionTokenSettings.randomSecret()));
    }

    @Override
    protected String secret() {
        return SECRET;
    }

    @Test
    void theHeaderSaysExactlyHs256AndJwt() throws ParseException {
        String token = tokens().issue(OWNER);

        assertThat(part(token, 0)).containsExactlyInAnyOrderEntriesOf(Map.of("alg", "HS256", "typ", "JWT"));
    }

    @Test
    void thePayloadCarriesTheClaimsIssuerAndAudienceAndNothingElse() throws ParseException {
        String token = new NimbusSessionTokens(new SessionTokenSettings(SECRET, "concierge-test", "concierge-test-api"))
                .issue(OWNER);

        Map<String, Object> payload = part(token, 1);
        assertThat(payload).containsOnlyKeys("sub", "role", "iss", "aud", "iat", "exp", "jti");
        assertThat(payload)
                .containsEntry("sub", OWNER.subject())
                .containsEntry("role", "OWNER")
                .containsEntry("iss", "concierge-test")
                .containsEntry("aud", "concierge-test-api")
                .containsEntry("jti", "token-7");
        assertThat(((Number) payload.get("iat")).longValue()).isEqualTo(ISSUED.getEpochSecond());
        assertThat(((Number) payload.get("exp")).longValue()).isEqualTo(ISSUED.getEpochSecond() + 5400);
    }

    @Test
    void theIssuerAndAudienceOfTheSettingsAreThoseChecked() {
        SessionTokens otherAudience = new NimbusSessionTokens(new SessionTokenSettings(SECRET, "concierge",
                "another-api"));
        String token = otherAudience.issue(OWNER);

        assertThat(otherAudience.verify(token, ISSUED)).isEqualTo(OWNER);
        assertThatThrownBy(() -> tokens().verify(token, ISSUED))
                .isInstanceOf(SessionRejectedException.class);
    }

    @Test
    void verifyingOnANonBlockingThreadDoesNotBlock() {
        SessionTokens tokens = tokens();
        Mono<SessionClaims> onParallel = Mono.fromCallable(() -> tokens.verify(tokens.issue(OWNER), ISSUED))
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(onParallel).expectNext(OWNER).expectComplete().verify(Duration.ofSeconds(10));
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedWithoutBeingRepeated() {
        String shortSecret = "only-thirty-one-bytes-of-secret";

        assertThat(shortSecret).hasSize(31);
        assertThatThrownBy(() -> new NimbusSessionTokens(SessionTokenSettings.withSecret(shortSecret)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(shortSecret);
        SessionTokens justLongEnough = new NimbusSessionTokens(SessionTokenSettings.withSecret(shortSecret + "!"));
        assertThat(justLongEnough.verify(justLongEnough.issue(OWNER), ISSUED)).isEqualTo(OWNER);
    }

    @Test
    void theSettingsNeverPrintTheSecret() {
        SessionTokenSettings settings = SessionTokenSettings.withSecret(SECRET);

        assertThat(settings.toString()).doesNotContain(SECRET).contains("concierge", "concierge-api");
        assertThat(settings.issuer()).isEqualTo("concierge");
        assertThat(settings.audience()).isEqualTo("concierge-api");
    }

    @Test
    void randomSecretsAreLongEnoughAndNeverTheSame() {
        String first = SessionTokenSettings.randomSecret();

        assertThat(first).hasSize(64).matches("[A-Za-z0-9_-]+").isNotEqualTo(SessionTokenSettings.randomSecret());
        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(48);
    }

    private static Map<String, Object> part(String token, int index) throws ParseException {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    }
}
