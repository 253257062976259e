package dev.concierge.application.service;

import dev.concierge.application.port.in.BookSlotUseCase;
import dev.concierge.application.port.in.BookingForm;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.IdempotencyKeyTakenException;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.IdempotencyKeyReusedException;
import dev.concierge.domain.booking.SlotTakenException;
import dev.concierge.domain.booking.Visitor;
import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.TenantNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * A visitor books a slot. The start must be an occurrence of the tenant's availability, far enough ahead; the
 * database decides who gets a slot that several visitors want at once (the others hear it is taken). The booking, the
 * tokens of its links and the mails to owner and visitor are stored in one transaction. A request that carries an
 * idempotency key is answered with the first booking when it comes again with the same content, so a retry after a
 * lost answer books nothing twice.
 */
public final class BookSlotService implements BookSlotUseCase {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + MAX_IDEMPOTENCY_KEY_LENGTH + "}");

    private final Tenants tenants;
    private final AvailabilityRules rules;
    private final Bookings bookings;
    private final FreeSlotsService slots;
    private final BookingMails mails;
    private final Transactions transactions;
    private final Clock clock;

    public BookSlotService(Tenants tenants, AvailabilityRules rules, Bookings bookings, FreeSlotsService slots,
            dev.concierge.application.port.out.OneTimeTokens tokens, Mailer mailer, ConsoleLinks links,
            Transactions transactions, Clock clock) {
        this.tenants = tenants;
        this.rules = rules;
        this.bookings = bookings;
        this.slots = slots;
        this.mails = new BookingMails(tokens, mailer, links, clock);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Mono<Booked> book(PublishedWidget widget, BookingForm form, String idempotencyKey) {
        return Mono.defer(() -> {
            FreeSlotsService.requireAppointments(widget);
            Violations violations = new Violations();
            Instant start = violations.field("start", form.start(), BookSlotService::parseStart);
            Visitor visitor = violations.collect(() -> Visitor.of(form.name(), form.email(), form.phone(),
                    form.notes()));
            if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
                violations.add("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                        + " visible ASCII characters");
            }
            violations.throwIfAny();
            String hash = idempotencyKey == null ? null : hash(start, visitor);
            Mono<Booked> fresh = Mono.defer(() -> bookNew(widget, start, visitor, idempotencyKey, hash));
            if (idempotencyKey == null) {
                return fresh;
            }
            return bookings.findByIdempotencyKey(widget.tenantId(), idempotencyKey)
                    .map(first -> replay(first, hash))
                    .switchIfEmpty(fresh)
                    .onErrorResume(IdempotencyKeyTakenException.class,
                            raced -> bookings.findByIdempotencyKey(widget.tenantId(), idempotencyKey)
                                    .map(first -> replay(first, hash)));
        });
    }

    private Mono<Booked> bookNew(PublishedWidget widget, Instant start, Visitor visitor, String key, String hash) {
        return rules.list(widget.tenantId()).collectList()
                .map(tenantRules -> slots.bookableSlot(widget, tenantRules, start).orElseThrow(() -> {
                    Violations violations = new Violations();
                    violations.add("start", "is not a free slot of this business (or too soon to book)");
                    violations.throwIfAny();
                    return new IllegalStateException("unreachable");
                }))
                .flatMap(slot -> bookings.activeBetween(widget.tenantId(), slot.start(), slot.end()).hasElements()
                        .flatMap(taken -> taken ? Mono.error(new SlotTakenException())
                                : tenants.findById(widget.tenantId())
                                        .switchIfEmpty(Mono.error(() -> new TenantNotFoundException(
                                                "with id " + widget.tenantId())))
                                        .flatMap(tenant -> transactions.inTransaction(bookings.add(Booking.request(
                                                        BookingId.random(), tenant.id(), slot, visitor,
                                                        clock.instant(), key, hash))
                                                .flatMap(booking -> mails.requested(tenant, booking)
                                                        .thenReturn(booking))))))
                .map(booking -> new Booked(booking, false));
    }

    private static Booked replay(Booking first, String hash) {
        if (!first.requestHash().equals(hash)) {
            throw new IdempotencyKeyReusedException();
        }
        return new Booked(first, true);
    }

    private static Instant parseStart(String raw) {
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidValueException("must be a date and time with offset, such as 2026-12-01T09:00:00Z");
        }
    }

    /** What makes two requests the same booking: the slot and everything the visitor typed. */
    private static String hash(Instant start, Visitor visitor) {
        String canonical = String.join("\u0000", start.toString(), visitor.name(), visitor.email().value(),
                visitor.phone() == null ? "" : visitor.phone(), visitor.notes() == null ? "" : visitor.notes());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
