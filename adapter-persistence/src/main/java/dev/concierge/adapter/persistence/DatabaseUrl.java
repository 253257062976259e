package dev.concierge.adapter.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A PostgreSQL connection string in the form the original platform's {@code DATABASE_URL} uses, turned into what
 * Concierge's two database clients need: an R2DBC URL for the application and a JDBC URL for Flyway's migrations.
 *
 * <p>Accepted form: {@code postgresql://[user[:password]@]host[:port]/database[?parameters]}, also with the scheme
 * {@code postgres://}. The port defaults to 5432; user name, password and database name may be percent-encoded (they
 * must be when they contain {@code / ? #}; an {@code @} or {@code :} in the password is tolerated). Host names, IPv4
 * and bracketed IPv6 addresses are accepted; several hosts and Unix sockets are not.
 *
 * <p>Parameters that carry over to both drivers: {@code sslmode} (disable, allow, prefer, require, verify-ca,
 * verify-full), {@code sslrootcert}, {@code application_name}, {@code connect_timeout} (seconds) and
 * {@code schema}. Anything else, such as the connection-pool settings of the original platform's ORM
 * ({@code connection_limit}, {@code pgbouncer}), is ignored and listed by {@link #ignoredParameters()}.
 *
 * <p>Credentials never appear in the two URLs, in {@link #toString()} or in the message of an
 * {@link IllegalArgumentException} thrown for an invalid string; they are only available from {@link #username()}
 * and {@link #password()}. Error messages quote nothing from the input at all, since a malformed string may have
 * split a password in unexpected places.
 */
public final class DatabaseUrl {

    public static final int DEFAULT_PORT = 5432;

    private static final String EXAMPLE = "postgresql://user:password@host:5432/database";
    private static final List<String> SCHEMES = List.of("postgresql://", "postgres://");
    private static final List<String> SSL_MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]+]");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String ENCODING_HINT =
            " (characters such as / ? # in the user name or password must be percent-encoded)";
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,6}");

    private final String host;
    private final int port;
    private final String database;
    private final String username;
    private final String password;
    private final Map<String, String> r2dbcOptions;
    private final Map<String, String> jdbcOptions;
    private final List<String> ignoredParameters;

    private DatabaseUrl(String host, int port, String database, String username, String password,
            Map<String, String> r2dbcOptions, Map<String, String> jdbcOptions, List<String> ignoredParameters) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.r2dbcOptions = Map.copyOf(r2dbcOptions);
        this.jdbcOptions = Map.copyOf(jdbcOptions);
        this.ignoredParameters = List.copyOf(ignoredParameters);
    }

    /**
     * @throws IllegalArgumentException if {@code url} is not a PostgreSQL connection string of the accepted form
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("is empty");
        }
        String text = url.strip();
        String rest = null;
        for (String scheme : SCHEMES) {
            if (text.regionMatches(true, 0, scheme, 0, scheme.length())) {
                rest = text.substring(scheme.length());
                break;
            }
        }
        if (rest == null) {
            throw invalid("must start with postgresql:// or postgres://");
        }

        int authorityEnd = indexOfAny(rest, "/?#");
        int at = rest.lastIndexOf('@', authorityEnd - 1);
        String username = null;
        String password = null;
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            username = emptyToNull(decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name"));
            password = colon < 0 ? null : emptyToNull(decode(userInfo.substring(colon + 1), "password"));
        }
        String hostAndPort = rest.substring(at + 1, authorityEnd);

        int fragmentStart = rest.indexOf('#', authorityEnd);
        int end = fragmentStart < 0 ? rest.length() : fragmentStart;
        int queryStart = rest.indexOf('?', authorityEnd);
        int pathEnd = queryStart < 0 || queryStart > end ? end : queryStart;
        String path = rest.substring(authorityEnd, pathEnd);
        String query = pathEnd < end ? rest.substring(pathEnd + 1, end) : "";

        DatabaseUrlBuilder builder = new DatabaseUrlBuilder(username, password);
        builder.hostAndPort(hostAndPort);
        builder.database(path);
        builder.parameters(query);
        return builder.build();
    }

    /** The R2DBC URL, for example {@code r2dbc:postgresql://db.example:5432/concierge?sslMode=require}. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + encode(database) + query(r2dbcOptions);
    }

    /** The JDBC URL, for example {@code jdbc:postgresql://db.example:5432/concierge?sslmode=require}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database) + query(jdbcOptions);
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

    /** The {@code sslmode} given, in lower case; empty if none was given and each driver applies its own default. */
    public Optional<String> sslMode() {
        return Optional.ofNullable(jdbcOptions.get("sslmode"));
    }

    /** The names of the parameters that were given but do not apply to Concierge, in the order given. */
    public List<String> ignoredParameters() {
        return ignoredParameters;
    }

    /** Where the database is; never the credentials. */
    @Override
    public String toString() {
        return "DatabaseUrl[postgresql://" + host + ":" + port + "/" + encode(database)
                + (username == null && password == null ? "" : ", credentials hidden") + "]";
    }

    private static String query(Map<String, String> options) {
        if (options.isEmpty()) {
            return "";
        }
        return options.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(option -> option.getKey() + "=" + encode(option.getValue()))
                .collect(Collectors.joining("&", "?", ""));
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
        return value.isEmpty() ? null : value;
    }

    /** Percent-decoding as in URLs ({@code +} stays a plus sign), with the bytes read as UTF-8. */
    private static String decode(String raw, String what) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) != '%') {
                decoded.append(raw.charAt(i++));
                continue;
            }
            bytes.reset();
            while (i < raw.length() && raw.charAt(i) == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw invalid("has a badly percent-encoded " + what);
                }
                bytes.write(high << 4 | low);
                i += 3;
            }
            try {
                decoded.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())));
            } catch (CharacterCodingException e) {
                throw invalid("has a percent-encoded " + what + " that is not UTF-8");
            }
        }
        return decoded.toString();
    }

    /** Percent-encodes everything but the characters URLs never need to escape. */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** Collects the parts of a connection string after the credentials were taken off. */
    private static final class DatabaseUrlBuilder {

        private final String username;
        private final String password;
        private String host;
        private int port = DEFAULT_PORT;
        private String database;
        private final Map<String, String> r2dbcOptions = new LinkedHashMap<>();
        private final Map<String, String> jdbcOptions = new LinkedHashMap<>();
        private final List<String> ignoredParameters = new ArrayList<>();

        DatabaseUrlBuilder(String username, String password) {
            this.username = username;
            this.password = password;
        }

        void hostAndPort(String hostAndPort) {
            if (hostAndPort.isEmpty()) {
                throw invalid("must name a host" + ENCODING_HINT);
            }
            if (hostAndPort.indexOf(',') >= 0) {
                throw invalid("names several hosts, but only one is supported");
            }
            String portText;
            if (hostAndPort.startsWith("[")) {
                int close = hostAndPort.indexOf(']');
                host = close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
                String after = close < 0 ? "" : hostAndPort.substring(close + 1);
                if (!IPV6_LITERAL.matcher(host).matches() || !(after.isEmpty() || after.startsWith(":"))) {
                    throw invalid("has a malformed IPv6 address");
                }
                portText = after.isEmpty() ? null : after.substring(1);
            } else {
                int colon = hostAndPort.lastIndexOf(':');
                host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
                portText = colon < 0 ? null : hostAndPort.substring(colon + 1);
                if (!HOST_NAME.matcher(host).matches()) {
                    throw invalid("must name the host as a host name or IP address" + ENCODING_HINT);
                }
            }
            if (portText != null && !portText.isEmpty()) {
                port = parsePort(portText);
            }
        }

        void database(String path) {
            String name = path.isEmpty() ? "" : decode(path.substring(1), "database name");
            if (name.isEmpty()) {
                throw invalid("must name a database after the host");
            }
            if (name.indexOf('/') >= 0) {
                throw invalid("must name exactly one database after the host");
            }
            database = name;
        }

        void parameters(String query) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), "parameter name");
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), "parameter value");
                if (!PARAMETER_NAME.matcher(name).matches()) {
                    throw invalid("has a malformed parameter name");
                }
                parameter(name.toLowerCase(Locale.ROOT), value);
            }
        }

        private void parameter(String name, String value) {
            switch (name) {
                case "sslmode" -> {
                    String mode = value.toLowerCase(Locale.ROOT);
                    if (!SSL_MODES.contains(mode)) {
                        throw invalid("has an unknown sslmode; use one of " + String.join(", ", SSL_MODES));
                    }
                    both("sslMode", "sslmode", mode);
                }
                case "sslrootcert" -> both("sslRootCert", "sslrootcert", requireValue(name, value));
                case "application_name" -> both("applicationName", "ApplicationName", requireValue(name, value));
                case "connect_timeout" -> {
                    if (!SECONDS.matcher(value).matches()) {
                        throw invalid("has a connect_timeout that is not a whole number of seconds");
                    }
                    int seconds = Integer.parseInt(value);
                    // As with libpq, zero means no time limit: leave each driver's default of waiting.
                    if (seconds > 0) {
                        r2dbcOptions.put("connectTimeout", "PT" + seconds + "S");
                        jdbcOptions.put("connectTimeout", Integer.toString(seconds));
                    }
                }
                case "schema" -> {
                    if (!SCHEMA_NAME.matcher(value).matches()) {
                        throw invalid("has a schema that is not a plain identifier");
                    }
                    both("currentSchema", "currentSchema", value);
                }
                default -> ignoredParameters.add(name);
            }
        }

        private void both(String r2dbcName, String jdbcName, String value) {
            r2dbcOptions.put(r2dbcName, value);
            jdbcOptions.put(jdbcName, value);
        }

        private static String requireValue(String name, String value) {
            if (value.isEmpty()) {
                throw invalid("has an empty " + name);
            }
            return value;
        }

        private static int parsePort(String text) {
            if (text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            }
            throw invalid("must have a port between 1 and 65535 after the host" + ENCODING_HINT);
        }

        DatabaseUrl build() {
            return new DatabaseUrl(host, port, database, username, password, r2dbcOptions, jdbcOptions,
                    ignoredParameters);
        }
    }
}
