package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.DomainException;

/**
 * No tenant matches, or the tenant may not be shown to the one asking. Unknown and hidden tenants look the same.
 */
public final class TenantNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public TenantNotFoundException(String what) {
        super(Kind.NOT_FOUND, "no tenant " + what);
    }
}
