package dev.concierge.application.service;

import dev.concierge.domain.tenant.Tenant;

/**
 * Told by the services of this instance after they stored a change to a tenant, so that what this instance derived
 * from the old state (such as a cached widget) is dropped at once. Other instances learn of the change only from
 * the database, within their own caches' lifetime.
 */
@FunctionalInterface
public interface TenantChanges {

    /** Nobody listens. */
    TenantChanges NONE = tenant -> { };

    void changed(Tenant tenant);
}
