package dev.concierge.adapter.mail.template;

import java.util.Map;
import java.util.Objects;

/**
 * A catalogue text and the values for its placeholders, kept apart until rendering so that the HTML can escape the
 * values and the plain text can take them as they are.
 */
record Phrase(String key, Map<String, String> values) {

    Phrase {
        Objects.requireNonNull(key, "key");
        values = Map.copyOf(values);
    }

    Phrase(String key) {
        this(key, Map.of());
    }

    Phrase(String key, String name, String value) {
        this(key, Map.of(name, value));
    }

    String in(Catalogue catalogue) {
        return catalogue.fill(key, values);
    }
}
