package dev.concierge.adapter.web.widget;

import dev.concierge.adapter.web.http.EntityTags;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.domain.tenant.ClientKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget's public configuration: {@code GET /api/v1/widget/{clientKey}}. Tenant lookup and origin checks happen
 * in {@link WidgetOriginFilter} before this runs.
 *
 * <p>Browsers and shared caches may keep the answer for a minute and then revalidate it with its strong
 * {@code ETag}: an unchanged configuration costs a 304 without a body. The JSON and its tag are made once per
 * published state (the use case hands out the same {@link PublishedWidget} while it is cached), not per request.
 */
@RestController
public class WidgetController {

    /** Owners see their branding changes on visitors' pages within this time. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()
            .staleWhileRevalidate(Duration.ofSeconds(30));
    private static final JsonMapper JSON = JsonMapper.shared();
    /** More tenants than this are rendered again on each request rather than kept. */
    private static final int MAX_RENDERED = 10_000;

    private final Map<ClientKey, Rendered> rendered = new ConcurrentHashMap<>();

    @GetMapping(path = "/api/v1/widget/{clientKey}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> config(@WidgetTenant PublishedWidget tenant) {
        Rendered answer = rendered.get(tenant.clientKey());
        if (answer == null || answer.source() != tenant) {
            answer = Rendered.of(tenant);
            if (rendered.size() < MAX_RENDERED || rendered.containsKey(tenant.clientKey())) {
                rendered.put(tenant.clientKey(), answer);
            }
        }
        // The framework answers 304 without the body when If-None-Match names this tag.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(answer.etag()).cacheControl(CACHE)
                .body(answer.body());
    }

    /** The answer for one published state, kept while the use case hands out that very state. */
    private record Rendered(PublishedWidget source, byte[] body, String etag) {

        static Rendered of(PublishedWidget tenant) {
            byte[] body = JSON.writeValueAsBytes(WidgetConfigResponse.fromDomain(tenant));
            return new Rendered(tenant, body, EntityTags.of(body));
        }
    }
}
