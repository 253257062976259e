package dev.concierge.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aSecretIs32RandomBytesInUrlSafeBase64() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String value = SecretToken.generate().value();
            assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+");
            seen.add(value);
        }
        assertThat(seen).hasSize(1_000);
    }

    @Test
    void onlyWhatASecretCanLookLikeIsParsed() {
        String valid = SecretToken.generate().value();
        assertThat(SecretToken.parse(valid)).hasValueSatisfying(secret -> assertThat(secret.value()).isEqualTo(valid));
        for (String raw : List.of("", valid.substring(1), valid + "A", valid.substring(1) + "=",
                valid.substring(1) + "/", valid.substring(1) + "+", "../" + valid.substring(3))) {
            assertThat(SecretToken.parse(raw)).as(raw).isEmpty();
        }
        assertThat(SecretToken.parse(null)).isEmpty();
    }

    @Test
    void theStoredHashIsTheSha256OfTheSecretAndNeitherPrintsTheSecret() {
        SecretToken secret = SecretToken.parse("A".repeat(43)).orElseThrow();

        // SHA-256 of 43 "A" characters, as sha256sum computes it
        assertThat(secret.hash().hex()).isEqualTo("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a");
        assertThat(secret.hash().hex()).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(secret.value());
        assertThat(secret.hash()).isEqualTo(SecretToken.parse("A".repeat(43)).orElseThrow().hash());
        assertThat(secret.toString()).doesNotContain("AAAA");
        assertThatThrownBy(() -> new TokenHash("XYZ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenIsValidUntilItsPurposesLifetimeHasPassedAndNotAtThatInstant() {
        OneTimeToken reset = OneTimeToken.issue(SecretToken.generate(), TokenPurpose.PASSWORD_RESET, TenantId.random(),
                OneTimeToken.OWNER, NOW);

        assertThat(reset.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(reset.isValidAt(NOW.plus(Duration.ofHours(1)).minusNanos(1))).isTrue();
        assertThat(reset.isValidAt(NOW.plus(Duration.ofHours(1)))).isFalse();
        assertThat(TokenPurpose.EMAIL_VERIFICATION.lifetime()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aTokenNeedsASubjectOfBoundedLengthAndAnExpiryAfterItsIssue() {
        TokenHash hash = SecretToken.generate().hash();
        TenantId tenant = TenantId.random();
        assertThatThrownBy(() -> new OneTimeToken(hash, TokenPurpose.PASSWORD_RESET, tenant, " ", NOW, NOW.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OneTimeToken(hash, TokenPurpose.PASSWORD_RESET, tenant, "x".repeat(101), NOW,
                NOW.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OneTimeToken(hash, TokenPurpose.PASSWORD_RESET, tenant, "owner", NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
