package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.DomainException;

/**
 * A change to a tenant was based on a state that is no longer the stored one: someone else changed the tenant in
 * between. Nothing was written; the caller reads the tenant again and decides anew.
 */
public final class TenantChangedConcurrentlyException extends DomainException {

    private static final long serialVersionUID = 1L;

    public TenantChangedConcurrentlyException(long basedOnVersion) {
        super(Kind.CONFLICT, "the tenant changed since version " + basedOnVersion + " was read; read it again "
                + "and repeat the change");
    }
}
