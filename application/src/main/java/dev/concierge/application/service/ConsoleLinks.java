package dev.concierge.application.service;

import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.token.SecretToken;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The links that mails carry into the owner console, all built from the configured public address of the platform,
 * never from a request's {@code Host} header (which an attacker chooses, and could point a reset link at their own
 * server). The address is read when a link is made, so that it can be the server's own address, known only once
 * the server listens.
 */
public final class ConsoleLinks {

    private final Supplier<URI> publicUrl;

    /** @param publicUrl the platform's public base address, such as {@code https://concierge.example.com} */
    public ConsoleLinks(Supplier<URI> publicUrl) {
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
    }

    /** The page that asks for a new password with the token from a reset mail. */
    public URI resetPassword(SecretToken token) {
        return at("/console/reset-password/" + token.value());
    }

    /** The page that confirms an owner's address with the token from a verification mail. */
    public URI verifyAddress(SecretToken token) {
        return at("/console/verify-email/" + token.value());
    }

    /**
     * A link in a booking mail: opening it shows what it will do, a button on that page does it.
     *
     * @param action {@code confirm} or {@code cancel}
     */
    public URI booking(BookingId id, String action, SecretToken token) {
        return at("/api/v1/bookings/" + id + "/" + action + "?token=" + token.value());
    }

    /** The page where an owner asks for a reset link. */
    public URI forgotPassword() {
        return at("/console/forgot-password");
    }

    /** The console's start page. */
    public URI console() {
        return at("/console/");
    }

    /** The host name that the platform's Message-IDs end in. */
    public String mailDomain() {
        String host = publicUrl.get().getHost();
        return host == null || host.isBlank() ? "localhost" : host;
    }

    private URI at(String path) {
        String base = publicUrl.get().toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }
}
