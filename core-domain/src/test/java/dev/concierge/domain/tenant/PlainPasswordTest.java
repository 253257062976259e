package dev.concierge.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlainPasswordTest {

    @Test
    void acceptsPasswordMeetingEveryRule() {
        assertThat(PlainPassword.of("Sunrise42").reveal()).isEqualTo("Sunrise42");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Short1A   | be at least 8 characters long",
            "lowercase42 | contain an upper-case letter",
            "NoDigitsHere | contain a digit",
    })
    void namesTheRuleAWeakPasswordBreaks(String weak, String rule) {
        assertThatThrownBy(() -> PlainPassword.of(weak.strip()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(rule);
    }

    @Test
    void namesEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> PlainPassword.of("abc"))
                .hasMessage("must be at least 8 characters long, contain an upper-case letter, contain a digit");
    }

    @Test
    void rejectsPasswordsLongerThanBcryptReads() {
        assertThatThrownBy(() -> PlainPassword.of("A1" + "x".repeat(71)))
                .hasMessageContaining("at most 72 bytes");
        assertThat(PlainPassword.of("A1" + "x".repeat(70)).reveal()).hasSize(72);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sunrise42\u0000", "Sun\nrise42", "Sunrise42\u007F", "Sunrise42\uD800"})
    void rejectsControlAndBrokenCharacters(String raw) {
        assertThatThrownBy(() -> PlainPassword.of(raw)).isInstanceOf(InvalidValueException.class)
                .hasMessageMatching("must not contain (control characters|broken characters.*)");
    }

    @Test
    void keepsEveryPrintableCharacterTheOwnerChose() {
        assertThat(PlainPassword.of(" Sonnen Aufgang 42 ").reveal()).isEqualTo(" Sonnen Aufgang 42 ");
        assertThat(PlainPassword.of("Grüße\uD83E\uDD50Über42").reveal()).isEqualTo("Grüße\uD83E\uDD50Über42");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(PlainPassword.of("Sunrise42").toString()).doesNotContain("Sunrise42");
        assertThat(TenantFixtures.SOME_HASH.toString()).doesNotContain("$2a$");
    }
}
