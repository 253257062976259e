package dev.concierge.adapter.persistence.tenant;

import dev.concierge.domain.tenant.Tenant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code tenant_allowed_origin} table: one origin a tenant allows, at its place in the owner's list
 * (0 first). Keyed by tenant and position together, so it has no single id; it is only ever inserted and deleted.
 */
@Table("tenant_allowed_origin")
record AllowedOriginRow(UUID tenantId, int position, String origin) {

    static List<AllowedOriginRow> fromDomain(Tenant tenant) {
        var origins = tenant.allowedOrigins().values();
        return IntStream.range(0, origins.size())
                .mapToObj(i -> new AllowedOriginRow(tenant.id().value(), i, origins.get(i).value()))
                .toList();
    }
}
