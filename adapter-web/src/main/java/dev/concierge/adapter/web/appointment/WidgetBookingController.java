package dev.concierge.adapter.web.appointment;

import dev.concierge.adapter.web.widget.WidgetTenant;
import dev.concierge.application.port.in.BookSlotUseCase;
import dev.concierge.application.port.in.FreeSlotsUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.domain.shared.Violations;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The widget's appointment endpoints: free slots ({@code GET /api/v1/widget/{clientKey}/slots}) and booking
 * ({@code POST /api/v1/widget/{clientKey}/bookings}). The origin filter has admitted the request for an active
 * tenant already; a tenant without online appointments answers 404 here.
 */
@RestController
public class WidgetBookingController {

    private final FreeSlotsUseCase slots;
    private final BookSlotUseCase book;

    public WidgetBookingController(FreeSlotsUseCase slots, BookSlotUseCase book) {
        this.slots = slots;
        this.book = book;
    }

    /**
     * @param from the window's start (default now)
     * @param to   the window's end (default 14 days after {@code from}, at most 60)
     */
    @GetMapping(path = "/api/v1/widget/{clientKey}/slots", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<SlotsResponse>> slots(@WidgetTenant PublishedWidget tenant,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Violations violations = new Violations();
        Instant start = violations.attempt("from", () -> QueryValues.instant(from));
        Instant end = violations.attempt("to", () -> QueryValues.instant(to));
        violations.throwIfAny();
        return slots.freeSlots(tenant, start, end)
                .map(free -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(SlotsResponse.fromDomain(free)));
    }

    @PostMapping(path = "/api/v1/widget/{clientKey}/bookings", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<BookingResponse>> book(@WidgetTenant PublishedWidget tenant,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody Mono<BookingRequest> request) {
        return request.flatMap(body -> book.book(tenant, body.toForm(), idempotencyKey))
                .map(booked -> {
                    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED)
                            .cacheControl(CacheControl.noStore());
                    if (booked.replayed()) {
                        answer.header("Idempotent-Replayed", "true");
                    }
                    return answer.body(BookingResponse.fromDomain(booked.booking(), tenant.timeZone()));
                });
    }
}
