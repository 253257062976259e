package dev.concierge.bootstrap.startup;

/**
 * The database settings cannot work together; thrown before anything connects. Its message is the whole reason,
 * in one line, and {@link #action()} what to change.
 */
public final class DatabaseConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    public DatabaseConfigurationException(String reason, String action) {
        super(reason);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
