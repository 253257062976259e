package dev.concierge.adapter.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the API reports, each with a stable type URI that clients can switch on.
 */
public enum ProblemType {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "The request is invalid"),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "The request body cannot be read"),
    FORBIDDEN_ORIGIN(HttpStatus.FORBIDDEN, "forbidden-origin", "This web origin may not use this widget"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Already taken"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side");

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create("urn:concierge:problem:" + slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }
}
