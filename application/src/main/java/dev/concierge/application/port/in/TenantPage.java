package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.Tenant;
import java.util.List;

/**
 * One page of a tenant listing.
 *
 * @param page  the page number, from 0
 * @param size  the most tenants a page holds
 * @param total how many tenants match in all pages
 */
public record TenantPage(List<Tenant> items, int page, int size, long total) {

    public TenantPage {
        items = List.copyOf(items);
    }
}
