package dev.concierge.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class DatabaseUrlTest {

    @Test
    void turnsTheOriginalPlatformsFormIntoR2dbcAndJdbcUrlsWithSeparateCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://concierge:s3cret@db.example.com:6543/concierge?sslmode=require");

        assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.example.com:6543/concierge?sslMode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/concierge?sslmode=require");
        assertThat(url.username()).contains("concierge");
        assertThat(url.password()).contains("s3cret");
        assertThat(url.host()).isEqualTo("db.example.com");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("concierge");
    }

    @Test
    void acceptsThePostgresSchemeAndDefaultsThePort() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:pw@localhost/shop");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://localhost:5432/shop");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
    }

    @Test
    void acceptsAMissingPasswordOrMissingCredentials() {
        DatabaseUrl userOnly = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/concierge");
        DatabaseUrl none = DatabaseUrl.parse("postgresql://127.0.0.1/concierge");

        assertThat(userOnly.username()).contains("postgres");
        assertThat(userOnly.password()).isEmpty();
        assertThat(none.username()).isEmpty();
        assertThat(none.password()).isEmpty();
        assertThat(none.r2dbcUrl()).isEqualTo("r2dbc:postgresql://127.0.0.1:5432/concierge");
    }

    @Test
    void decodesPercentEncodedCredentialsWithoutTurningPlusIntoSpace() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%2Fa%3Fs%23s+w%C3%B6rd%25@db:5432/concierge");

        assertThat(url.username()).contains("us@er");
        assertThat(url.password()).contains("p/a?s#s+wörd%");
        assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db:5432/concierge");
    }

    @Test
    void toleratesAtSignsAndColonsInAnUnencodedPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:p@ss:w@rd@db.example:5432/concierge");

        assertThat(url.username()).contains("app");
        assertThat(url.password()).contains("p@ss:w@rd");
        assertThat(url.host()).isEqualTo("db.example");
    }

    @Test
    void acceptsAnIpv6Address() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@[::1]:5433/concierge");

        assertThat(url.host()).isEqualTo("[::1]");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/concierge");
    }

    @Test
    void carriesSslModeAndSchemaOverToBothDrivers() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@db/concierge?schema=tenants&sslmode=VERIFY-FULL");

        assertThat(url.r2dbcUrl())
                .isEqualTo("r2dbc:postgresql://db:5432/concierge?currentSchema=tenants&sslMode=verify-full");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/concierge?currentSchema=tenants&sslmode=verify-full");
    }

    @Test
    void warnsAboutEveryIgnoredParameterByNameOnlyAndLeavesItOut() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(DatabaseUrl.class);
        Level configured = logger.getLevel();
        log.start();
        logger.addAppender(log);
        // Captured here rather than printed: the build's output shows only what went wrong.
        logger.setLevel(Level.WARN);
        logger.setAdditive(false);
        try {
            DatabaseUrl url = DatabaseUrl.parse("postgresql://app:hunter2-secret@db/concierge?connection_limit=5"
                    + "&sslmode=require&pgbouncer=true&password=hunter2-secret");

            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/concierge?sslmode=require");
            assertThat(log.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage())
                        .contains("connection_limit, pgbouncer, password")
                        .doesNotContain("hunter2");
            });
        } finally {
            logger.detachAppender(log);
            logger.setLevel(configured);
            logger.setAdditive(true);
        }
    }

    @Test
    void r2dbcUrlIsReadBackAsTheSameOptionsByR2dbc() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@db.example:6543/my%20db+%C3%BC?sslmode=require"
                + "&schema=tenants");

        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url.r2dbcUrl());

        assertThat(options.getValue(ConnectionFactoryOptions.DRIVER)).isEqualTo("postgresql");
        assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db.example");
        assertThat(options.getValue(ConnectionFactoryOptions.PORT)).isEqualTo(6543);
        assertThat(options.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("my db+ü");
        assertThat(options.getValue(ConnectionFactoryOptions.USER)).isNull();
        assertThat(options.getValue(ConnectionFactoryOptions.PASSWORD)).isNull();
        assertThat(options.getValue(io.r2dbc.spi.Option.valueOf("sslMode"))).isEqualTo("require");
        assertThat(options.getValue(io.r2dbc.spi.Option.valueOf("currentSchema"))).isEqualTo("tenants");
    }

    @Test
    void bothDriversAcceptTheOptionsCarriedOver() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@db.example/my%20db?sslmode=require&schema=tenants");

        // The R2DBC driver reads and converts its options when the factory is built, before any connection.
        assertThat(ConnectionFactories.get(ConnectionFactoryOptions.parse(url.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, "app").build())).isNotNull();
        Properties jdbc = org.postgresql.Driver.parseURL(url.jdbcUrl(), new Properties());
        assertThat(jdbc).containsEntry("sslmode", "require").containsEntry("currentSchema", "tenants")
                .containsEntry("PGDBNAME", "my db");
    }

    @Test
    void toStringNeverShowsTheCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://concierge-user:hunter2-secret@db:5432/concierge");

        assertThat(url.toString())
                .contains("db:5432/concierge")
                .doesNotContain("hunter2-secret")
                .doesNotContain("concierge-user");
        assertThat(url.r2dbcUrl() + url.jdbcUrl()).doesNotContain("hunter2-secret").doesNotContain("concierge-user");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mysql://app:hunter2-secret@db:3306/concierge",
            "jdbc:postgresql://db:5432/concierge?password=hunter2-secret",
            "postgresql://app:hunter2-secret@db:99999/concierge",
            "postgresql://app:hunter2-secret@db:port/concierge",
            "postgresql://app:hunter2-secret@/concierge",
            "postgresql://app:hunter2-secret@db:5432",
            "postgresql://app:hunter2-secret@db:5432/",
            "postgresql://app:hunter2-secret@db1:5432,db2:5432/concierge",
            "postgresql://app:hunter2-secret@db:5432/concierge?sslmode=sometimes",
            "postgresql://app:hunter2-secret@db:5432/concierge?ssl mode=require",
            "postgresql://app:hunter2-secret@db:5432/concierge?%ZZ=1",
            "postgresql://app:hunter2-secret@db:5432/my%FFdb",
            "postgresql://app:hunter2-secret@db:5432/one/two",
            "postgresql://app:hunter2-secret@db:0/concierge",
            "postgresql://app:hunter2-secret@db:5432/concierge?schema=x;drop",
            "postgresql://app:hunter2-secret%G1@db:5432/concierge",
            "postgresql://app:hunter2-secret%FF@db:5432/concierge",
            "postgresql://app:hunter2/secret@db:5432/concierge",
            "postgresql://app:12/hunter2-secret?x@db:5432/concierge",
            "postgresql://app:hunter2-secret@[::1/concierge",
            "   "})
    void rejectsInvalidUrlsWithAClearMessageThatNeverContainsThePassword(String invalid) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse(invalid))
                .withMessageStartingWith("The PostgreSQL database URL ")
                .withMessageContaining("postgresql://user:password@host:5432/database")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("secret"));
    }

    @Test
    void rejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(null))
                .withMessageContaining("is empty");
    }
}
