package dev.concierge.bootstrap.mail;

import dev.concierge.bootstrap.startup.ConfigurationProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;

/**
 * The address links in mails start with. Taken from {@code FRONTEND_URL}, never from a request: a {@code Host}
 * header is the client's to choose, and a reset link pointing at an attacker's host would hand them the token.
 */
public final class PublicUrl {

    private PublicUrl() {
    }

    /**
     * @param configured {@code FRONTEND_URL}, or empty
     * @param embedded   whether the server runs on its embedded defaults: then, without {@code FRONTEND_URL}, links
     *                   point at the server itself on localhost, at the port it actually listens on
     * @throws ConfigurationProblemException when {@code FRONTEND_URL} is not an absolute http(s) address, or is
     *         missing with an external database
     */
    public static Supplier<URI> resolve(String configured, boolean embedded, Environment environment) {
        if (configured != null && !configured.isBlank()) {
            URI url = parse(configured.strip());
            return () -> url;
        }
        if (!embedded) {
            throw new ConfigurationProblemException("FRONTEND_URL is not set. Links in mails (password reset,"
                    + " address verification) must point at the address owners reach the platform at, and a"
                    + " request's Host header cannot be trusted for that.",
                    "Set FRONTEND_URL to the platform's public address, for example https://concierge.example.com.");
        }
        return () -> URI.create("http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")));
    }

    private static URI parse(String raw) {
        try {
            URI url = new URI(raw);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null
                    || url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
                throw new URISyntaxException(raw, "not an http(s) address without query, fragment or user");
            }
            return url;
        } catch (URISyntaxException invalid) {
            throw new ConfigurationProblemException("FRONTEND_URL '" + raw + "' is not a usable address: "
                    + invalid.getReason() + ".", "Set FRONTEND_URL to an address such as https://concierge.example.com.");
        }
    }
}
