package dev.concierge.adapter.web.tenant;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Sign-up: {@code POST /api/v1/tenants}. The new tenant waits for the platform admin's confirmation.
 */
@RestController
public class SignUpController {

    private final SignUpTenantUseCase signUp;

    public SignUpController(SignUpTenantUseCase signUp) {
        this.signUp = signUp;
    }

    @PostMapping(path = "/api/v1/tenants", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<TenantResponse> signUp(@RequestBody Mono<SignUpRequest> request, ClientAddress from) {
        return request
                .map(SignUpRequest::toCommand)
                .flatMap(command -> signUp.signUp(command, from))
                .map(TenantResponse::fromDomain);
    }
}
