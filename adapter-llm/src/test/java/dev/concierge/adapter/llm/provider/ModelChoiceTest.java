package dev.concierge.adapter.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelChoiceTest {

    final ModelChoice choice = ModelChoice.of("gpt-4o-mini", List.of("gpt-4o", "gpt-4.1-mini"));

    @Test
    void anAllowedModelIsUsed() {
        assertThat(choice.choose("gpt-4o")).isEqualTo("gpt-4o");
        assertThat(choice.choose(" gpt-4.1-mini ")).isEqualTo("gpt-4.1-mini");
        assertThat(choice.choose("gpt-4o-mini")).isEqualTo("gpt-4o-mini");
    }

    @Test
    void noneOrAnotherModelGivesTheDefault() {
        assertThat(choice.choose(null)).isEqualTo("gpt-4o-mini");
        assertThat(choice.choose("")).isEqualTo("gpt-4o-mini");
        assertThat(choice.choose("o1-pro")).isEqualTo("gpt-4o-mini");
        assertThat(choice.choose("GPT-4O")).isEqualTo("gpt-4o-mini");
    }
}
