package dev.concierge.bootstrap.startup;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns a start that failed because the database could not be reached (no such database, server down or unknown,
 * credentials refused, embedded database held by another process) into one line that names the database and the
 * driver's reason, instead of a long stack trace. Other database errors (a failing migration, say) are left to the
 * default report.
 */
public final class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

    /** SQLSTATE codes for "cannot get there": invalid catalog name, invalid authorisation, H2 database in use. */
    private static final Set<String> UNREACHABLE_STATES = Set.of("3D000", "90020", "90146", "90013");

    private final Environment environment;

    public DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return analysis(environment.getProperty("spring.flyway.url"), sql, failure);
            }
            if (cause instanceof R2dbcException r2dbc && (unreachable(r2dbc.getSqlState())
                    || r2dbc instanceof R2dbcNonTransientResourceException
                    || r2dbc instanceof R2dbcPermissionDeniedException || r2dbc instanceof R2dbcTimeoutException)) {
                return analysis(environment.getProperty("spring.r2dbc.url"), r2dbc, failure);
            }
        }
        return null;
    }

    private static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("28")
                || UNREACHABLE_STATES.contains(sqlState));
    }

    private static FailureAnalysis analysis(String url, Throwable cause, Throwable failure) {
        String description = "Could not reach the database " + describe(url) + ": " + reason(cause);
        String action = "Check that the database exists, that its server is running and reachable, and the user and"
                + " password in DATABASE_URL (or the SPRING_R2DBC_* and SPRING_FLYWAY_* variables). An embedded"
                + " database can be used by one server at a time.";
        return new FailureAnalysis(description, action, failure);
    }

    /** The URL without credentials or query parameters, which may carry a password. */
    static String describe(String url) {
        if (url == null || url.isBlank()) {
            return "(no URL configured)";
        }
        String withoutQuery = url.split("[?;]", 2)[0];
        int schemeEnd = withoutQuery.indexOf("://");
        if (schemeEnd >= 0) {
            String scheme = withoutQuery.substring(0, schemeEnd);
            String rest = withoutQuery.substring(schemeEnd + 3);
            int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
            return scheme + "://" + rest.substring(at + 1);
        }
        return withoutQuery;
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            Throwable inner = cause.getCause();
            message = inner == null || inner.getMessage() == null ? cause.getClass().getSimpleName()
                    : inner.getClass().getSimpleName() + ": " + inner.getMessage();
        }
        return message.strip().lines().findFirst().orElse(message);
    }
}
