package dev.concierge.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.adapter.llm.LlmSettings.Provider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

    @Test
    void theDefaultsAreTheOfflineAssistant() {
        LlmSettings defaults = LlmSettings.defaults();

        assertThat(defaults.provider()).isEqualTo(Provider.OFFLINE);
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.maxRetries()).isEqualTo(2);
        assertThat(defaults.firstBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(LlmSettings.fromEnvironment(null, " ", "", null, null, null)).isEqualTo(defaults);
    }

    @Test
    void anOpenAiKeyAloneSelectsOpenAiWithItsDefaultModel() {
        LlmSettings settings = LlmSettings.fromEnvironment(null, "sk-key", null, null, null, null);

        assertThat(settings.provider()).isEqualTo(Provider.OPENAI);
        assertThat(settings.apiKey()).isEqualTo("sk-key");
        assertThat(settings.model()).isEqualTo("gpt-4o-mini");
        assertThat(settings.baseUrl()).isNull();
    }

    @Test
    void anAnthropicKeyAloneSelectsAnthropic() {
        LlmSettings settings = LlmSettings.fromEnvironment(null, null, "sk-ant", null, null, null);

        assertThat(settings.provider()).isEqualTo(Provider.ANTHROPIC);
        assertThat(settings.apiKey()).isEqualTo("sk-ant");
        assertThat(settings.model()).isEqualTo("claude-3-5-haiku-latest");
    }

    @Test
    void theProviderVariableDecidesAndTakesItsOwnKey() {
        LlmSettings settings = LlmSettings.fromEnvironment("Anthropic", "sk-openai", "sk-ant", "claude-sonnet-4-0",
                null, "claude-3-5-haiku-latest, claude-opus-4-1,,");

        assertThat(settings.provider()).isEqualTo(Provider.ANTHROPIC);
        assertThat(settings.apiKey()).isEqualTo("sk-ant");
        assertThat(settings.model()).isEqualTo("claude-sonnet-4-0");
        assertThat(settings.allowedModels()).containsExactly("claude-3-5-haiku-latest", "claude-opus-4-1");
        assertThat(LlmSettings.fromEnvironment("offline", "sk-openai", null, null, null, null).provider())
                .isEqualTo(Provider.OFFLINE);
    }

    @Test
    void aBaseUrlAloneSelectsAnOpenAiCompatibleServerWithoutKey() {
        LlmSettings settings = LlmSettings.fromEnvironment(null, null, null, "llama3.2",
                "http://localhost:11434/v1", null);

        assertThat(settings.provider()).isEqualTo(Provider.OPENAI);
        assertThat(settings.apiKey()).isNull();
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(settings.model()).isEqualTo("llama3.2");
    }

    @Test
    void aProviderWithoutTheKeyItNeedsIsRefused() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment("openai", null, "sk-ant", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment("anthropic", "sk-openai", null, null,
                "http://localhost:8080", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANTHROPIC_API_KEY");
    }

    @Test
    void invalidValuesAreRefused() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment("gemini", "sk", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offline, openai, anthropic");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(null, "sk", null, null, "ftp://models", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LLM_BASE_URL");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(null, "sk", null, null,
                "https://user:hunter2@gateway.example/v1", null))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("hunter2");
        assertThatThrownBy(() -> new LlmSettings(Provider.OPENAI, "sk", null, null, List.of(), Duration.ZERO,
                Duration.ofSeconds(1), 2, Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LlmSettings(Provider.OPENAI, "sk", null, null, List.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 11, Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTextNeverShowsTheKey() {
        LlmSettings settings = LlmSettings.fromEnvironment(null, "sk-very-secret", null, "gpt-4o",
                "https://gateway.example/v1", "gpt-4o-mini");

        assertThat(settings.toString()).contains("openai", "gpt-4o", "https://gateway.example/v1", "with API key")
                .doesNotContain("sk-very-secret");
    }
}
