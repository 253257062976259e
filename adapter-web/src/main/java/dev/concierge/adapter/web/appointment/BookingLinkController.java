package dev.concierge.adapter.web.appointment;

import dev.concierge.application.port.in.BookingAction;
import dev.concierge.application.port.in.BookingDecisionUseCase;
import dev.concierge.application.port.in.BookingDecisionUseCase.LinkedBooking;
import dev.concierge.domain.booking.BookingNotFoundException;
import dev.concierge.domain.tenant.Language;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The links in booking mails: {@code /api/v1/bookings/{id}/confirm?token=...} and {@code .../cancel?token=...}.
 * Opening one (GET) only shows what it will do, so that mail scanners and link previews change nothing; the button
 * on that page (a POST to the same address) does it. Browsers get a small page, API clients JSON.
 */
@RestController
public class BookingLinkController {

    private static final String LINK = "/api/v1/bookings/{id}/{action}";

    private final BookingDecisionUseCase decisions;

    public BookingLinkController(BookingDecisionUseCase decisions) {
        this.decisions = decisions;
    }

    /** What a link does and to which booking, without a visitor's contact details. */
    public record LinkResponse(String bookingId, String action, String status, String business, String localStart,
            String timeZone, String visitorName) {
    }

    @GetMapping(path = LINK, produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_JSON_VALUE})
    public Mono<ResponseEntity<?>> preview(@PathVariable String id, @PathVariable String action,
            @RequestParam(required = false) String token,
            @RequestHeader(name = "Accept", required = false) String accept) {
        return Mono.defer(() -> decisions.preview(QueryValues.bookingId(id), action(action), token))
                .map(linked -> answer(linked, accept, false));
    }

    @PostMapping(path = LINK, produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_JSON_VALUE})
    public Mono<ResponseEntity<?>> perform(@PathVariable String id, @PathVariable String action,
            @RequestParam(required = false) String token,
            @RequestHeader(name = "Accept", required = false) String accept) {
        return Mono.defer(() -> decisions.perform(QueryValues.bookingId(id), action(action), token))
                .map(linked -> answer(linked, accept, true));
    }

    private static BookingAction action(String raw) {
        return switch (raw) {
            case "confirm" -> BookingAction.CONFIRM;
            case "cancel" -> BookingAction.CANCEL;
            default -> throw new BookingNotFoundException("action " + raw);
        };
    }

    private static ResponseEntity<?> answer(LinkedBooking linked, String accept, boolean done) {
        String localStart = linked.booking().start().atZone(linked.timeZone()).toLocalDateTime().toString();
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(
                    new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page(linked, done));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new LinkResponse(
                linked.booking().id().toString(), verb(linked.action()), linked.booking().status().name(),
                linked.businessName(), localStart, linked.timeZone().getId(), linked.booking().visitor().name()));
    }

    private static String verb(BookingAction action) {
        return action == BookingAction.CONFIRM ? "confirm" : "cancel";
    }

    /** A page in the tenant's language, every value escaped; the button posts back to the same address. */
    private static String page(LinkedBooking linked, boolean done) {
        boolean german = linked.language() == Language.DE;
        boolean confirm = linked.action() == BookingAction.CONFIRM;
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(german ? Locale.GERMAN : Locale.ENGLISH)
                .format(linked.booking().start().atZone(linked.timeZone()));
        String what = HtmlUtils.htmlEscape(linked.businessName()) + ", " + HtmlUtils.htmlEscape(when) + " ("
                + HtmlUtils.htmlEscape(linked.timeZone().getId()) + ")"
                + (linked.action() == BookingAction.VISITOR_CANCEL ? ""
                        : (german ? ", gebucht von " : ", booked by ")
                                + HtmlUtils.htmlEscape(linked.booking().visitor().name()));
        String status = linked.booking().status().name();
        String heading;
        String body;
        if (done) {
            heading = confirm ? (german ? "Termin bestätigt" : "Appointment confirmed")
                    : (german ? "Termin abgesagt" : "Appointment cancelled");
            body = "<p>" + what + "</p><p>" + (german ? "Alle Beteiligten wurden per E-Mail informiert."
                    : "Everyone concerned has been told by mail.") + "</p>";
        } else {
            heading = confirm ? (german ? "Diesen Termin bestätigen?" : "Confirm this appointment?")
                    : (german ? "Diesen Termin absagen?" : "Cancel this appointment?");
            body = "<p>" + what + "</p><p>" + (german ? "Stand: " : "Status: ") + status
                    + "</p><form method=\"post\"><button type=\"submit\">"
                    + (confirm ? (german ? "Termin bestätigen" : "Confirm appointment")
                            : (german ? "Termin absagen" : "Cancel appointment"))
                    + "</button></form>";
        }
        return String.join("\n", List.of("<!doctype html>",
                "<html lang=\"" + linked.language().code() + "\"><head><meta charset=\"utf-8\">",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                "<title>" + heading + "</title></head><body>", "<h1>" + heading + "</h1>", body, "</body></html>"));
    }
}
