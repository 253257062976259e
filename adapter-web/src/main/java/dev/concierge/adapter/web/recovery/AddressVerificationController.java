package dev.concierge.adapter.web.recovery;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.VerifyAddressUseCase;
import dev.concierge.domain.shared.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * E-mail verification: the page a verification link opens posts its token to
 * {@code POST /api/v1/auth/email-verification/confirm} (a POST, so that mail scanners following the link change
 * nothing), and a signed-in owner asks for a new link with {@code POST /api/v1/tenant/email-verification}.
 */
@RestController
public class AddressVerificationController {

    private final VerifyAddressUseCase verification;

    public AddressVerificationController(VerifyAddressUseCase verification) {
        this.verification = verification;
    }

    @PostMapping(path = "/api/v1/auth/email-verification/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> confirm(@RequestBody Mono<VerificationRequest> request, ClientAddress from) {
        return request.flatMap(body -> {
            if (body.token() == null || body.token().isEmpty()) {
                Violations violations = new Violations();
                violations.add("token", "is required");
                violations.throwIfAny();
            }
            return verification.verify(body.token(), from);
        });
    }

    @PostMapping(path = "/api/v1/tenant/email-verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> resend(Caller.OwnerCaller owner) {
        return verification.resend(owner);
    }
}
