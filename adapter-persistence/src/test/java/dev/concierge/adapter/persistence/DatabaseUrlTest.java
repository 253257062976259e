package dev.concierge.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(url.sslMode()).contains("require");
    }

    @Test
    void acceptsThePostgresSchemeAndDefaultsThePort() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:pw@localhost/shop");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://localhost:5432/shop");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
        assertThat(url.sslMode()).isEmpty();
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
    void carriesSupportedParametersOverToBothDriversAndListsTheIgnoredOnes() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@db/concierge?schema=tenants&sslmode=VERIFY-FULL"
                + "&application_name=Concierge%20API&connect_timeout=10&connection_limit=5&pgbouncer=true"
                + "&sslrootcert=/etc/ssl/root.crt");

        assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db:5432/concierge?applicationName=Concierge%20API"
                + "&connectTimeout=PT10S&currentSchema=tenants&sslMode=verify-full&sslRootCert=%2Fetc%2Fssl%2Froot.crt");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/concierge?ApplicationName=Concierge%20API"
                + "&connectTimeout=10&currentSchema=tenants&sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Froot.crt");
        assertThat(url.ignoredParameters()).containsExactly("connection_limit", "pgbouncer");
    }

    @Test
    void r2dbcUrlIsReadBackAsTheSameOptionsByR2dbc() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@db.example:6543/my%20db?sslmode=require"
                + "&application_name=Concierge%20%26%20Co");

        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url.r2dbcUrl());

        assertThat(options.getValue(ConnectionFactoryOptions.DRIVER)).isEqualTo("postgresql");
        assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db.example");
        assertThat(options.getValue(ConnectionFactoryOptions.PORT)).isEqualTo(6543);
        assertThat(options.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("my db");
        assertThat(options.getValue(ConnectionFactoryOptions.USER)).isNull();
        assertThat(options.getValue(ConnectionFactoryOptions.PASSWORD)).isNull();
        assertThat(options.getValue(io.r2dbc.spi.Option.valueOf("sslMode"))).isEqualTo("require");
        assertThat(options.getValue(io.r2dbc.spi.Option.valueOf("applicationName"))).isEqualTo("Concierge & Co");
    }

    @Test
    void bothDriversAcceptTheOptionsCarriedOver() throws Exception {
        // sslrootcert is left out: the R2DBC driver loads the certificate file as soon as the factory is built.
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@db.example/concierge?sslmode=require"
                + "&application_name=Concierge&connect_timeout=7&schema=tenants");

        // The R2DBC driver reads and converts its options when the factory is built, before any connection.
        assertThat(ConnectionFactories.get(ConnectionFactoryOptions.parse(url.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, "app").build())).isNotNull();
        Properties jdbc = org.postgresql.Driver.parseURL(url.jdbcUrl(), new Properties());
        assertThat(jdbc).containsEntry("sslmode", "require").containsEntry("ApplicationName", "Concierge").containsEntry("connectTimeout", "7")
                .containsEntry("currentSchema", "tenants").containsEntry("PGDBNAME", "concierge");
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
            "postgresql://app:hunter2-secret@db:5432/concierge?connect_timeout=soon",
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
