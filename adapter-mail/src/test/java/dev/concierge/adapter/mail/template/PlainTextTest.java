package dev.concierge.adapter.mail.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void removesControlCharactersButKeepsLineBreaks() {
        assertThat(PlainText.withoutControls("a\u0000b\tc\r\nd\u0085e\u007f")).isEqualTo("abc\nde");
    }

    @Test
    void oneLineRemovesLineBreaksToo() {
        assertThat(PlainText.oneLine("  a\r\nb\n ")).isEqualTo("ab");
    }

    @Test
    void shortensWithAnEllipsisWithoutSplittingASurrogatePair() {
        assertThat(PlainText.shortened("abcdef", 6)).isEqualTo("abcdef");
        assertThat(PlainText.shortened("abcdefg", 6)).isEqualTo("abcde…");
        assertThat(PlainText.shortened("abcd🥐fg", 6)).isEqualTo("abcd…");
    }
}
