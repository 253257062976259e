package dev.concierge.adapter.llm.resilience;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/**
 * What went wrong with a call to a provider, told from the exception langchain4j (or a timeout) signalled: whether a
 * retry may help, whether it says the provider is unwell, and a short description for the log. The description holds
 * the HTTP status or the transport failure's type, never a response body or header, so it cannot repeat an API key.
 *
 * @param kind        the kind of failure
 * @param status      the HTTP status, or 0 when the provider never answered with one
 * @param description what happened, in a few words, safe to log
 */
public record Failure(Kind kind, int status, String description) {

    /** The kinds of failure, by what a retry can do about them. */
    public enum Kind {
        /** 429, 408 or 5xx: the provider is overloaded or broken right now. */
        UNAVAILABLE,
        /** No answer in time, or no connection: the provider or the network is slow or down. */
        UNREACHABLE,
        /** 401 or 403: the API key is wrong or lacks the rights; every call fails alike until it is fixed. */
        REFUSED,
        /** Any other 4xx: this request was wrong (too long, unknown model); another request may pass. */
        REJECTED,
        /** Anything else, such as an answer that could not be read: the provider is broken, and a retry would not help. */
        OTHER
    }

    /** Tells what {@code error} means. */
    public static Failure of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return ofStatus(http.statusCode());
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                // An IOException too, but one about what the provider sent, not about the connection.
                return new Failure(Kind.OTHER, 0, "unreadable answer (" + t.getClass().getSimpleName() + ")");
            }
            if (t instanceof TimeoutException || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new Failure(Kind.UNREACHABLE, 0, "no answer in time");
            }
            if (t instanceof IOException || t instanceof UnresolvedAddressException) {
                return new Failure(Kind.UNREACHABLE, 0, "connection failed (" + t.getClass().getSimpleName() + ")");
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new Failure(Kind.OTHER, 0, "unexpected failure (" + root.getClass().getSimpleName() + ")");
    }

    static Failure ofStatus(int status) {
        if (status == 429) {
            return new Failure(Kind.UNAVAILABLE, status, "HTTP 429, too many requests");
        }
        if (status == 408) {
            return new Failure(Kind.UNAVAILABLE, status, "HTTP 408, request timeout");
        }
        if (status >= 500) {
            return new Failure(Kind.UNAVAILABLE, status, "HTTP " + status + ", server error");
        }
        if (status == 401 || status == 403) {
            return new Failure(Kind.REFUSED, status, "HTTP " + status + ", the API key was refused");
        }
        return new Failure(Kind.REJECTED, status, "HTTP " + status + ", the request was rejected");
    }

    /** Whether trying the same request again may pass: 429, 408, 5xx, timeouts and connection failures. */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE || kind == Kind.UNREACHABLE;
    }

    /** Whether it counts against the provider in the {@link CircuitBreaker}: every kind but {@link Kind#REJECTED}. */
    public boolean providerUnwell() {
        return kind != Kind.REJECTED;
    }
}
