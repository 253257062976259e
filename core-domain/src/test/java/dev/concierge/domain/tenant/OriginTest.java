package dev.concierge.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.domain.shared.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginTest {

    @ParameterizedTest
    @CsvSource({
            "https://shop.example,         https://shop.example",
            "HTTPS://Shop.Example/,        https://shop.example",
            "https://shop.example:443,     https://shop.example",
            "http://localhost:80,          http://localhost",
            "http://localhost:8080,        http://localhost:8080",
            "https://bäckerei.example,     https://xn--bckerei-5wa.example",
    })
    void normalisesWhatOwnersType(String typed, String normalised) {
        assertThat(Origin.parse(typed).value()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://shop.example/path", "https://*.shop.example", "*", "ftp://shop.example", "shop.example",
            "https://user:pw@shop.example", "https://shop.example?x=1", "https://shop.example#top", "javascript:alert(1)",
            "null", "", "https://shop.example:0", "https://shop.example:99999", "http://localhost:65536",
            "https://\uD800x.example", "https://shop\u202E.example"
    })
    void rejectsAnythingThatIsNotOneExactOrigin(String typed) {
        assertThatThrownBy(() -> Origin.parse(typed)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void acceptsEveryRealPort() {
        assertThat(Origin.parse("http://localhost:1").value()).isEqualTo("http://localhost:1");
        assertThat(Origin.parse("http://localhost:65535").value()).isEqualTo("http://localhost:65535");
        assertThatThrownBy(() -> Origin.parse("https://shop.example:0")).hasMessageContaining("port between 1 and 65535");
    }

    @Test
    void staysWithinItsMaximumLength() {
        String label = "a".repeat(63);
        String longest = "https://" + String.join(".", label, label, label, "b".repeat(61)) + ":65535";
        assertThat(Origin.parse(longest).value()).hasSizeLessThanOrEqualTo(Origin.MAX_LENGTH);
        String tooLong = "https://" + String.join(".", label, label, label, label, label);
        assertThatThrownBy(() -> Origin.parse(tooLong)).hasMessageContaining("at most " + Origin.MAX_LENGTH);
    }

    @Test
    void explainsWhyAPathIsRejected() {
        assertThatThrownBy(() -> Origin.parse("https://shop.example/path")).hasMessageContaining("without path");
        assertThatThrownBy(() -> Origin.parse("https://*.shop.example")).hasMessageContaining("wildcards");
    }

    @Test
    void permitsOnlyExactSchemeHostAndPort() {
        AllowedOrigins allowed = AllowedOrigins.parse(List.of("https://shop.example", "http://localhost:8080"));

        assertThat(allowed.permits("https://shop.example")).isTrue();
        assertThat(allowed.permits("http://localhost:8080")).isTrue();
        assertThat(allowed.permits("http://shop.example")).isFalse();
        assertThat(allowed.permits("https://shop.example:8443")).isFalse();
        assertThat(allowed.permits("https://evil.shop.example")).isFalse();
        assertThat(allowed.permits("https://shop.example.evil.example")).isFalse();
        assertThat(allowed.permits("http://localhost:3000")).isFalse();
        assertThat(allowed.permits("null")).isFalse();
        assertThat(allowed.permits(null)).isFalse();
    }

    @Test
    void dropsDuplicatesAndNamesTheBadEntryByPosition() {
        assertThat(AllowedOrigins.parse(List.of("https://a.example", "https://A.example/")).values()).hasSize(1);
        assertThatThrownBy(() -> AllowedOrigins.parse(List.of("https://a.example", "https://b.example/x", "*")))
                .hasMessageStartingWith("[1] 'https://b.example/x'")
                .hasMessageContaining("; [2] '*' must name one exact origin");
    }
}
