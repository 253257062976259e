package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import java.util.Locale;

/**
 * The languages the assistant and the widget's texts come in.
 */
public enum Language {
    EN("en"),
    DE("de");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, for example {@code de}. */
    public String code() {
        return code;
    }

    public static Language ofCode(String raw) {
        if (raw != null) {
            String code = raw.strip().toLowerCase(Locale.ROOT);
            for (Language language : values()) {
                if (language.code.equals(code)) {
                    return language;
                }
            }
        }
        throw new InvalidValueException("must be one of: en, de");
    }
}
