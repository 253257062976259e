package dev.concierge.adapter.web.account;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.LogInCommand;
import dev.concierge.application.port.in.LogInUseCase;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Sign-in: {@code POST /api/v1/auth/login}. The session token comes back in the body, for the client to send as a
 * bearer header; no cookie is set, so there is nothing a forged cross-site request could ride on.
 */
@RestController
public class LoginController {

    private final LogInUseCase logIn;
    private final Clock clock;

    public LoginController(LogInUseCase logIn, Clock clock) {
        this.logIn = logIn;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<SessionResponse>> logIn(@RequestBody Mono<LoginRequest> request, ClientAddress from) {
        return request
                .map(body -> LogInCommand.of(body.email(), body.password(), from))
                .flatMap(logIn::logIn)
                .map(session -> SessionAnswers.answer(session, clock));
    }
}
