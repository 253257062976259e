package dev.concierge.domain.shared;

/**
 * Checks shared by the value objects that hold free text typed by a person.
 */
public final class Text {

    private Text() {
    }

    /**
     * Trims {@code raw} and rejects it when empty, longer than {@code maxLength} characters, or when it contains
     * control characters (line breaks only where {@code multiline} is set).
     */
    public static String require(String raw, int maxLength, boolean multiline) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException("must be at most " + maxLength + " characters long");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak) {
                throw new InvalidValueException("must not contain control characters");
            }
        }
        return value;
    }
}
