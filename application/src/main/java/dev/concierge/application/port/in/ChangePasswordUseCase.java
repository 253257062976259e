package dev.concierge.application.port.in;

import reactor.core.publisher.Mono;

/**
 * A signed-in owner changes their password. Every session issued before the change stops working, the caller's own
 * included; the answer is a fresh session.
 */
public interface ChangePasswordUseCase {

    /**
     * @return a new session; errors with {@link dev.concierge.domain.account.WrongPasswordException} when the
     *         current password is wrong (which counts as a failed sign-in of the account), with
     *         {@link dev.concierge.domain.account.TooManyAttemptsException} while the account is locked, and with
     *         {@link java.util.concurrent.RejectedExecutionException} when password hashing is at capacity
     */
    Mono<SignedIn> changePassword(Caller.OwnerCaller owner, ChangePasswordCommand command, ClientAddress from);
}
