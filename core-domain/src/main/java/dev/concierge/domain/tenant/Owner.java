package dev.concierge.domain.tenant;

import java.util.Objects;

/**
 * The account that manages a tenant: its login e-mail and password hash.
 */
public record Owner(EmailAddress email, PasswordHash passwordHash) {

    public Owner {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
