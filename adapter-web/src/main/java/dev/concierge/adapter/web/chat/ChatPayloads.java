package dev.concierge.adapter.web.chat;

import dev.concierge.application.port.in.ChatEvent;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the chat's answers and events. */
final class ChatPayloads {

    private ChatPayloads() {
    }

    /** A piece of the reply. */
    record Delta(String text) {
    }

    /** An action for the widget; for now {@code offer_slots}. */
    record Action(String type, String timeZone, List<SlotItem> slots) {

        static Action of(ChatEvent.OfferSlots offer) {
            return new Action("offer_slots", offer.timeZone(), offer.slots().stream()
                    .map(slot -> new SlotItem(slot.start(), slot.end(), slot.localStart().toLocalDateTime().toString()))
                    .toList());
        }
    }

    /** A slot the widget shows as a button. */
    record SlotItem(Instant start, Instant end, String localStart) {
    }

    /** The reply is complete. */
    record Done(String conversationId, Usage usage, boolean fallback) {

        static Done of(ChatEvent.Done done) {
            return new Done(done.conversationId().toString(), new Usage(done.inputTokens(), done.outputTokens()),
                    done.fallback());
        }
    }

    /** Tokens the reply cost. */
    record Usage(int inputTokens, int outputTokens) {
    }

    /** The whole answer of the non-streaming chat. */
    record Answer(String conversationId, String reply, List<Action> actions, boolean fallback, Usage usage) {
    }

    /** A stream that failed after it started. */
    record Error(String message) {
    }
}
