package dev.concierge.bootstrap.config;

import dev.concierge.adapter.llm.LlmConfiguration;
import dev.concierge.adapter.llm.LlmSettings;
import dev.concierge.application.port.out.AssistantPort;
import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.application.port.out.Conversations;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.UsageCounters;
import dev.concierge.application.service.ChatPolicy;
import dev.concierge.application.service.ChatService;
import dev.concierge.application.service.ConversationsService;
import dev.concierge.application.service.FreeSlotsService;
import dev.concierge.bootstrap.chat.ObservedAssistant;
import dev.concierge.bootstrap.startup.ConfigurationProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import dev.concierge.domain.account.RateLimit;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The chat: the language model chosen by configuration, the conversation loop, and the conversation views. */
@Configuration(proxyBeanMethods = false)
@Import(LlmConfiguration.class)
public class ChatWiring {

    @Bean
    LlmSettings llmSettings(ConciergeProperties properties) {
        ConciergeProperties.Llm llm = properties.llm();
        try {
            LlmSettings chosen = LlmSettings.fromEnvironment(llm.provider(), llm.openaiApiKey(),
                    llm.anthropicApiKey(), llm.model(), llm.baseUrl(), llm.allowedModels());
            return new LlmSettings(chosen.provider(), chosen.apiKey(), chosen.model(), chosen.baseUrl(),
                    chosen.allowedModels(), llm.connectTimeout(), llm.readTimeout(), llm.maxRetries(),
                    chosen.firstBackoff());
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new ConfigurationProblemException("The language model settings are not usable: "
                    + invalid.getMessage() + ".", "Check LLM_PROVIDER, OPENAI_API_KEY, ANTHROPIC_API_KEY, LLM_MODEL,"
                    + " LLM_BASE_URL, LLM_CONNECT_TIMEOUT, LLM_READ_TIMEOUT and LLM_MAX_RETRIES.");
        }
    }

    @Bean
    ChatService chatUseCase(Tenants tenants, Conversations conversations, AssistantPort assistantPort,
            FreeSlotsService freeSlots, RollingLimits rollingLimits, AttemptCounters counters, UsageCounters usage,
            MeterRegistry meters, ConciergeProperties properties, Clock clock) {
        ChatPolicy defaults = ChatPolicy.defaults();
        ChatPolicy policy = new ChatPolicy(defaults.perVisitor(),
                new RateLimit(properties.chat().tenantMessagesPerHour(), Duration.ofHours(1)),
                properties.chat().dailyTokens(), defaults.historyChars(), defaults.maxToolRounds(),
                defaults.offeredSlots());
        return new ChatService(tenants, conversations, new ObservedAssistant(assistantPort, meters), freeSlots,
                rollingLimits, counters, usage, policy, clock);
    }

    @Bean
    ConversationsService conversationsUseCase(Conversations conversations) {
        return new ConversationsService(conversations);
    }
}
