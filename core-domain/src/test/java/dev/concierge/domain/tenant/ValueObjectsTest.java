package dev.concierge.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @Test
    void clientKeyIsTrimmedAndLowerCased() {
        assertThat(ClientKey.of("  Corner-Bakery ").value()).isEqualTo("corner-bakery");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "-bakery", "bakery-", "corner--bakery", "corner_bakery", "bäckerei", "a b c",
            "../etc", "x123456789012345678901234567890123456789012345678901234567890123"})
    void clientKeyMustBeAUrlSafeSlug(String raw) {
        assertThatThrownBy(() -> ClientKey.of(raw)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void emailIsTrimmedAndLowerCased() {
        assertThat(EmailAddress.of(" Owner@Bakery.Example ").value()).isEqualTo("owner@bakery.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "owner@", "@bakery.example", "owner@bakery", "owner@@bakery.example",
            "own er@bakery.example", "owner@bakery..example", ".owner@bakery.example", "owner.@bakery.example"})
    void emailMustLookLikeAnAddress(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void displayNameIsTrimmedAndBounded() {
        assertThat(DisplayName.of("  Corner Bakery ").value()).isEqualTo("Corner Bakery");
        assertThatThrownBy(() -> DisplayName.of(" ")).hasMessage("must not be blank");
        assertThatThrownBy(() -> DisplayName.of("x".repeat(101))).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> DisplayName.of("Bakery\nInjected")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> DisplayName.of("Bakery\u202Eevil")).hasMessageContaining("invisible");
        assertThatThrownBy(() -> DisplayName.of("Bake\u200Bry")).hasMessageContaining("invisible");
        assertThatThrownBy(() -> DisplayName.of("\uD800Bakery")).hasMessageContaining("unpaired surrogate");
    }

    @Test
    void clientKeyIsAtMostItsMaximumLong() {
        assertThat(ClientKey.of("k".repeat(ClientKey.MAX_LENGTH)).value()).hasSize(ClientKey.MAX_LENGTH);
        assertThatThrownBy(() -> ClientKey.of("k".repeat(ClientKey.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void passwordHashLongerThanItsMaximumIsATechnicalFault() {
        assertThat(new PasswordHash("h".repeat(PasswordHash.MAX_LENGTH)).value()).hasSize(PasswordHash.MAX_LENGTH);
        assertThatThrownBy(() -> new PasswordHash("h".repeat(PasswordHash.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coloursAcceptOnlyHexNotation() {
        assertThat(HexColor.of("#1F6FEB").value()).isEqualTo("#1f6feb");
        assertThatThrownBy(() -> HexColor.of("red;background:url(x)")).isInstanceOf(InvalidValueException.class);
    }
}
