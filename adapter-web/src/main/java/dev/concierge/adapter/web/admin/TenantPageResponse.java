package dev.concierge.adapter.web.admin;

import dev.concierge.application.port.in.TenantPage;
import java.util.List;

/**
 * One page of the admin's tenant listing.
 *
 * @param page  from 0
 * @param total how many tenants match in all pages
 */
public record TenantPageResponse(List<AdminTenantResponse> items, int page, int size, long total) {

    static TenantPageResponse fromDomain(TenantPage page) {
        return new TenantPageResponse(page.items().stream().map(AdminTenantResponse::fromDomain).toList(),
                page.page(), page.size(), page.total());
    }
}
