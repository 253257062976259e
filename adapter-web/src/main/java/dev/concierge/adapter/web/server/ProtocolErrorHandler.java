package dev.concierge.adapter.web.server;

import dev.concierge.adapter.web.problem.ProblemType;
import dev.concierge.adapter.web.support.SecurityHeadersFilter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sits between Netty's HTTP decoder and Reactor Netty's request handling on each connection.
 *
 * <ul>
 *   <li>A request the decoder could not read (request line over the limit: 414; headers over the limit: 431; any
 *       other malformed head, such as two different {@code Content-Length} values: 400) is answered here with
 *       problem+json and the hardening headers, and the connection is closed. Without this, Netty answers with an
 *       empty body.</li>
 *   <li>A body that grows past the body limit while it streams in (chunked, so its length was not declared) is
 *       answered 413 here and the connection closed, before the excess reaches the application. Declared lengths
 *       over the limit are refused by the application's body limit filter before anything is read.</li>
 *   <li>Once a request's first bytes arrive, its line and headers must be complete within the header timeout, and
 *       its body must not pause longer than the read timeout; a client that trickles them (slowloris) gets 408 and
 *       is disconnected. A kept-alive connection that sends nothing is closed by the server's idle timeout.</li>
 * </ul>
 */
final class ProtocolErrorHandler extends ChannelDuplexHandler {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final long headerTimeoutNanos;
    private final long readTimeoutNanos;
    private final long maxBodyBytes;
    private ScheduledFuture<?> headerDeadline;
    private ScheduledFuture<?> bodyDeadline;
    private long bodyBytes;
    private boolean awaitingRequest = true;
    private boolean answering;
    private boolean refused;
    private ChannelHandlerContext context;

    ProtocolErrorHandler(Duration headerTimeout, Duration readTimeout, long maxBodyBytes) {
        this.headerTimeoutNanos = headerTimeout.toNanos();
        this.readTimeoutNanos = readTimeout.toNanos();
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Raw bytes arrived (seen in front of the HTTP decoder). The first bytes of a request start its header deadline;
     * a connection that sends nothing at all is left to the idle timeout.
     */
    void bytesArrived() {
        if (awaitingRequest && headerDeadline == null && !refused && context != null) {
            headerDeadline = schedule(context, headerTimeoutNanos, "The request's headers did not arrive in time.");
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopDeadlines();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            refuse(ctx, typeOf(object.decoderResult()), detailOf(object.decoderResult()));
            return;
        }
        if (msg instanceof HttpRequest) {
            awaitingRequest = false;
            headerDeadline = cancel(headerDeadline);
            bodyBytes = 0;
            startBodyDeadline(ctx);
        }
        if (msg instanceof HttpContent content) {
            bodyBytes += content.content().readableBytes();
            if (bodyBytes > maxBodyBytes) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body is larger than this server accepts (" + maxBodyBytes + " bytes).");
                return;
            }
            if (msg instanceof LastHttpContent) {
                bodyDeadline = cancel(bodyDeadline);
            } else {
                startBodyDeadline(ctx);
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse) {
            answering = true;
        }
        if (msg instanceof LastHttpContent) {
            // The answer is complete: the next request's first bytes start a fresh deadline for its headers.
            answering = false;
            awaitingRequest = true;
            ChannelPromise written = promise.unvoid();
            written.addListener(done -> rearmRead(ctx));
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }

    /**
     * Asks for the next read once an answer is out. Reactor Netty reads a kept-alive connection on demand and, when a
     * request arrived before the previous one had finished and was answered at once, can end up asking for no further
     * read: the connection then ignores the client's next request until it gives up. One more read request after each
     * answer keeps the connection listening; when a read is already pending it changes nothing.
     */
    private void rearmRead(ChannelHandlerContext ctx) {
        if (!refused && ctx.channel().isActive()) {
            ctx.channel().eventLoop().execute(() -> {
                if (ctx.channel().isActive()) {
                    ctx.read();
                }
            });
        }
    }

    private void startBodyDeadline(ChannelHandlerContext ctx) {
        cancel(bodyDeadline);
        bodyDeadline = ctx.executor().schedule(() -> {
            if (awaitingRequest) {
                // The request was answered before its body was complete: the rest will never be read, and a second
                // answer to it would confuse the client. Just end the connection.
                refused = true;
                stopDeadlines();
                ctx.close();
            } else {
                refuse(ctx, ProblemType.REQUEST_TIMEOUT, "The request body stopped arriving.");
            }
        }, readTimeoutNanos, TimeUnit.NANOSECONDS);
    }

    private ScheduledFuture<?> schedule(ChannelHandlerContext ctx, long nanos, String detail) {
        return ctx.executor().schedule(() -> refuse(ctx, ProblemType.REQUEST_TIMEOUT, detail), nanos,
                TimeUnit.NANOSECONDS);
    }

    private void stopDeadlines() {
        headerDeadline = cancel(headerDeadline);
        bodyDeadline = cancel(bodyDeadline);
    }

    private static ScheduledFuture<?> cancel(ScheduledFuture<?> deadline) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        return null;
    }

    /** Answers with the problem (unless an answer has already begun) and closes the connection. */
    private void refuse(ChannelHandlerContext ctx, ProblemType type, String detail) {
        if (refused) {
            return;
        }
        refused = true;
        stopDeadlines();
        if (answering) {
            ctx.close();
        } else {
            ctx.writeAndFlush(problem(type, detail)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static ProblemType typeOf(DecoderResult result) {
        Throwable cause = result.cause();
        if (cause instanceof TooLongHttpLineException) {
            return ProblemType.URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return ProblemType.HEADERS_TOO_LARGE;
        }
        return ProblemType.MALFORMED_REQUEST;
    }

    private static String detailOf(DecoderResult result) {
        return switch (typeOf(result)) {
            case URI_TOO_LONG -> "The request line is longer than this server reads.";
            case HEADERS_TOO_LARGE -> "The request headers are larger than this server reads.";
            default -> "The request is not valid HTTP.";
        };
    }

    static FullHttpResponse problem(ProblemType type, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.type().toString());
        body.put("title", type.title());
        body.put("status", type.status().value());
        body.put("detail", detail);
        byte[] json = JSON.writeValueAsBytes(body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(type.status().value()), Unpooled.wrappedBuffer(json));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .set(HttpHeaderNames.CONTENT_LENGTH, json.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        SecurityHeadersFilter.HEADERS.forEach(response.headers()::set);
        return response;
    }
}
