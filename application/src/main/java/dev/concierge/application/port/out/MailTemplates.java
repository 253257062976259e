package dev.concierge.application.port.out;

/**
 * Words a {@link Notice} as a mail in its language: a subject with nothing secret in it, a plain-text body, and an
 * HTML body in which every value from the notice is escaped, so that a display name such as
 * {@code <script>alert(1)</script>} arrives as text. Pure and quick: no I/O, safe on any thread.
 */
public interface MailTemplates {

    MailContent compose(Notice notice);
}
