package dev.concierge.adapter.web.audit;

import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each security event as one line to the logger {@code concierge.security}, as key=value pairs an operator
 * can grep or ship to a log store:
 * {@code event=LOGIN_FAILED at=2026-11-27T10:00:00Z tenant=- address=203.0.113.7 detail=-}. Times are UTC. The
 * line holds only what {@link SecurityEvent} holds, which has no field for a password, hash or token; the detail is
 * the platform's own wording, quoted.
 */
public final class LoggingSecurityEvents implements SecurityEvents {

    /** The logger name, for operators who route the security log elsewhere. */
    public static final String LOGGER = "concierge.security";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public void record(SecurityEvent event) {
        if (!log.isInfoEnabled()) {
            return;
        }
        log.info("event={} at={} tenant={} address={} detail={}", event.type(),
                DateTimeFormatter.ISO_INSTANT.format(event.at()),
                event.tenantId().map(Object::toString).orElse("-"), event.address(),
                event.detail() == null ? "-" : "\"" + event.detail().replace("\"", "'") + "\"");
    }
}
