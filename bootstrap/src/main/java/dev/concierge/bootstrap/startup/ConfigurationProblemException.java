package dev.concierge.bootstrap.startup;

/**
 * Settings that cannot work (the database, the JWT secret, the admin account); thrown before the server starts. Its
 * message is the whole reason, in one line, and {@link #action()} what to change.
 */
public final class ConfigurationProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    public ConfigurationProblemException(String reason, String action) {
        super(reason);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
