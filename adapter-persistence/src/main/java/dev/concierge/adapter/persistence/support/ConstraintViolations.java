package dev.concierge.adapter.persistence.support;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells which named constraint a failed statement violated, so that an adapter can turn a unique-key violation into
 * the domain's "already taken" outcome.
 *
 * <p>Both databases name the constraint in the error message, but differently: PostgreSQL quotes the name as
 * declared ({@code violates unique constraint "uq_tenant_client_key"}), H2 upper-cases it and names the index behind
 * it ({@code "PUBLIC.UQ_TENANT_CLIENT_KEY_INDEX_9 ON PUBLIC.TENANT(CLIENT_KEY ...) VALUES (...)"}). Matching is
 * therefore case-insensitive and accepts H2's {@code _INDEX...} suffix, and it takes the name mentioned
 * <em>first</em>: both databases name the constraint before they echo the offending values, so a value that happens
 * to contain another constraint's name cannot mislead it.
 */
public final class ConstraintViolations {

    private static final String H2_INDEX_SUFFIX = "_index";

    private ConstraintViolations() {
    }

    /**
     * @param error           what a statement failed with, possibly wrapped (Spring wraps the driver's exception)
     * @param constraintNames the constraint names to look for, as declared in the migrations
     * @return the violated constraint among {@code constraintNames}, or empty if {@code error} is no integrity
     *         violation or names none of them
     */
    public static Optional<String> violated(Throwable error, Collection<String> constraintNames) {
        if (!isIntegrityViolation(error)) {
            return Optional.empty();
        }
        for (Throwable cause : chain(error)) {
            Optional<String> named = firstNamed(cause.getMessage(), constraintNames);
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code error} is the database giving up one of two transactions that waited for each other (a deadlock,
     * or a serialization failure): PostgreSQL may do that to concurrent writes checked by one exclusion constraint.
     * The statement can simply be tried again, in a transaction of its own.
     */
    public static boolean isTransientConflict(Throwable error) {
        for (Throwable cause : chain(error)) {
            if (cause instanceof R2dbcException r2dbc && ("40P01".equals(r2dbc.getSqlState())
                    || "40001".equals(r2dbc.getSqlState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIntegrityViolation(Throwable error) {
        for (Throwable cause : chain(error)) {
            if (cause instanceof R2dbcDataIntegrityViolationException || cause instanceof DataIntegrityViolationException) {
                return true;
            }
            // SQLSTATE class 23 is "integrity constraint violation" in both databases.
            if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null && r2dbc.getSqlState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> firstNamed(String message, Collection<String> constraintNames) {
        if (message == null) {
            return Optional.empty();
        }
        String text = message.toLowerCase(Locale.ROOT);
        String first = null;
        int firstAt = Integer.MAX_VALUE;
        for (String name : constraintNames) {
            int at = indexOfName(text, name.toLowerCase(Locale.ROOT));
            if (at >= 0 && at < firstAt) {
                first = name;
                firstAt = at;
            }
        }
        return Optional.ofNullable(first);
    }

    /** Where {@code name} occurs as a whole identifier, or as H2's index name derived from it. */
    private static int indexOfName(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            boolean startsIdentifier = at == 0 || !isIdentifierPart(text.charAt(at - 1));
            int end = at + name.length();
            boolean endsIdentifier = end == text.length() || !isIdentifierPart(text.charAt(end))
                    || text.startsWith(H2_INDEX_SUFFIX, end);
            if (startsIdentifier && endsIdentifier) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static List<Throwable> chain(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}
