package dev.concierge.adapter.web.admin;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.MailAdministrationUseCase;
import dev.concierge.application.port.in.MailNotFoundException;
import dev.concierge.application.port.out.MailStatus;
import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.adapter.web.support.QueryNumbers;
import dev.concierge.domain.shared.Violations;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The platform admin's view of the mail outbox under {@code /api/v1/admin/mail}: what is waiting, what was given up
 * and why, and sending a given-up mail again. Bodies are never shown (they may hold a link that still works).
 */
@RestController
public class AdminMailController {

    private static final String MAIL = "/api/v1/admin/mail";

    private final MailAdministrationUseCase mail;

    public AdminMailController(MailAdministrationUseCase mail) {
        this.mail = mail;
    }

    /**
     * @param status PENDING, SENT or FAILED (any case), or absent for all
     * @param page   from 0 (default)
     * @param size   1 to 100, default 20
     */
    @GetMapping(path = MAIL, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<MailPageResponse> list(Caller.AdminCaller admin,
            @RequestParam(required = false) String status,
            @RequestParam(required = false, defaultValue = "0") String page,
            @RequestParam(required = false, defaultValue = "20") String size) {
        Violations violations = new Violations();
        MailStatus wanted = status == null ? null : violations.attempt("status", () -> parseStatus(status));
        Integer pageNumber = violations.attempt("page", () -> QueryNumbers.parse(page));
        Integer pageSize = violations.attempt("size", () -> QueryNumbers.parse(size));
        violations.throwIfAny();
        return mail.list(wanted, pageNumber, pageSize).map(MailPageResponse::fromDomain);
    }

    @PostMapping(path = MAIL + "/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> retry(Caller.AdminCaller admin, ClientAddress from, @PathVariable String id) {
        return mail.retry(mailId(id), from);
    }

    /** A path id that is not a mail id names no mail: 404, like an unknown one. */
    private static UUID mailId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException notAnId) {
            throw new MailNotFoundException(raw);
        }
    }

    private static MailStatus parseStatus(String raw) {
        try {
            return MailStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException("must be one of: PENDING, SENT, FAILED");
        }
    }
}
