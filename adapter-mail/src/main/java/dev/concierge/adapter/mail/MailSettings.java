package dev.concierge.adapter.mail;

import dev.concierge.adapter.mail.delivery.MailFrom;
import dev.concierge.adapter.mail.delivery.SmtpSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How mail leaves the platform. The host application builds one from its own typed configuration (usually with
 * {@link #fromEmailSettings}) and registers it as a bean; without one, {@link #defaults()} apply: no SMTP server, mails
 * written to {@value #DEFAULT_OUTBOX}.
 *
 * @param smtp   the SMTP server to send through, or {@code null} to write mails to {@code outbox} instead
 * @param outbox the folder mails are written to when there is no SMTP server
 * @param from   who the mails come from
 */
public record MailSettings(SmtpSettings smtp, Path outbox, MailFrom from) {

    public static final String DEFAULT_OUTBOX = "./data/outbox";
    public static final int DEFAULT_SMTP_PORT = 587;

    public MailSettings {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(from, "from");
    }

    public static MailSettings defaults() {
        return new MailSettings(null, Path.of(DEFAULT_OUTBOX), MailFrom.placeholder());
    }

    /**
     * Settings from the platform's {@code EMAIL_*} variables, each {@code null} or blank when not set.
     *
     * <ul>
     *   <li>No {@code host}: mails go to {@code outbox}, from {@code from} if given, else from a placeholder.</li>
     *   <li>A {@code host}: SMTP on {@code port} ({@value #DEFAULT_SMTP_PORT} if not set) with TLS from the first byte
     *       on 465 and STARTTLS required on any other port; logging in when a {@code username} is given. The sender is
     *       {@code from}, or else the {@code username} when that is an e-mail address (as with most providers).</li>
     * </ul>
     *
     * @param from {@code noreply@example.com} or {@code Concierge <noreply@example.com>}
     * @throws IllegalArgumentException when a value is invalid, or an SMTP server is named but no sender can be told
     */
    public static MailSettings fromEmailSettings(String host, Integer port, String username, String password,
            String from, Path outbox) {
        if (isBlank(host)) {
            return new MailSettings(null, outbox, isBlank(from) ? MailFrom.placeholder() : MailFrom.parse(from));
        }
        SmtpSettings smtp = SmtpSettings.forServer(host.strip(), port == null ? DEFAULT_SMTP_PORT : port,
                username, password);
        return new MailSettings(smtp, outbox, MailFrom.parse(isBlank(from) ? senderFromUsername(username) : from));
    }

    private static String senderFromUsername(String username) {
        if (isBlank(username) || !username.contains("@")) {
            throw new IllegalArgumentException(
                    "mail needs a sender address: set EMAIL_FROM, or use an e-mail address as EMAIL_USER");
        }
        return username;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
