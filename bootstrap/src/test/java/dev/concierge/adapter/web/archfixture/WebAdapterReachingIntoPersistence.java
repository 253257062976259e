package dev.concierge.adapter.web.archfixture;

import dev.concierge.adapter.persistence.DatabaseUrl;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Breaks two rules on purpose: an adapter using another adapter, and Spring Boot auto-configuration outside the
 * bootstrap module. Test source only.
 */
@EnableAutoConfiguration
public class WebAdapterReachingIntoPersistence {

    public String url() {
        return DatabaseUrl.parse("postgresql://localhost/concierge").jdbcUrl();
    }
}
