package dev.concierge.adapter.mail.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveCharactersThatCanEndTextOrAnAttribute() {
        assertThat(Html.escape("a & b < c > d \" e ' f")).isEqualTo("a &amp; b &lt; c &gt; d &quot; e &#39; f");
    }

    @Test
    void escapesAnAmpersandOnceOnly() {
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(Html.escape("Bäckerei Müller 🥐")).isEqualTo("Bäckerei Müller 🥐");
    }
}
