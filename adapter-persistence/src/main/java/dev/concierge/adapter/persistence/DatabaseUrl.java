package dev.concierge.adapter.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL connection string in the form the original platform's {@code DATABASE_URL} uses, turned into what
 * Concierge's two database clients need: an R2DBC URL for the application and a JDBC URL for Flyway's migrations.
 *
 * <p>Accepted form: {@code postgresql://[user[:password]@]host[:port]/database[?parameters]}, also with the scheme
 * {@code postgres://}. The port defaults to 5432. User name and password may be percent-encoded (they must be when
 * they contain {@code / ? #}; an {@code @} or {@code :} in the password is tolerated), and so may the database name.
 * One host name, IPv4 or bracketed IPv6 address.
 *
 * <p>Two parameters carry over to both drivers: {@code sslmode} (disable, allow, prefer, require, verify-ca,
 * verify-full) and {@code schema} (the original platform's ORM names the schema so). Any other parameter, such as
 * that ORM's pool settings ({@code connection_limit}, {@code pgbouncer}), is ignored and named in a warning.
 *
 * <p>Credentials never appear in the two URLs, in {@link #toString()}, in the warning, or in the message of an
 * {@link IllegalArgumentException} thrown for an invalid string; they are only available from {@link #username()}
 * and {@link #password()}. Error messages quote nothing from the input at all, since a malformed string may have
 * split a password in unexpected places.
 */
public final class DatabaseUrl {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUrl.class);

    private static final int DEFAULT_PORT = 5432;
    private static final String EXAMPLE = "postgresql://user:password@host:5432/database";
    private static final String ENCODING_HINT =
            " (characters such as / ? # in the user name or password must be percent-encoded)";
    private static final Pattern SCHEME = Pattern.compile("postgres(?:ql)?://", Pattern.CASE_INSENSITIVE);
    private static final List<String> SSL_MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String host;
    private final int port;
    private final String database;
    private final String username;
    private final String password;
    private final String sslMode;
    private final String schema;

    private DatabaseUrl(String host, int port, String database, String username, String password, String sslMode,
            String schema) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.sslMode = sslMode;
        this.schema = schema;
    }

    /**
     * @throws IllegalArgumentException if {@code url} is not a PostgreSQL connection string of the accepted form
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("is empty");
        }
        String text = url.strip();
        Matcher scheme = SCHEME.matcher(text);
        if (!scheme.lookingAt()) {
            throw invalid("must start with postgresql:// or postgres://");
        }
        String rest = text.substring(scheme.end());

        // The credentials are split off by hand: java.net.URI would stop at the first '@' of a password.
        int authorityEnd = indexOfAny(rest, "/?#");
        int at = rest.lastIndexOf('@', authorityEnd - 1);
        String username = null;
        String password = null;
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
        }
        String withoutCredentials = rest.substring(at + 1);
        if (withoutCredentials.substring(0, indexOfAny(withoutCredentials, "/?#")).indexOf(',') >= 0) {
            throw invalid("names several hosts, but only one is supported");
        }

        URI uri = toUri("postgresql://" + withoutCredentials);
        if (uri.getHost() == null) {
            throw invalid("must name the host as a host name or IP address, with an optional port" + ENCODING_HINT);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw invalid("must have a port between 1 and 65535 after the host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.isEmpty() ? "" : decode(path.substring(1), "database name");
        if (database.isEmpty()) {
            throw invalid("must name a database after the host");
        }
        if (database.indexOf('/') >= 0) {
            throw invalid("must name exactly one database after the host");
        }
        Parameters parameters = Parameters.parse(uri.getRawQuery());
        return new DatabaseUrl(uri.getHost(), port, database, emptyToNull(username), emptyToNull(password),
                parameters.sslMode, parameters.schema);
    }

    /** The R2DBC URL, for example {@code r2dbc:postgresql://db.example:5432/concierge?sslMode=require}. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + location() + query("sslMode", "currentSchema");
    }

    /** The JDBC URL, for example {@code jdbc:postgresql://db.example:5432/concierge?sslmode=require}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + location() + query("sslmode", "currentSchema");
    }

    /** The user name, decoded; empty if the string names none. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The password, decoded; empty if the string has none. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The host name or IP address; an IPv6 address keeps its brackets. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The database name, decoded. */
    public String database() {
        return database;
    }

    /** Where the database is; never the credentials. */
    @Override
    public String toString() {
        return "DatabaseUrl[postgresql://" + location()
                + (username == null && password == null ? "" : ", credentials hidden") + "]";
    }

    private String location() {
        return host + ":" + port + "/" + encode(database);
    }

    /** The carried-over parameters under each driver's names, in a fixed order. */
    private String query(String sslModeName, String schemaName) {
        TreeMap<String, String> options = new TreeMap<>();
        if (sslMode != null) {
            options.put(sslModeName, sslMode);
        }
        if (schema != null) {
            options.put(schemaName, schema);
        }
        StringBuilder query = new StringBuilder();
        options.forEach((name, value) -> query.append(query.length() == 0 ? '?' : '&').append(name).append('=')
                .append(encode(value)));
        return query.toString();
    }

    private static URI toUri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            // The exception quotes the input; it is dropped so that no part of a password can reach a log.
            throw invalid("is not a valid URL" + ENCODING_HINT);
        }
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("The PostgreSQL database URL " + problem + "; expected the form " + EXAMPLE);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Percent-decoding as in URLs, but a {@code +} stays a plus sign; the bytes must be UTF-8. */
    private static String decode(String raw, String what) {
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("has a badly percent-encoded " + what);
        }
        if (decoded.indexOf('\uFFFD') >= 0) {
            throw invalid("has a percent-encoded " + what + " that is not UTF-8");
        }
        return decoded;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The query parameters that carry over; the others are named in a warning. */
    private static final class Parameters {

        private String sslMode;
        private String schema;
        private final List<String> ignored = new ArrayList<>();

        static Parameters parse(String rawQuery) {
            Parameters parameters = new Parameters();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    if (!pair.isEmpty()) {
                        int equals = pair.indexOf('=');
                        String name = decode(equals < 0 ? pair : pair.substring(0, equals), "parameter name");
                        if (!PARAMETER_NAME.matcher(name).matches()) {
                            throw invalid("has a malformed parameter name");
                        }
                        parameters.add(name.toLowerCase(Locale.ROOT),
                                equals < 0 ? "" : decode(pair.substring(equals + 1), "parameter value"));
                    }
                }
            }
            if (!parameters.ignored.isEmpty()) {
                // Names only: a value could be a secret (libpq also accepts password=...).
                LOG.warn("DATABASE_URL parameters ignored, Concierge uses only sslmode and schema: {}",
                        String.join(", ", parameters.ignored));
            }
            return parameters;
        }

        private void add(String name, String value) {
            switch (name) {
                case "sslmode" -> {
                    sslMode = value.toLowerCase(Locale.ROOT);
                    if (!SSL_MODES.contains(sslMode)) {
                        throw invalid("has an unknown sslmode; use one of " + String.join(", ", SSL_MODES));
                    }
                }
                case "schema" -> {
                    if (!SCHEMA_NAME.matcher(value).matches()) {
                        throw invalid("has a schema that is not a plain identifier");
                    }
                    schema = value;
                }
                default -> ignored.add(name);
            }
        }
    }
}
