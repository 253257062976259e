package dev.concierge.adapter.web.appointment;

import dev.concierge.adapter.web.support.QueryNumbers;
import dev.concierge.application.port.in.BookingDecisionUseCase;
import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.LoadOwnSettingsUseCase;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.shared.Violations;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in owner's bookings under {@code /api/v1/tenant/bookings}: listed by date range and status, confirmed
 * or cancelled.
 */
@RestController
public class OwnerBookingsController {

    private static final String BOOKINGS = "/api/v1/tenant/bookings";

    private final BookingDecisionUseCase decisions;
    private final LoadOwnSettingsUseCase settings;

    public OwnerBookingsController(BookingDecisionUseCase decisions, LoadOwnSettingsUseCase settings) {
        this.decisions = decisions;
        this.settings = settings;
    }

    /** One page of bookings, plus the zone their local times are in. */
    public record Page(List<BookingResponse> items, int page, int size, long total) {
    }

    /**
     * @param from   start of the range (bookings starting at or after), default a day ago
     * @param to     end of the range, default 90 days after {@code from}, at most 366 days after it
     * @param status REQUESTED, CONFIRMED or CANCELLED, or absent for all
     */
    @GetMapping(path = BOOKINGS, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Page> list(Caller.OwnerCaller owner,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String status,
            @RequestParam(required = false, defaultValue = "0") String page,
            @RequestParam(required = false, defaultValue = "20") String size) {
        Violations violations = new Violations();
        Instant start = violations.attempt("from", () -> QueryValues.instant(from));
        Instant end = violations.attempt("to", () -> QueryValues.instant(to));
        BookingStatus wanted = status == null ? null : violations.attempt("status", () -> parseStatus(status));
        Integer pageNumber = violations.attempt("page", () -> QueryNumbers.parse(page));
        Integer pageSize = violations.attempt("size", () -> QueryNumbers.parse(size));
        violations.throwIfAny();
        return zone(owner).flatMap(zone -> decisions.list(owner, start, end, wanted, pageNumber, pageSize)
                .map(found -> new Page(found.items().stream().map(b -> BookingResponse.fromDomain(b, zone)).toList(),
                        found.page(), found.size(), found.total())));
    }

    @PostMapping(path = BOOKINGS + "/{id}/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<BookingResponse> confirm(Caller.OwnerCaller owner, @PathVariable String id) {
        return Mono.defer(() -> decisions.confirm(owner, QueryValues.bookingId(id)))
                .zipWith(zone(owner), BookingResponse::fromDomain);
    }

    @PostMapping(path = BOOKINGS + "/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<BookingResponse> cancel(Caller.OwnerCaller owner, @PathVariable String id) {
        return Mono.defer(() -> decisions.cancel(owner, QueryValues.bookingId(id)))
                .zipWith(zone(owner), BookingResponse::fromDomain);
    }

    private Mono<ZoneId> zone(Caller.OwnerCaller owner) {
        return settings.load(owner).map(tenant -> tenant.timeZone());
    }

    private static BookingStatus parseStatus(String raw) {
        try {
            return BookingStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException("must be one of: REQUESTED, CONFIRMED, CANCELLED");
        }
    }
}
