package dev.concierge.application.port.in;

import dev.concierge.domain.booking.Slot;
import dev.concierge.domain.chat.ConversationId;
import java.util.List;
import java.util.Objects;

/** What the chat streams to the widget while the assistant answers. */
public sealed interface ChatEvent {

    /** The next piece of the reply. */
    record Delta(String text) implements ChatEvent {
        public Delta {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The widget should offer these slots as buttons that open the booking form. */
    record OfferSlots(String timeZone, List<Slot> slots) implements ChatEvent {
        public OfferSlots {
            Objects.requireNonNull(timeZone, "timeZone");
            slots = List.copyOf(slots);
        }
    }

    /**
     * The reply is complete.
     *
     * @param fallback whether the reply is the platform's own (the model was unavailable or a limit was reached)
     */
    record Done(ConversationId conversationId, int inputTokens, int outputTokens, boolean fallback)
            implements ChatEvent {
        public Done {
            Objects.requireNonNull(conversationId, "conversationId");
        }
    }
}
