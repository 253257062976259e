package dev.concierge.adapter.llm;

import dev.concierge.adapter.llm.offline.OfflineAssistant;
import dev.concierge.adapter.llm.provider.LangChainAssistant;
import dev.concierge.adapter.llm.provider.ModelChoice;
import dev.concierge.adapter.llm.provider.StreamingChatModels;
import dev.concierge.adapter.llm.resilience.CircuitBreaker;
import dev.concierge.adapter.llm.resilience.Resilience;
import dev.concierge.application.port.out.AssistantPort;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link AssistantPort}, following the {@link LlmSettings} bean if there is one ({@link LlmSettings#defaults()},
 * the offline assistant, otherwise). Which provider, model and URL answer is logged once at start (never the key), so
 * an operator can tell why the assistant says what it says.
 */
@Configuration(proxyBeanMethods = false)
public final class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    /** With the host's {@link Clock} bean if it has one (the circuit breaker's timing), else the system clock. */
    @Bean
    AssistantPort assistantPort(ObjectProvider<LlmSettings> settingsBean, ObjectProvider<Clock> clock) {
        return assistant(settingsBean.getIfAvailable(LlmSettings::defaults), clock.getIfAvailable(Clock::systemUTC));
    }

    static AssistantPort assistant(LlmSettings settings, Clock clock) {
        if (settings.provider() == LlmSettings.Provider.OFFLINE) {
            log.info("No language model is configured: the offline assistant answers every visitor with a fixed "
                    + "note and the booking button. To use one, set OPENAI_API_KEY (OpenAI), or LLM_BASE_URL for an "
                    + "OpenAI-compatible server such as Ollama, or LLM_PROVIDER=anthropic with ANTHROPIC_API_KEY; "
                    + "LLM_MODEL picks the model");
            return new OfflineAssistant();
        }
        log.info("The assistant uses {}", settings);
        String name = settings.provider().name().toLowerCase(Locale.ROOT);
        StreamingChatModel model = switch (settings.provider()) {
            case OPENAI -> StreamingChatModels.openAi(settings.baseUrl(), settings.apiKey(), settings.model(),
                    settings.connectTimeout(), settings.readTimeout());
            case ANTHROPIC -> StreamingChatModels.anthropic(settings.baseUrl(), settings.apiKey(), settings.model(),
                    settings.connectTimeout(), settings.readTimeout());
            case OFFLINE -> throw new IllegalStateException("handled above");
        };
        Resilience resilience = new Resilience(name, settings.maxRetries(), settings.firstBackoff(),
                settings.readTimeout(), CircuitBreaker.withDefaults(clock));
        return new LangChainAssistant(model, ModelChoice.of(settings.model(), settings.allowedModels()), resilience);
    }
}
