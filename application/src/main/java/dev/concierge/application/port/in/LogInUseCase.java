package dev.concierge.application.port.in;

import reactor.core.publisher.Mono;

/**
 * An owner or the platform admin signs in with e-mail and password.
 */
public interface LogInUseCase {

    /**
     * @return a session for the account; errors with {@link dev.concierge.domain.account.SignInFailedException} for
     *         an unknown e-mail and for a wrong password alike (same message, about the same time), with
     *         {@link dev.concierge.domain.account.TooManyAttemptsException} while the account or the address is
     *         locked after repeated failures or the address sent too many sign-ins, and with
     *         {@link java.util.concurrent.RejectedExecutionException} when password checking is at capacity
     */
    Mono<SignedIn> logIn(LogInCommand command);
}
