package dev.concierge.adapter.web.problem;

import dev.concierge.domain.shared.DomainException;
import dev.concierge.domain.shared.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where failures become HTTP answers: every error, whether raised by a use case, by request decoding
 * or by routing (unknown path, wrong method), is answered as {@code application/problem+json} per RFC 9457.
 * Unexpected faults are logged with their stack trace and answered without any detail.
 *
 * <p>Refusals meant to slow a client down (too many attempts, password hashing at capacity) are answered only after
 * a hold: as long as the answer's {@code Retry-After}, but at least a second and at most {@link #MAX_REFUSAL_HOLD}.
 * An honest client was about to wait that long anyway, while a client that fires request after request on a few
 * connections is slowed to one refusal per connection every few seconds, which keeps a flood of refusals from
 * crowding out other requests. Each hold is drawn between half and one and a half times that length, so that the
 * connections of a flood do not come back all at once. Holding costs a timer, no thread.
 *
 * <p>Ordered ahead of the framework's own error handlers so that none of them ever answers.
 */
public final class ProblemJsonExceptionHandler implements WebExceptionHandler, Ordered {

    /** The longest a refusal meant to slow the client down is held before it is answered (before the jitter). */
    public static final Duration MAX_REFUSAL_HOLD = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonExceptionHandler.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String TOO_LARGE = "The request body is larger than this endpoint accepts.";
    private static final Problem INTERNAL =
            Problem.of(ProblemType.INTERNAL, "The request could not be completed. Please try again later.");

    private final Duration maxRefusalHold;

    public ProblemJsonExceptionHandler() {
        this(MAX_REFUSAL_HOLD);
    }

