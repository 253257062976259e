package dev.concierge.adapter.mail.template;

/**
 * Makes values safe for the plain-text parts of a mail: no control character can break a header, reorder lines or
 * ring a terminal bell when a mail is read in one.
 */
final class PlainText {

    private PlainText() {
    }

    /** The text without control characters, except that line breaks ({@code \n}) stay. */
    static String withoutControls(String text) {
        return remove(text, true);
    }

    /** The text on one line: without any control character, line breaks included, and without outer blanks. */
    static String oneLine(String text) {
        return remove(text, false).strip();
    }

    /** At most {@code maxLength} characters, cut with an ellipsis when longer; never splits a surrogate pair. */
    static String shortened(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static String remove(String text, boolean keepNewlines) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isISOControl(c) || (keepNewlines && c == '\n'))
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
