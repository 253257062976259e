package dev.concierge.adapter.web.support;

import org.springframework.core.Ordered;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads JSON request bodies strictly: a number or a boolean where text is expected is a wrong type (400 naming the
 * field), not silently turned into a string, and no decoder buffers more than a request may carry.
 *
 * <p>Ordered last among the WebFlux configurers so that it has the final word over a host application's default
 * codec set-up.
 */
public final class StrictJsonCodecs implements WebFluxConfigurer, Ordered {

    private final int maxInMemoryBytes;

    public StrictJsonCodecs(long maxRequestBytes) {
        this.maxInMemoryBytes = Math.toIntExact(maxRequestBytes);
    }

    /** The mapper request bodies are read with. */
    private static JsonMapper strictMapper() {
        return JsonMapper.builder()
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        JacksonJsonDecoder decoder = new JacksonJsonDecoder(strictMapper());
        decoder.setMaxInMemorySize(maxInMemoryBytes);
        configurer.defaultCodecs().jacksonJsonDecoder(decoder);
        configurer.defaultCodecs().maxInMemorySize(maxInMemoryBytes);
    }
}
