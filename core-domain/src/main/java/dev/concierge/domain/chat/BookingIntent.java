package dev.concierge.domain.chat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a visitor's message asks for an appointment, by its words (German and English), so that even the offline
 * assistant offers slots, and no model can talk a visitor out of the booking form.
 */
public final class BookingIntent {

    private static final Set<String> WORDS = Set.of("termin", "termine", "terminen", "buchen", "buchung",
            "reservieren", "reservierung", "appointment", "appointments", "book", "booking", "reservation", "reserve",
            "schedule");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private BookingIntent() {
    }

    public static boolean in(String message) {
        String text = Normalizer.normalize(message, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        var words = WORD.matcher(text);
        while (words.find()) {
            if (WORDS.contains(words.group())) {
                return true;
            }
        }
        return false;
    }
}
