package dev.concierge.domain.shared;

/**
 * Checks shared by the value objects that hold free text typed by a person.
 *
 * <p>Text is refused when it could show something else than what it stores or could not be stored as it is:
 * control characters (line breaks and tabs only in multi-line text), half of a surrogate pair (not a character at
 * all; PostgreSQL would store a {@code ?} in its place), and invisible formatting characters such as bidirectional
 * overrides ({@code U+202E} can make "gnp.exe" read "exe.png") or zero-width spaces. The zero-width joiner and
 * non-joiner stay allowed between two visible characters, where emoji sequences and several scripts need them.
 */
public final class Text {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private Text() {
    }

    /**
     * Trims {@code raw} and rejects it when empty, longer than {@code maxLength} characters (UTF-16 units, the
     * measure databases apply to column sizes), or when it contains characters this class refuses.
     *
     * @throws InvalidValueException naming the rule that {@code raw} breaks
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
        requireVisible(value, multiline);
        return value;
    }

    /**
     * Rejects control characters (all of them unless {@code allowBreaks}, which lets line feeds, carriage returns
     * and tabs pass), unpaired surrogates and invisible formatting characters, as described on this class.
     *
     * @throws InvalidValueException naming the first kind of character found
     */
    private static void requireVisible(String value, boolean allowBreaks) {
        requireWellFormed(value, allowBreaks);
        int previous = -1;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c) < value.length() ? value.codePointAt(i + Character.charCount(c)) : -1;
            if (Character.getType(c) == Character.FORMAT && !joinsTwoVisibleCharacters(c, previous, next)) {
                throw new InvalidValueException("must not contain invisible formatting characters (U+"
                        + String.format("%04X", c) + ")");
            }
            previous = c;
            i += Character.charCount(c);
        }
    }

    /**
     * Rejects control characters (line feeds, carriage returns and tabs pass only with {@code allowBreaks}) and
     * unpaired surrogates; lets every other character through. For secrets such as passwords, where any visible or
     * invisible character is the owner's choice but a control character is almost always a mistake or an attack.
     *
     * @throws InvalidValueException naming the first kind of character found
     */
    public static void requireWellFormed(String value, boolean allowBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new InvalidValueException("must not contain broken characters (an unpaired surrogate)");
            }
            boolean allowedBreak = allowBreaks && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak) {
                throw new InvalidValueException("must not contain control characters");
            }
        }
    }

    private static boolean joinsTwoVisibleCharacters(int c, int previous, int next) {
        return (c == ZERO_WIDTH_JOINER || c == ZERO_WIDTH_NON_JOINER) && isVisible(previous) && isVisible(next);
    }

    private static boolean isVisible(int c) {
        return c >= 0 && !Character.isWhitespace(c) && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT;
    }
}