    /**
     * @param maxRefusalHold the longest refusals meant to slow the client down are held (before the jitter); zero
     *                       answers them at once
     */
    public ProblemJsonExceptionHandler(Duration maxRefusalHold) {
        this.maxRefusalHold = maxRefusalHold;
    }

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (hasCause(error, AbortedException.class)) {
            // The client went away (or the server closed a connection it refused): nobody is left to answer.
            log.debug("{} {} ended: the connection closed", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath());
            return Mono.empty();
        }
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = toProblem(error);
        if (hasCause(error, RejectedExecutionException.class)) {
            // Load shedding by design (password hashing at capacity): a flood of these must not flood the log too.
            log.debug("{} {} answered 503: busy", exchange.getRequest().getMethod(), exchange.getRequest().getPath());
        } else if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("{} {} answered 503: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    error.toString());
        } else if (problem.status().is5xxServerError()) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", exchange.getRequest().getPath().value());
        body.putAll(problem.extensions());

        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        headers.addAll(problem.headers());
        byte[] json = JSON.writeValueAsBytes(body);
        Mono<Void> answer = response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json)));
        Duration hold = hold(error, problem);
        return hold.isZero() ? answer : Mono.delay(jittered(hold)).then(answer);
    }

    /** How long to hold the answer: zero, unless it is a refusal meant to slow the client down. */
    private Duration hold(Throwable error, Problem problem) {
        boolean slowsDown = error instanceof DomainException domain
                && domain.kind() == DomainException.Kind.TOO_MANY_REQUESTS
                || hasCause(error, RejectedExecutionException.class);
        if (!slowsDown || maxRefusalHold.isZero()) {
            return Duration.ZERO;
        }
        String retryAfter = problem.headers().getFirst(HttpHeaders.RETRY_AFTER);
        Duration wait = Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter));
        Duration atLeastASecond = wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
        return atLeastASecond.compareTo(maxRefusalHold) > 0 ? maxRefusalHold : atLeastASecond;
    }

    /** Between half and one and a half times {@code hold}. */
    static Duration jittered(Duration hold) {
        long nanos = hold.toNanos();
        return Duration.ofNanos(nanos / 2 + ThreadLocalRandom.current().nextLong(nanos + 1));
    }

    static Problem toProblem(Throwable error) {
        if (error instanceof DomainException domain) {
            return fromDomain(domain);
        }
        if (error instanceof ProblemException problem) {
            return Problem.of(problem.type(), problem.getMessage()).withHeaders(problem.headers());
        }
        if (hasCause(error, RejectedExecutionException.class)) {
            // Password hashing (or other bounded work) is at capacity: refused at once rather than queued without end.
            return busy();
        }
        if (hasCause(error, TimeoutException.class)) {
            // A resource this request needed (a database connection, say) was not free in time: the caller may
            // simply try again in a moment.
            return busy();
        }
        if (hasCause(error, DataBufferLimitException.class)) {
            return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, TOO_LARGE);
        }
        if (error instanceof ServerWebInputException input) {
            return fromUnreadableInput(input);
        }
        if (error instanceof ErrorResponse response) {
            return fromFramework(response);
        }
        return INTERNAL;
    }

    private static Problem busy() {
        HttpHeaders retry = new HttpHeaders();
        retry.set(HttpHeaders.RETRY_AFTER, "1");
        return Problem.of(ProblemType.UNAVAILABLE, "The service is busy. Please try again shortly.").withHeaders(retry);
    }

    /**
     * Exhaustive over the kinds of domain failure: a new kind does not compile until it has an answer here, and a new
     * failure of an existing kind needs no change.
     */
    private static Problem fromDomain(DomainException error) {
        Problem problem = switch (error.kind()) {
            case INVALID_INPUT -> Problem.of(ProblemType.INVALID_REQUEST, error.getMessage());
            case UNAUTHENTICATED -> Problem.of(ProblemType.UNAUTHENTICATED, error.getMessage());
            case FORBIDDEN -> Problem.of(ProblemType.FORBIDDEN, error.getMessage());
            // Not-found details would echo what was asked for; one neutral sentence hides which part was unknown.
            case NOT_FOUND -> Problem.of(ProblemType.NOT_FOUND, "Nothing is published under this address.");
            case CONFLICT -> Problem.of(ProblemType.CONFLICT, error.getMessage());
            case GONE -> Problem.of(ProblemType.GONE, error.getMessage());
            case MISMATCH -> Problem.of(ProblemType.UNPROCESSABLE, error.getMessage());
            case TOO_MANY_REQUESTS -> Problem.of(ProblemType.TOO_MANY_REQUESTS, error.getMessage());
        };
        HttpHeaders headers = new HttpHeaders();
        if (error.kind() == DomainException.Kind.UNAUTHENTICATED) {
            // RFC 6750: the scheme a client should authenticate with.
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"concierge\"");
        }
        error.retryAfter().ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(wholeSeconds(wait))));
        if (!headers.isEmpty()) {
            problem = problem.withHeaders(headers);
        }
        List<FieldError> errors = error.violations().stream().map(FieldError::of).toList();
        return errors.isEmpty() ? problem : problem.with("errors", errors);
    }

    /** Retry-After counts whole seconds; a wait is rounded up, and is never 0 (that would invite a retry storm). */
    static long wholeSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static Problem fromUnreadableInput(ServerWebInputException input) {
        JacksonException json = findCause(input, JacksonException.class);
        if (json != null) {
            String field = fieldPath(json);
            return field.isEmpty()
                    ? Problem.of(ProblemType.MALFORMED_BODY, "The request body is not valid JSON.")
                    : Problem.of(ProblemType.MALFORMED_BODY, "The request body has a value of the wrong type at '" + field + "'.")
                            .with("errors", List.of(new FieldError(field, "has the wrong type")));
        }
        String reason = input.getReason();
        if (reason != null && reason.contains("No request body")) {
            return Problem.of(ProblemType.MALFORMED_BODY, "A JSON request body is required.");
        }
        if (hasCause(input, DecodingException.class)) {
            return Problem.of(ProblemType.MALFORMED_BODY, "The request body is not valid JSON.");
        }
        return Problem.of(ProblemType.INVALID_REQUEST, reason == null ? "The request is invalid." : reason);
    }

    private static String fieldPath(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Problem fromFramework(ErrorResponse response) {
        int status = response.getStatusCode().value();
        Problem problem = switch (status) {
            case 400 -> Problem.of(ProblemType.INVALID_REQUEST, "The request is invalid.");
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "There is nothing at this address.");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "This address does not accept this request method.");
            case 406 -> Problem.of(ProblemType.NOT_ACCEPTABLE, "This address cannot answer in the requested media type.");
            case 408 -> Problem.of(ProblemType.REQUEST_TIMEOUT, "The request did not arrive in time.");
            case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, TOO_LARGE);
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "This address accepts application/json request bodies only.");
            case 503 -> Problem.of(ProblemType.UNAVAILABLE, "The service is busy. Please try again shortly.");
            default -> null;
        };
        if (problem == null) {
            HttpStatus known = HttpStatus.resolve(status);
            if (known == null || !known.is4xxClientError()) {
                return INTERNAL;
            }
            problem = Problem.of(ProblemType.INVALID_REQUEST, known.getReasonPhrase() + ".").withStatus(known);
        }
        return problem.withHeaders(response.getHeaders());
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        return findCause(error, type) != null;
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    /** One entry of a problem's {@code errors} list: which input field is wrong, and how. */
    private record FieldError(String field, String message) {

        static FieldError of(Violation violation) {
            return new FieldError(violation.field(), violation.message());
        }
    }

    /** One problem answer before it is written. */
    record Problem(HttpStatus status, String type, String title, String detail, Map<String, Object> extensions,
            HttpHeaders headers) {

        static Problem of(ProblemType type, String detail) {
            return new Problem(type.status(), type.type().toString(), type.title(), detail, Map.of(), HttpHeaders.EMPTY);
        }

        Problem with(String name, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(extensions);
            more.put(name, value);
            return new Problem(status, type, title, detail, more, headers);
        }

        Problem withHeaders(HttpHeaders more) {
            return new Problem(status, type, title, detail, extensions, more);
        }

        Problem withStatus(HttpStatus other) {
            return new Problem(other, type, other.getReasonPhrase(), detail, extensions, headers);
        }
    }
}
