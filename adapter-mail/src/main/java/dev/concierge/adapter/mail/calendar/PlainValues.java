package dev.concierge.adapter.mail.calendar;

import java.util.regex.Pattern;

/**
 * Makes values safe to hand to ical4j. It escapes line breaks in text values but not a lone carriage return, and it
 * quotes parameter values but cannot quote a value that holds a double quote itself. Parameter values have escape
 * characters of their own that parsers disagree on: RFC 6868's {@code ^} (which ical4j writes correctly and reads back
 * wrongly: {@code ^^n} becomes a caret and a line break), and a backslash, which means nothing in a parameter value
 * but which some parsers, ical4j's among them, read as escaping the closing quote, running on into the next line. So
 * text loses its control characters, and parameter values lose their double quotes, carets and backslashes as well.
 */
final class PlainValues {

    private static final Pattern ESCAPES = Pattern.compile("[\"^\\\\]");

    private PlainValues() {
    }

    /** The text on one line: every control character (line breaks included) becomes a space, outer blanks go. */
    static String oneLine(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c).forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    /**
     * A value for a parameter such as {@code CN}: on one line, without double quotes, carets and backslashes, runs of
     * blanks made one, and cut to {@code maxLength} characters without splitting a surrogate pair. Empty when nothing is
     * left.
     */
    static String parameter(String value, int maxLength) {
        String cleaned = oneLine(ESCAPES.matcher(value).replaceAll("")).replaceAll("\\s+", " ");
        if (cleaned.length() <= maxLength) {
            return cleaned;
        }
        int end = Character.isHighSurrogate(cleaned.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return cleaned.substring(0, end).strip();
    }
}
