package dev.concierge.application.port.in;

import reactor.core.publisher.Mono;

/**
 * An owner proves their e-mail address is theirs with the link mailed at sign-up, and may ask for a new link.
 */
public interface VerifyAddressUseCase {

    /**
     * Marks the owner's address verified and uses the token up.
     *
     * @return empty; errors with {@link dev.concierge.domain.token.TokenNotValidException} when the token is unknown,
     *         used or expired
     */
    Mono<Void> verify(String token, ClientAddress from);

    /**
     * Mails the signed-in owner a new verification link, unless the address is verified already; earlier links stop
     * working. Limited like reset mails: at most three an hour.
     *
     * @return empty in every case
     */
    Mono<Void> resend(Caller.OwnerCaller owner);
}
