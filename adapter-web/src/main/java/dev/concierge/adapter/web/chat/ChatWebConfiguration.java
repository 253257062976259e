package dev.concierge.adapter.web.chat;

import dev.concierge.adapter.web.session.SessionWebConfiguration;
import dev.concierge.adapter.web.widget.WidgetWebConfiguration;
import dev.concierge.application.port.in.ChatUseCase;
import dev.concierge.application.port.in.ConversationsUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The chat. Needs {@link ChatUseCase}, {@link ConversationsUseCase}, and what the widget and session configurations
 * need.
 */
@Configuration(proxyBeanMethods = false)
@Import({WidgetWebConfiguration.class, SessionWebConfiguration.class})
public class ChatWebConfiguration {

    @Bean
    ChatController chatController(ChatUseCase chat, ConversationsUseCase conversations) {
        return new ChatController(chat, conversations);
    }

    @Bean
    OwnerConversationsController ownerConversationsController(ConversationsUseCase conversations) {
        return new OwnerConversationsController(conversations);
    }
}
