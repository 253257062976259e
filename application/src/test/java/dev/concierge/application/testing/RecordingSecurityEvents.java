package dev.concierge.application.testing;

import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the security events a test caused, in order.
 */
public final class RecordingSecurityEvents implements SecurityEvents {

    private final List<SecurityEvent> recorded = new ArrayList<>();

    @Override
    public synchronized void record(SecurityEvent event) {
        recorded.add(event);
    }

    public synchronized List<SecurityEvent> recorded() {
        return List.copyOf(recorded);
    }

    public synchronized List<SecurityEvent.Type> types() {
        return recorded.stream().map(SecurityEvent::type).toList();
    }
}
