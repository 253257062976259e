package dev.concierge.domain.shared;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Root of the expected business outcomes that stop an operation: invalid input, conflicts, unknown things.
 * Technical faults are never modelled as domain exceptions.
 *
 * <p>Every domain exception names its {@link Kind}, a closed set that a driving adapter maps exhaustively (the web
 * adapter's {@code switch} over it does not compile when a kind is added without an answer). A new failure picks
 * the kind that says what the caller can do about it; it needs no mapping of its own.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of outcome stopped the operation, from the caller's point of view. */
    public enum Kind {
        /** The input breaks a rule; the caller can correct it and try again. */
        INVALID_INPUT,
        /** The caller has not proved who they are, or the proof is wrong. */
        UNAUTHENTICATED,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** The thing does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The operation clashes with the current state, such as a key another record already holds. */
        CONFLICT,
        /** The thing existed but is used up or expired for good, such as a spent one-time token. */
        GONE,
        /**
         * The request is well formed but contradicts an earlier one it claims to repeat, such as an idempotency key
         * sent again with another body; the caller must use a new key or the original request.
         */
        MISMATCH,
        /** The caller asked too often; they may try again later. */
        TOO_MANY_REQUESTS
    }

    private final Kind kind;

    protected DomainException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public final Kind kind() {
        return kind;
    }

    /**
     * The input fields this outcome is about, each with what is wrong with it, so that a form can mark them; empty
     * when the outcome concerns no particular field.
     */
    public List<Violation> violations() {
        return List.of();
    }

    /**
     * How long the caller should wait before trying again, when that is known (a {@link Kind#TOO_MANY_REQUESTS}
     * outcome usually knows); empty otherwise.
     */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
