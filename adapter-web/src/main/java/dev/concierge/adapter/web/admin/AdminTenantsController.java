package dev.concierge.adapter.web.admin;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.ListTenantsUseCase;
import dev.concierge.application.port.in.ReactivateTenantUseCase;
import dev.concierge.application.port.in.SuspendTenantUseCase;
import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.adapter.web.support.QueryNumbers;
import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import dev.concierge.domain.tenant.TenantStatus;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The platform admin's tenant endpoints under {@code /api/v1/admin/tenants}. Every handler takes a
 * {@link Caller.AdminCaller}, so only an admin session reaches it: no session is 401, an owner's is 403.
 */
@RestController
public class AdminTenantsController {

    private static final String TENANTS = "/api/v1/admin/tenants";

    private final ListTenantsUseCase list;
    private final ConfirmTenantUseCase confirm;
    private final SuspendTenantUseCase suspend;
    private final ReactivateTenantUseCase reactivate;

    public AdminTenantsController(ListTenantsUseCase list, ConfirmTenantUseCase confirm, SuspendTenantUseCase suspend,
            ReactivateTenantUseCase reactivate) {
        this.list = list;
        this.confirm = confirm;
        this.suspend = suspend;
        this.reactivate = reactivate;
    }

    /**
     * @param status PENDING, ACTIVE or SUSPENDED (any case), or absent for all
     * @param page   from 0 (default)
     * @param size   1 to 100, default 20
     */
    @GetMapping(path = TENANTS, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<TenantPageResponse> list(Caller.AdminCaller admin,
            @RequestParam(required = false) String status,
            @RequestParam(required = false, defaultValue = "0") String page,
            @RequestParam(required = false, defaultValue = "20") String size) {
        Violations violations = new Violations();
        TenantStatus wanted = status == null ? null : violations.attempt("status", () -> parseStatus(status));
        Integer pageNumber = violations.attempt("page", () -> QueryNumbers.parse(page));
        Integer pageSize = violations.attempt("size", () -> QueryNumbers.parse(size));
        violations.throwIfAny();
        return list.list(wanted, pageNumber, pageSize).map(TenantPageResponse::fromDomain);
    }

    @PostMapping(path = TENANTS + "/{id}/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<AdminTenantResponse> confirm(Caller.AdminCaller admin, ClientAddress from, @PathVariable String id) {
        return confirm.confirm(tenantId(id), from).map(AdminTenantResponse::fromDomain);
    }

    @PostMapping(path = TENANTS + "/{id}/suspend", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<AdminTenantResponse> suspend(Caller.AdminCaller admin, ClientAddress from, @PathVariable String id,
            @RequestBody Mono<SuspendRequest> request) {
        TenantId tenantId = tenantId(id);
        return request.flatMap(body -> suspend.suspend(tenantId, body.reason(), from))
                .map(AdminTenantResponse::fromDomain);
    }

    @PostMapping(path = TENANTS + "/{id}/reactivate", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<AdminTenantResponse> reactivate(Caller.AdminCaller admin, ClientAddress from,
            @PathVariable String id) {
        return reactivate.reactivate(tenantId(id), from).map(AdminTenantResponse::fromDomain);
    }

    /** A path id that is not a tenant id names no tenant: 404, like an unknown one. */
    private static TenantId tenantId(String raw) {
        try {
            return new TenantId(UUID.fromString(raw));
        } catch (IllegalArgumentException notAnId) {
            throw new TenantNotFoundException("with id " + raw);
        }
    }

    private static TenantStatus parseStatus(String raw) {
        try {
            return TenantStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException("must be one of: PENDING, ACTIVE, SUSPENDED");
        }
    }
}
