package dev.concierge.application.port.out;

import dev.concierge.domain.account.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * What a session token says about its bearer.
 *
 * @param subject   whom the session belongs to: the tenant id for an owner, the admin's e-mail for the admin; at most
 *                  254 characters
 * @param role      what the bearer may do
 * @param issuedAt  when the session started, in whole seconds
 * @param expiresAt when it ends, in whole seconds, after {@code issuedAt}
 * @param tokenId   unique per token, so that one token can be told apart from another in logs
 */
public record SessionClaims(String subject, Role role, Instant issuedAt, Instant expiresAt, String tokenId) {

    public SessionClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
        if (subject.isBlank() || subject.length() > 254) {
            throw new IllegalArgumentException("a session's subject is 1 to 254 characters");
        }
        if (issuedAt.getNano() != 0 || expiresAt.getNano() != 0 || !expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a session runs between two whole seconds, the end after the start");
        }
    }
}
