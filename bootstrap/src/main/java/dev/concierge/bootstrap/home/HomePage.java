package dev.concierge.bootstrap.home;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The page answered at {@code /} (and a file it needs): one file from the class path, read once at start-up (no
 * blocking read per request) and served for GET and HEAD.
 */
public final class HomePage {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private HomePage() {
    }

    /**
     * @param classpathLocation the HTML file, for example {@code pages/demo.html}
     * @return the route for {@code /}
     */
    public static RouterFunction<ServerResponse> at(String classpathLocation) {
        return file("/", classpathLocation, HTML);
    }

    /**
     * @param path              where the file is answered, such as {@code /demo-shop.css}
     * @param classpathLocation the file
     * @param type              its media type
     * @return the route for {@code path}
     */
    public static RouterFunction<ServerResponse> file(String path, String classpathLocation, MediaType type) {
        byte[] content = read(classpathLocation);
        return RouterFunctions.route(
                RequestPredicates.path(path).and(RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD)),
                request -> ServerResponse.ok()
                        .contentType(type)
                        .cacheControl(CacheControl.noCache())
                        .contentLength(content.length)
                        .bodyValue(content));
    }

    private static byte[] read(String classpathLocation) {
        try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page " + classpathLocation + " from the class path", e);
        }
    }
}
