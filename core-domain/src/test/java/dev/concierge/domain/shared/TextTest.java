package dev.concierge.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @Test
    void trimsAndKeepsOrdinaryTextInAnyScript() {
        assertThat(Text.require("  Bäckerei Müller ", 100, false)).isEqualTo("Bäckerei Müller");
        assertThat(Text.require("مخبز السعادة", 100, false)).isEqualTo("مخبز السعادة");
        assertThat(Text.require("Line one\nline two\ttabbed", 100, true)).isEqualTo("Line one\nline two\ttabbed");
    }

    @Test
    void keepsJoinersThatBuildEmojiAndWords() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(Text.require(family, 16, false)).isEqualTo(family);
        String persian = "می\u200Cخواهم";
        assertThat(Text.require(persian, 16, false)).isEqualTo(persian);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shop\u202Egnp.exe", "Shop\u2066x\u2069", "Zero\u200Bwidth", "\u200DShop", "Shop\u200D",
            "Bom\uFEFFshop", "Soft\u00ADhyphen"})
    void rejectsInvisibleFormattingCharacters(String raw) {
        assertThatThrownBy(() -> Text.require(raw, 100, false))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("invisible formatting characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800x", "x\uDC00", "ab\uD83D"})
    void rejectsHalvesOfSurrogatePairs(String raw) {
        assertThatThrownBy(() -> Text.require(raw, 100, true)).hasMessageContaining("unpaired surrogate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b"})
    void rejectsControlCharactersEvenInMultiLineText(String raw) {
        assertThatThrownBy(() -> Text.require(raw, 100, true)).hasMessageContaining("control characters");
    }

    @Test
    void lineBreaksOnlyWhereTheTextMaySpanLines() {
        assertThatThrownBy(() -> Text.require("one\ntwo", 100, false)).hasMessageContaining("control characters");
    }

    @Test
    void measuresLengthInUtf16UnitsAsTheDatabaseColumnsDo() {
        assertThat(Text.require("\uD83E\uDD50".repeat(8), 16, false)).hasSize(16);
        assertThatThrownBy(() -> Text.require("\uD83E\uDD50".repeat(9), 16, false)).hasMessageContaining("at most 16");
    }

    @Test
    void wellFormedSecretsMayHoldAnyPrintableCharacter() {
        Text.requireWellFormed("Pa\u200Bss \u202Eword1", false);
        assertThatThrownBy(() -> Text.requireWellFormed("Pass\u0000word1", false)).hasMessageContaining("control");
    }
}
