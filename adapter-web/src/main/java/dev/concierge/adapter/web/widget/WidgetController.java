package dev.concierge.adapter.web.widget;

import dev.concierge.domain.tenant.Tenant;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's public configuration: {@code GET /api/v1/widget/{clientKey}}. Tenant lookup and origin checks happen
 * in {@link WidgetOriginFilter} before this runs.
 */
@RestController
public class WidgetController {

    /** Owners see their branding changes on visitors' pages within this time. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    @GetMapping(path = "/api/v1/widget/{clientKey}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<WidgetConfigResponse> config(@WidgetTenant Tenant tenant) {
        return ResponseEntity.ok().cacheControl(CACHE).body(WidgetConfigResponse.fromDomain(tenant));
    }
}
