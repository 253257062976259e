package dev.concierge.application.service;

import dev.concierge.application.port.out.Notice;
import dev.concierge.application.port.out.Notice.CalendarEvent;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.SecretToken;
import dev.concierge.domain.token.TokenPurpose;
import dev.concierge.domain.tenant.Tenant;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * The mails about a booking, with their calendar invitations and the links that confirm or cancel it. Each link
 * carries a token of its own purpose (stored hashed) that is valid until the appointment is over. Called inside the
 * transaction of the change, so the mails go out if and only if the change is kept.
 */
final class BookingMails {

    static final String REQUEST = "REQUEST";
    static final String CANCEL = "CANCEL";

    private final OneTimeTokens tokens;
    private final Mailer mailer;
    private final ConsoleLinks links;
    private final Clock clock;

    BookingMails(OneTimeTokens tokens, Mailer mailer, ConsoleLinks links, Clock clock) {
        this.tokens = tokens;
        this.mailer = mailer;
        this.links = links;
        this.clock = clock;
    }

    /** A new request: the owner gets it with confirm and cancel links, the visitor a receipt with a cancel link. */
    Mono<Void> requested(Tenant tenant, Booking booking) {
        // One statement after the other: a transaction's connection runs one at a time.
        return link(tenant, booking, TokenPurpose.BOOKING_CONFIRM, "confirm")
                .flatMap(confirm -> link(tenant, booking, TokenPurpose.BOOKING_CANCEL, "cancel")
                        .flatMap(cancel -> mailer.queue(tenant.id(), new Notice.BookingRequested(
                                tenant.owner().email(), tenant.settings().language(), tenant.displayName().value(),
                                booking.visitor(), confirm, cancel, event(tenant, booking, REQUEST)))))
                .then(link(tenant, booking, TokenPurpose.BOOKING_VISITOR_CANCEL, "cancel"))
                .flatMap(cancel -> mailer.queue(tenant.id(), new Notice.BookingReceived(booking.visitor().email(),
                        tenant.settings().language(), tenant.displayName().value(), cancel,
                        event(tenant, booking, REQUEST))));
    }

    /**
     * The owner confirmed: the confirm link is spent; the visitor gets the update with a cancel link of its own (the
     * one in the receipt keeps working too).
     */
    Mono<Void> confirmed(Tenant tenant, Booking booking) {
        return tokens.deleteAll(TokenPurpose.BOOKING_CONFIRM, tenant.id(), booking.id().toString())
                .then(link(tenant, booking, TokenPurpose.BOOKING_VISITOR_CANCEL, "cancel"))
                .flatMap(cancel -> mailer.queue(tenant.id(), new Notice.BookingConfirmed(booking.visitor().email(),
                        tenant.settings().language(), tenant.displayName().value(), cancel,
                        event(tenant, booking, REQUEST))));
    }

    /** Cancelled: every link of the booking is spent; both calendars drop the event. */
    Mono<Void> cancelled(Tenant tenant, Booking booking, boolean byVisitor) {
        String subject = booking.id().toString();
        CalendarEvent cancel = event(tenant, booking, CANCEL);
        return tokens.deleteAll(TokenPurpose.BOOKING_CONFIRM, tenant.id(), subject)
                .then(tokens.deleteAll(TokenPurpose.BOOKING_CANCEL, tenant.id(), subject))
                .then(tokens.deleteAll(TokenPurpose.BOOKING_VISITOR_CANCEL, tenant.id(), subject))
                .then(mailer.queue(tenant.id(), new Notice.BookingCancelled(booking.visitor().email(),
                        tenant.settings().language(), tenant.displayName().value(), byVisitor, cancel)))
                .then(mailer.queue(tenant.id(), new Notice.BookingCancelled(tenant.owner().email(),
                        tenant.settings().language(), tenant.displayName().value(), byVisitor, cancel)));
    }

    private Mono<URI> link(Tenant tenant, Booking booking, TokenPurpose purpose, String action) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            SecretToken secret = SecretToken.generate();
            Instant lastUse = booking.end().isAfter(now) ? booking.end() : now.plus(java.time.Duration.ofHours(1));
            Instant expires = lastUse.isAfter(now.plus(purpose.lifetime())) ? now.plus(purpose.lifetime()) : lastUse;
            return tokens.add(new OneTimeToken(secret.hash(), purpose, tenant.id(), booking.id().toString(), now,
                            expires))
                    .thenReturn(links.booking(booking.id(), action, secret));
        });
    }

    private CalendarEvent event(Tenant tenant, Booking booking, String method) {
        return new CalendarEvent(booking.id() + "@" + links.mailDomain(), booking.sequence(), method,
                booking.start().atZone(tenant.timeZone()), booking.end().atZone(tenant.timeZone()),
                tenant.displayName().value(), tenant.owner().email(), tenant.displayName().value(),
                booking.visitor().email(), booking.visitor().name(), booking.status());
    }
}
