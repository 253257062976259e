package dev.concierge.application.port.in;

import reactor.core.publisher.Mono;

/**
 * Checks the session a request carries, on every request.
 */
public interface AuthenticateUseCase {

    /**
     * @param token the bearer token as sent, or {@code null} when the request carried none
     * @return who is calling; errors with {@link dev.concierge.domain.account.SessionRejectedException} when the token
     *         is missing, malformed, expired, signed by someone else, issued before its owner's last password change
     *         or sign-out everywhere, or names an account that no longer exists
     */
    Mono<Caller> authenticate(String token);
}
