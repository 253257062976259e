package dev.concierge.adapter.web.problem;

import java.util.Objects;
import org.springframework.http.HttpHeaders;

/**
 * A failure the web adapter itself detects (an origin the tenant did not allow, a body over the limit), answered as
 * the given problem type with the message as its detail.
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient HttpHeaders headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, HttpHeaders.EMPTY);
    }

    public ProblemException(ProblemType type, String detail, HttpHeaders headers) {
        super(detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    public ProblemType type() {
        return type;
    }

    /** Headers the answer carries besides the problem, such as {@code Retry-After}. */
    public HttpHeaders headers() {
        return headers;
    }
}
