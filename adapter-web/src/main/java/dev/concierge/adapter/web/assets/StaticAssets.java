package dev.concierge.adapter.web.assets;

import dev.concierge.adapter.web.http.EntityTags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The files under {@code classpath:static/} (the built widget, the demo page), read once at start-up and served
 * from memory. Reading them per request would mean blocking jar I/O on the event loop; they are a few kilobytes.
 * Every answer carries a strong ETag, so browsers revalidate cheaply with {@code If-None-Match}.
 */
public final class StaticAssets {

    /** Short enough that a new widget version reaches visitors within minutes. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final Map<String, Asset> byPath;

    private StaticAssets(Map<String, Asset> byPath) {
        this.byPath = byPath;
    }

    /**
     * Loads every file in the class path folder {@code folder} (for example {@code static}) of every jar and class
     * folder, blocking; call at start-up. An {@code index.html} is also served at its folder's path.
     */
    public static StaticAssets load(String folder) {
        Map<String, Asset> assets = new TreeMap<>();
        String marker = "/" + folder + "/";
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/**/*")) {
                String url = resource.getURL().toString();
                if (url.endsWith("/") || !resource.isReadable()) {
                    continue;
                }
                String path = url.substring(url.lastIndexOf(marker) + marker.length() - 1);
                Asset asset = Asset.of(resource);
                assets.putIfAbsent(path, asset);
                if (path.endsWith("/index.html")) {
                    assets.putIfAbsent(path.substring(0, path.length() - "index.html".length()), asset);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the static assets in class path folder " + folder, e);
        }
        return new StaticAssets(Map.copyOf(assets));
    }

    /** The paths served, for logs and tests. */
    public Set<String> paths() {
        return byPath.keySet();
    }

    /** GET and HEAD of every loaded path; other paths fall through to the rest of the routes. */
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(
                RequestPredicates.GET("/**").or(RequestPredicates.HEAD("/**"))
                        .and(request -> byPath.containsKey(request.path())),
                this::serve);
    }

    private Mono<ServerResponse> serve(ServerRequest request) {
        Asset asset = byPath.get(request.path());
        Optional<String> ifNoneMatch = Optional.ofNullable(request.headers().firstHeader(HttpHeaders.IF_NONE_MATCH));
        if (ifNoneMatch.filter(asset.etag()::equals).isPresent()) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(asset.etag()).cacheControl(CACHE).build();
        }
        return ServerResponse.ok()
                .contentType(asset.mediaType())
                .eTag(asset.etag())
                .cacheControl(CACHE)
                .bodyValue(asset.content());
    }

    private record Asset(byte[] content, MediaType mediaType, String etag) {

        static Asset of(Resource resource) throws IOException {
            byte[] content;
            try (InputStream in = resource.getInputStream()) {
                content = in.readAllBytes();
            }
            String name = resource.getFilename();
            MediaType type = name != null && (name.endsWith(".yaml") || name.endsWith(".yml")) ? MediaType.APPLICATION_YAML
                    : MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
            if (type.getType().equals("text") || type.getSubtype().equals("javascript") || type.getSubtype().equals("yaml")) {
                type = new MediaType(type, StandardCharsets.UTF_8);
            }
            return new Asset(content, type, EntityTags.of(content));
        }
    }
}
