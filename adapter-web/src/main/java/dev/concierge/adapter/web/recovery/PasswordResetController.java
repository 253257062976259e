package dev.concierge.adapter.web.recovery;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.PasswordResetUseCase;
import dev.concierge.application.port.in.ResetPasswordCommand;
import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.EmailAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * "Forgot password" under {@code /api/v1/auth/password-reset}: ask for a link, check a link, set the new password.
 * A request is answered with the same status and body whether or not the address has an account.
 */
@RestController
public class PasswordResetController {

    static final String PATH = "/api/v1/auth/password-reset";

    /** The one answer to every accepted request. */
    static final ResetRequestedResponse REQUESTED = new ResetRequestedResponse(
            "If an account uses this address, a link to choose a new password is on its way. It is valid for one hour.");

    private final PasswordResetUseCase reset;

    public PasswordResetController(PasswordResetUseCase reset) {
        this.reset = reset;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<ResetRequestedResponse> request(@RequestBody Mono<ResetRequest> request, ClientAddress from) {
        return request
                .map(body -> {
                    Violations violations = new Violations();
                    EmailAddress email = violations.field("email", body.email(), EmailAddress::of);
                    violations.throwIfAny();
                    return email;
                })
                .flatMap(email -> reset.requestReset(email, from))
                .thenReturn(REQUESTED);
    }

    @GetMapping(path = PATH + "/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<TokenStatusResponse> check(@PathVariable String token) {
        return reset.isValid(token).map(TokenStatusResponse::new);
    }

    @PostMapping(path = PATH + "/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> confirm(@RequestBody Mono<NewPasswordRequest> request, ClientAddress from) {
        return request
                .map(body -> ResetPasswordCommand.of(body.token(), body.newPassword()))
                .flatMap(command -> reset.reset(command, from));
    }
}
