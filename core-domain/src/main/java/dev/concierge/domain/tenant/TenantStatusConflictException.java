package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.DomainException;

/**
 * A status change that does not apply to the tenant's current status, such as confirming a suspended tenant (which
 * is reactivated instead). Nothing changed.
 */
public final class TenantStatusConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public TenantStatusConflictException(TenantStatus current, String wanted) {
        super(Kind.CONFLICT, "the tenant is " + current + " and cannot be " + wanted);
    }
}
