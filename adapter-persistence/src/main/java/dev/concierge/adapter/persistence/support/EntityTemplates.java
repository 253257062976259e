package dev.concierge.adapter.persistence.support;

import io.r2dbc.spi.ConnectionFactory;
import java.util.Set;
import org.springframework.data.r2dbc.convert.MappingR2dbcConverter;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.r2dbc.dialect.DialectResolver;
import org.springframework.data.r2dbc.dialect.R2dbcDialect;
import org.springframework.data.r2dbc.mapping.R2dbcMappingContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Builds the Spring Data template the R2DBC adapters map their rows with.
 */
public final class EntityTemplates {

    private EntityTemplates() {
    }

    /**
     * A template on {@code connectionFactory}, in the dialect of its driver, that writes table and column names
     * unquoted ({@code @Table("tenant")}, component {@code clientKey} becomes {@code client_key}). Unquoted names are
     * folded by each database the way the migrations' unquoted names were, so one mapping fits PostgreSQL (lower
     * case) and H2 (upper case); Spring Data would otherwise quote the table name exactly as written, which H2 does
     * not find.
     *
     * <p>The row types are mapped at once rather than on first use: Spring Data guards its mapping metadata with a
     * lock that the first concurrent uses would wait for on event-loop threads (which BlockHound rejects).
     *
     * @param rowTypes every {@code @Table} type the adapter reads or writes
     */
    public static R2dbcEntityTemplate forConnectionFactory(ConnectionFactory connectionFactory, Class<?>... rowTypes) {
        R2dbcDialect dialect = DialectResolver.getDialect(connectionFactory);
        R2dbcCustomConversions conversions = R2dbcCustomConversions.of(dialect);
        R2dbcMappingContext mappingContext = R2dbcMappingContext.forPlainIdentifiers();
        mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mappingContext.setInitialEntitySet(Set.of(rowTypes));
        mappingContext.afterPropertiesSet();
        DatabaseClient databaseClient = DatabaseClient.builder()
                .connectionFactory(connectionFactory)
                .bindMarkers(dialect.getBindMarkersFactory())
                .build();
        return new R2dbcEntityTemplate(databaseClient, dialect, new MappingR2dbcConverter(mappingContext, conversions));
    }
}
