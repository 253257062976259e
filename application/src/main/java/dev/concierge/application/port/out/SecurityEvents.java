package dev.concierge.application.port.out;

/**
 * The security log. Recording never fails the operation that caused the event and never blocks: implementations
 * hand the event on (to a log, say) and return.
 */
public interface SecurityEvents {

    void record(SecurityEvent event);
}
