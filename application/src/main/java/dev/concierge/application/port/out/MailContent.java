package dev.concierge.application.port.out;

import java.util.Objects;

/**
 * What a mail says: its subject, its plain-text body, and the same as HTML. Composed once, when the mail is queued.
 *
 * @param subject one line of 1 to {@value #MAX_SUBJECT_LENGTH} characters, nothing secret in it (subjects show in
 *                notifications and logs)
 * @param text    the plain-text alternative, 1 to {@value #MAX_BODY_LENGTH} characters
 * @param html    the HTML alternative, 1 to {@value #MAX_BODY_LENGTH} characters, every user-supplied value escaped
 * @param calendar an iCalendar object (RFC 5545, with its {@code METHOD}) sent along as the calendar invitation, or
 *                 {@code null}; at most {@value #MAX_BODY_LENGTH} characters
 */
public record MailContent(String subject, String text, String html, String calendar) {

    public static final int MAX_SUBJECT_LENGTH = 300;
    public static final int MAX_BODY_LENGTH = 100_000;

    public MailContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH || subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a subject is one line of 1 to " + MAX_SUBJECT_LENGTH + " characters");
        }
        if (text.isBlank() || text.length() > MAX_BODY_LENGTH || html.isBlank() || html.length() > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("a mail body is 1 to " + MAX_BODY_LENGTH + " characters");
        }
        if (calendar != null && (!calendar.startsWith("BEGIN:VCALENDAR") || calendar.length() > MAX_BODY_LENGTH)) {
            throw new IllegalArgumentException("a calendar part is an iCalendar object of at most " + MAX_BODY_LENGTH
                    + " characters");
        }
    }

    /** A mail without a calendar invitation. */
    public MailContent(String subject, String text, String html) {
        this(subject, text, html, null);
    }

    /** The iCalendar method of the invitation ({@code REQUEST}, {@code CANCEL}), if there is one. */
    public java.util.Optional<String> calendarMethod() {
        if (calendar == null) {
            return java.util.Optional.empty();
        }
        return calendar.lines().filter(line -> line.startsWith("METHOD:")).findFirst()
                .map(line -> line.substring("METHOD:".length()).strip());
    }
}
