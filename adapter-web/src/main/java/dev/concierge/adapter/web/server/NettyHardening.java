package dev.concierge.adapter.web.server;

import dev.concierge.adapter.web.support.WebSettings;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Applies the web adapter's limits to a Reactor Netty server: the longest request line and header block, a deadline
 * for a request's headers, a pause limit while its body arrives, an idle limit between requests, and problem+json
 * answers (with the hardening headers) for requests Netty refuses before any route sees them.
 */
public final class NettyHardening {

    static final String PROTOCOL_ERRORS = "concierge.protocolErrors";
    static final String ARRIVALS = "concierge.arrivals";

    private NettyHardening() {
    }

    public static HttpServer apply(HttpServer server, WebSettings settings) {
        return server
                .httpRequestDecoder(spec -> spec
                        .maxInitialLineLength(WebSettings.MAX_REQUEST_LINE_LENGTH)
                        .maxHeaderSize(WebSettings.MAX_HEADER_BYTES))
                .idleTimeout(settings.idleTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null && pipeline.get(PROTOCOL_ERRORS) == null) {
                        ProtocolErrorHandler protocolErrors = new ProtocolErrorHandler(settings.headerTimeout(),
                                settings.readTimeout(), settings.maxRequestBytes());
                        pipeline.addBefore(NettyPipeline.HttpTrafficHandler, PROTOCOL_ERRORS, protocolErrors);
                        pipeline.addBefore(NettyPipeline.HttpCodec, ARRIVALS, new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                protocolErrors.bytesArrived();
                                ctx.fireChannelRead(msg);
                            }
                        });
                    }
                });
    }
}
