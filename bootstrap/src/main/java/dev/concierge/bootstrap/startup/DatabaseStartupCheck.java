package dev.concierge.bootstrap.startup;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@code SELECT 1} through the application's R2DBC connection factory once every bean exists, before the server
 * takes requests; the start fails (with one line, see {@link DatabaseUnreachableFailureAnalyzer}) if the database
 * does not answer. Besides finding a wrong URL early, this makes the driver load before any request does: the
 * PostgreSQL driver registers a JVM shutdown hook on its first connection, which fails once shutdown has begun and
 * then leaves in-flight requests hanging until the shutdown timeout.
 */
public final class DatabaseStartupCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartupCheck.class);

    private final ConnectionFactory connectionFactory;
    private final Duration timeout;

    public DatabaseStartupCheck(ConnectionFactory connectionFactory, Duration timeout) {
        this.connectionFactory = connectionFactory;
        this.timeout = timeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        selectOne()
                .timeout(timeout, Mono.error(() -> new R2dbcTimeoutException(
                        "no answer to SELECT 1 within " + timeout.toSeconds() + " seconds")))
                .block();
        log.debug("The database answers");
    }

    /** Opens a connection, runs {@code SELECT 1}, reads the row and closes the connection. */
    Mono<Integer> selectOne() {
        return Mono.usingWhen(Mono.from(connectionFactory.create()),
                connection -> Flux.from(connection.createStatement("SELECT 1").execute())
                        .flatMap(result -> result.map((row, metadata) -> 1))
                        .then(Mono.just(1)),
                Connection::close);
    }
}
