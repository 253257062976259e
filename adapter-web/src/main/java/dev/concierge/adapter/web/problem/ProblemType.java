package dev.concierge.adapter.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the API reports, each with a stable type URI that clients can switch on. The titles of the
 * protocol-level kinds are the reason phrases the server writes in its status line, so the two never disagree.
 */
public enum ProblemType {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "The request is invalid"),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "The request body cannot be read"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "Bad Request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"),
    FORBIDDEN_ORIGIN(HttpStatus.FORBIDDEN, "forbidden-origin", "This web origin may not use this widget"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not Acceptable"),
    REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request Timeout"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Already taken"),
    GONE(HttpStatus.GONE, "gone", "No longer available"),
    UNPROCESSABLE(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Does not match the earlier request"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Changed in the meantime"),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Version required"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request Entity Too Large"),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long", "Request-URI Too Long"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too Many Requests"),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "Request Header Fields Too Large"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service Unavailable");

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
