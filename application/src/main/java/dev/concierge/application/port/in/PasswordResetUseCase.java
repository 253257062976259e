package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.EmailAddress;
import reactor.core.publisher.Mono;

/**
 * "Forgot password": an owner asks for a link by mail, the page it opens checks the link, and the owner chooses a
 * new password there. Nothing in the answers tells whether an address has an account.
 */
public interface PasswordResetUseCase {

    /**
     * Mails a reset link to the owner with this address, if there is one and fewer than three were mailed to them in
     * the last hour. Completes the same way, after about the same time, in every case.
     *
     * @return empty; errors only with {@link dev.concierge.domain.account.TooManyAttemptsException} when the client
     *         address asked too often, whichever addresses it named
     */
    Mono<Void> requestReset(EmailAddress email, ClientAddress from);

    /** @return whether the token from a reset link can still be used; never says whose it is */
    Mono<Boolean> isValid(String token);

    /**
     * Sets the new password and uses the token up; every other reset link of the owner stops working, the lock after
     * failed sign-ins is lifted, sessions issued before are refused, and the owner is told by mail.
     *
     * @return empty; errors with {@link dev.concierge.domain.token.TokenNotValidException} when the token is unknown,
     *         used or expired
     */
    Mono<Void> reset(ResetPasswordCommand command, ClientAddress from);
}
