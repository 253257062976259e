package dev.concierge.adapter.mail.delivery;

import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.tenant.EmailAddress;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the platform's mails come from: an address, and optionally the name that mail clients show instead of it.
 *
 * @param address the {@code From} address
 * @param name    the display name, 1 to {@value #MAX_NAME_LENGTH} characters on one line, or {@code null} for none
 */
public record MailFrom(EmailAddress address, String name) {

    public static final int MAX_NAME_LENGTH = 100;

    private static final Pattern NAMED = Pattern.compile("(.*)<([^<>]*)>\\s*");

    public MailFrom {
        Objects.requireNonNull(address, "address");
        if (name != null) {
            name = name.strip();
            if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a sender's name is one line of 1 to " + MAX_NAME_LENGTH
                        + " characters");
            }
        }
    }

    /**
     * Reads the forms people write into a setting such as {@code EMAIL_FROM}: {@code noreply@example.com} or
     * {@code Concierge <noreply@example.com>} (the name may be in double quotes).
     *
     * @throws IllegalArgumentException when the address is not a valid e-mail address
     */
    public static MailFrom parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        Matcher named = NAMED.matcher(raw.strip());
        String name = named.matches() ? unquote(named.group(1).strip()) : null;
        String address = named.matches() ? named.group(2) : raw;
        try {
            return new MailFrom(EmailAddress.of(address), name == null || name.isEmpty() ? null : name);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException("the sender must be an address or Name <address>, was " + raw, e);
        }
    }

    /** A placeholder sender, {@code Concierge <concierge@localhost.invalid>}, for mails that are only written to files. */
    public static MailFrom placeholder() {
        return new MailFrom(new EmailAddress("concierge@localhost.invalid"), "Concierge");
    }

    InternetAddress internetAddress() {
        try {
            return new InternetAddress(address.value(), name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("every JVM supports UTF-8", e);
        }
    }

    @Override
    public String toString() {
        return name == null ? address.value() : name + " <" + address.value() + ">";
    }

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1) : name;
    }
}
