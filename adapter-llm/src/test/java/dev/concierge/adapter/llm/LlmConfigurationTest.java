package dev.concierge.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.concierge.adapter.llm.offline.OfflineAssistant;
import dev.concierge.adapter.llm.provider.LangChainAssistant;
import dev.concierge.application.port.out.AssistantPort;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class LlmConfigurationTest {

    @Test
    void withoutSettingsTheOfflineAssistantAnswersAndTheLogSaysHowToConfigureAModel() {
        List<ILoggingEvent> logged = startupLog(
                context -> assertThat(context.getBean(AssistantPort.class)).isInstanceOf(OfflineAssistant.class),
                null);

        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).contains("offline assistant", "OPENAI_API_KEY", "LLM_PROVIDER",
                    "ANTHROPIC_API_KEY", "LLM_BASE_URL");
        });
    }

    @Test
    void openAiSettingsSelectTheLangChainAssistantAndTheLogNamesModelAndUrlWithoutTheKey() {
        LlmSettings settings = LlmSettings.fromEnvironment(null, "sk-do-not-log-me", null, "gpt-4o",
                "http://127.0.0.1:9/v1", null);

        List<ILoggingEvent> logged = startupLog(
                context -> assertThat(context.getBean(AssistantPort.class)).isInstanceOf(LangChainAssistant.class),
                settings);

        assertThat(logged).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("openai", "gpt-4o", "http://127.0.0.1:9/v1").doesNotContain("sk-do-not-log-me"));
    }

    @Test
    void anthropicSettingsSelectTheLangChainAssistant() {
        LlmSettings settings = LlmSettings.fromEnvironment("anthropic", null, "sk-ant-do-not-log-me", null, null,
                null);

        List<ILoggingEvent> logged = startupLog(
                context -> assertThat(context.getBean(AssistantPort.class)).isInstanceOf(LangChainAssistant.class),
                settings);

        assertThat(logged).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("anthropic", "claude-3-5-haiku-latest", "the provider's API")
                .doesNotContain("sk-ant-do-not-log-me"));
    }

    /** Starts the configuration (with the settings bean, if given), hands it to {@code use}, returns what it logged. */
    private static List<ILoggingEvent> startupLog(Consumer<AnnotationConfigApplicationContext> use,
            LlmSettings settings) {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(LlmConfiguration.class);
        log.start();
        logger.addAppender(log);
        // Captured here rather than printed: the build's output shows only what went wrong.
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            if (settings != null) {
                context.registerBean(LlmSettings.class, () -> settings);
            }
            context.register(LlmConfiguration.class);
            context.refresh();
            use.accept(context);
            return log.list;
        } finally {
            logger.detachAppender(log);
            logger.setLevel(null);
            logger.setAdditive(true);
        }
    }
}
