package dev.concierge.application.service;

import dev.concierge.domain.tenant.Language;

/** The platform's own replies in the chat, in the tenant's language. */
record ChatTexts(Language language) {

    static ChatTexts of(Language language) {
        return new ChatTexts(language);
    }

    /** The model could not answer. */
    String unavailable(boolean appointments) {
        boolean german = language == Language.DE;
        String sorry = german ? "Entschuldigung, ich kann gerade nicht antworten." : "Sorry, I can't answer right now.";
        String next = appointments
                ? (german ? " Sie können aber gern direkt einen Termin buchen." : " You can still book an appointment right away.")
                : (german ? " Bitte versuchen Sie es gleich noch einmal." : " Please try again in a moment.");
        return sorry + next;
    }

    /** A limit was reached: {@code visitor}, {@code tenant} or {@code budget}. */
    String limited(String limit) {
        boolean german = language == Language.DE;
        return switch (limit) {
            case "visitor" -> german
                    ? "Sie haben in kurzer Zeit viele Nachrichten geschickt. Bitte warten Sie einen Moment, bevor Sie wieder schreiben."
                    : "You have sent a lot of messages in a short time. Please wait a moment before you write again.";
            default -> german
                    ? "Der Assistent macht gerade eine Pause. Bitte versuchen Sie es später noch einmal oder wenden Sie sich direkt an uns."
                    : "The assistant is taking a break right now. Please try again later or contact us directly.";
        };
    }
}
