package dev.concierge.adapter.persistence.usage;

import dev.concierge.adapter.persistence.testing.TestH2;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The usage counters contract on a fresh in-memory H2 database, migrated with the common and the H2 migrations. */
class H2UsageCountersTest extends R2dbcUsageCountersTestBase {

    @RegisterExtension
    static final TestH2 H2 = TestH2.migrated();

    @Override
    protected ConnectionFactory connectionFactory() {
        return H2.connectionFactory();
    }

    /** H2 takes a usable index even for an empty table. */
    @Override
    protected Mono<Void> preferIndexes(DatabaseClient database) {
        return Mono.empty();
    }
}
