package dev.concierge.application.service;

import dev.concierge.application.port.in.BookingAction;
import dev.concierge.application.port.in.BookingDecisionUseCase;
import dev.concierge.application.port.in.BookingPage;
import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.out.BookingChangedConcurrentlyException;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingNotFoundException;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.SecretToken;
import dev.concierge.domain.token.TokenNotValidException;
import dev.concierge.domain.token.TokenPurpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The owner confirms or cancels bookings (signed in, or from the links in the request mail), the visitor cancels
 * theirs from the link in the receipt. A change is stored with the mails it causes in one transaction; a booking
 * changed meanwhile by someone else is read again and the change applied to its new state.
 */
public final class BookingDecisionService implements BookingDecisionUseCase {

    /** The longest range an owner's list covers. */
    public static final Duration MAX_RANGE = Duration.ofDays(366);

    private static final int ATTEMPTS = 5;

    private final Tenants tenants;
    private final Bookings bookings;
    private final OneTimeTokens tokens;
    private final BookingMails mails;
    private final Transactions transactions;
    private final Clock clock;

    public BookingDecisionService(Tenants tenants, Bookings bookings, OneTimeTokens tokens, Mailer mailer,
            ConsoleLinks links, Transactions transactions, Clock clock) {
        this.tenants = tenants;
        this.bookings = bookings;
        this.tokens = tokens;
        this.mails = new BookingMails(tokens, mailer, links, clock);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Mono<Booking> confirm(Caller.OwnerCaller owner, BookingId id) {
        return tenant(owner.tenantId()).flatMap(tenant -> change(tenant, id, BookingAction.CONFIRM));
    }

    @Override
    public Mono<Booking> cancel(Caller.OwnerCaller owner, BookingId id) {
        return tenant(owner.tenantId()).flatMap(tenant -> change(tenant, id, BookingAction.CANCEL));
    }

    @Override
    public Mono<LinkedBooking> preview(BookingId id, BookingAction action, String token) {
        return Mono.defer(() -> findToken(id, action, token)
                .switchIfEmpty(Mono.error(TokenNotValidException::new))
                .flatMap(found -> tenant(found.tenantId())
                        .flatMap(tenant -> bookings.findById(found.tenantId(), id)
                                .map(booking -> linked(tenant, booking, found)))));
    }

    @Override
    public Mono<LinkedBooking> perform(BookingId id, BookingAction action, String token) {
        return transactions.inTransaction(Mono.defer(() -> findToken(id, action, token)
                .switchIfEmpty(Mono.error(TokenNotValidException::new))
                .flatMap(found -> tenant(found.tenantId())
                        .flatMap(tenant -> change(tenant, id, actionOf(found.purpose()))
                                .flatMap(changed -> tokens.consume(found.purpose(), found.hash(), clock.instant())
                                        .thenReturn(linked(tenant, changed, found)))))));
    }

    private static LinkedBooking linked(Tenant tenant, Booking booking, OneTimeToken token) {
        return new LinkedBooking(booking, tenant.displayName().value(), tenant.timeZone(),
                tenant.settings().language(), actionOf(token.purpose()));
    }

    @Override
    public Mono<BookingPage> list(Caller.OwnerCaller owner, Instant from, Instant to, BookingStatus status, int page,
            int size) {
        return Mono.defer(() -> {
            Paging.check(page, size, MAX_PAGE_SIZE);
            Instant start = from == null ? clock.instant().minus(Duration.ofDays(1)) : from;
            Instant end = to == null ? start.plus(Duration.ofDays(90)) : to;
            Violations violations = new Violations();
            if (!end.isAfter(start)) {
                violations.add("to", "must be after from");
            } else if (end.isAfter(start.plus(MAX_RANGE))) {
                violations.add("to", "must be at most " + MAX_RANGE.toDays() + " days after from");
            }
            violations.throwIfAny();
            return Mono.zip(bookings.list(owner.tenantId(), start, end, status, (long) page * size, size)
                                    .collectList(),
                            bookings.count(owner.tenantId(), start, end, status))
                    .map(found -> new BookingPage(found.getT1(), page, size, found.getT2()));
        });
    }

    /** The token of a link, if it is valid and was issued for this booking and this kind of action. */
    private Mono<OneTimeToken> findToken(BookingId id, BookingAction action, String token) {
        SecretToken secret = SecretToken.parse(token).orElseThrow(TokenNotValidException::new);
        List<TokenPurpose> purposes = action == BookingAction.CONFIRM ? List.of(TokenPurpose.BOOKING_CONFIRM)
                : List.of(TokenPurpose.BOOKING_CANCEL, TokenPurpose.BOOKING_VISITOR_CANCEL);
        Instant now = clock.instant();
        return reactor.core.publisher.Flux.fromIterable(purposes)
                .concatMap(purpose -> tokens.find(purpose, secret.hash(), now))
                .filter(found -> found.subject().equals(id.toString()))
                .next();
    }

    private static BookingAction actionOf(TokenPurpose purpose) {
        return switch (purpose) {
            case BOOKING_CONFIRM -> BookingAction.CONFIRM;
            case BOOKING_CANCEL -> BookingAction.CANCEL;
            case BOOKING_VISITOR_CANCEL -> BookingAction.VISITOR_CANCEL;
            default -> throw new TokenNotValidException();
        };
    }

    private Mono<Tenant> tenant(TenantId tenantId) {
        return tenants.findById(tenantId)
                .switchIfEmpty(Mono.error(() -> new TenantNotFoundException("with id " + tenantId)));
    }

    private Mono<Booking> change(Tenant tenant, BookingId id, BookingAction action) {
        return transactions.inTransaction(Mono.defer(() -> bookings.findById(tenant.id(), id)
                        .switchIfEmpty(Mono.error(() -> new BookingNotFoundException("with id " + id)))
                        .flatMap(current -> apply(tenant, current, action))))
                .retryWhen(Retry.max(ATTEMPTS - 1)
                        .filter(BookingChangedConcurrentlyException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<Booking> apply(Tenant tenant, Booking current, BookingAction action) {
        Instant now = clock.instant();
        Booking changed = action == BookingAction.CONFIRM ? current.confirm(now) : current.cancel(now);
        if (changed.equals(current)) {
            return Mono.just(current);
        }
        Mono<Void> mail = action == BookingAction.CONFIRM ? mails.confirmed(tenant, changed)
                : mails.cancelled(tenant, changed, action == BookingAction.VISITOR_CANCEL);
        return bookings.update(changed).flatMap(stored -> mail.thenReturn(stored));
    }
}
