package dev.concierge.application.service;

import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.PasswordHash;
import java.util.Objects;

/**
 * The platform admin's account, from configuration: not stored with the tenants, so no tenant can become admin.
 */
public record PlatformAdmin(EmailAddress email, PasswordHash passwordHash) {

    public PlatformAdmin {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
