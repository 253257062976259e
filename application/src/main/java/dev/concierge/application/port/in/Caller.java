package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.TenantId;
import java.util.Objects;

/**
 * Who is making a request, proved by a valid session.
 */
public sealed interface Caller {

    /** The owner of one tenant; every owner operation acts on this tenant and no other. */
    record OwnerCaller(TenantId tenantId) implements Caller {

        public OwnerCaller {
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }

    /** The platform admin. */
    record AdminCaller(EmailAddress email) implements Caller {

        public AdminCaller {
            Objects.requireNonNull(email, "email");
        }
    }
}
