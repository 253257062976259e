package dev.concierge.adapter.persistence.token;

import static dev.concierge.adapter.persistence.token.OneTimeTokenRow.utc;
import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import dev.concierge.adapter.persistence.support.Dialect;
import dev.concierge.adapter.persistence.support.EntityTemplates;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.TokenHash;
import dev.concierge.domain.token.TokenPurpose;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Instant;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.r2dbc.convert.R2dbcConverter;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link OneTimeTokens} in a relational database (PostgreSQL or H2) through R2DBC, one row a token
 * ({@link OneTimeTokenRow}) keyed by its hash.
 *
 * <p>Using a token up deletes it only if it is still valid, and of concurrent consumes on any number of instances the
 * row's lock lets one delete it; the others find it gone. On PostgreSQL that is one {@code DELETE ... RETURNING}. On
 * H2 the token is read and then deleted by a plain {@code DELETE} that counts: H2's data change delta tables, which
 * could return the deleted row, proved unreliable under concurrent updates (see the mail outbox adapter), and a token
 * never changes, so the row read is the row deleted.
 * Adding a token meets an existing hash without failing the statement (see {@link Dialect#insertUnlessPresent}), so
 * a refused duplicate leaves a surrounding transaction usable on both databases.
 *
 * <p>Statements run on the connection of a surrounding transaction on the same connection factory, if there is one,
 * so they commit or roll back with the caller's other writes.
 */
public final class R2dbcOneTimeTokens implements OneTimeTokens {

    private static final String INSERT = "INSERT INTO one_time_token"
            + " (token_hash, purpose, tenant_id, subject, created_at, expires_at)"
            + " VALUES (:hash, :purpose, :tenantId, :subject, :createdAt, :expiresAt)";
    private static final String VALID = "token_hash = :hash AND purpose = :purpose AND expires_at > :now";
    private static final String POSTGRESQL_CONSUME = "DELETE FROM one_time_token WHERE " + VALID + " RETURNING *";
    private static final String H2_CONSUME = "DELETE FROM one_time_token WHERE " + VALID;
    /** Finds the tokens through the index that leads with {@code tenant_id}. */
    static final String DELETE_ALL = "DELETE FROM one_time_token"
            + " WHERE tenant_id = :tenantId AND purpose = :purpose AND subject = :subject";
    /** Compares the indexed column itself with the bound instant, so that the database can range-scan the index. */
    static final String PURGE_EXPIRED = "DELETE FROM one_time_token WHERE expires_at <= :now";

    private final R2dbcEntityTemplate template;
    private final Dialect dialect;

    /**
     * @param template maps and runs the statements; its connection factory decides the SQL spoken (PostgreSQL or H2)
     */
    public R2dbcOneTimeTokens(R2dbcEntityTemplate template) {
        this.template = Objects.requireNonNull(template, "template");
        this.dialect = Dialect.of(template.getDatabaseClient().getConnectionFactory());
    }

    /**
     * Tokens in the database behind {@code connectionFactory}, with a template of their own. It finds the connection
     * of a surrounding transaction on the same connection factory, so these statements join a transaction that a
     * caller already started.
     */
    public static R2dbcOneTimeTokens using(ConnectionFactory connectionFactory) {
        return new R2dbcOneTimeTokens(EntityTemplates.forConnectionFactory(connectionFactory, OneTimeTokenRow.class));
    }

    @Override
    public Mono<Void> add(OneTimeToken token) {
        OneTimeTokenRow row = OneTimeTokenRow.fromDomain(token);
        return client().sql(dialect.insertUnlessPresent(INSERT))
                .bind("hash", row.tokenHash())
                .bind("purpose", row.purpose())
                .bind("tenantId", row.tenantId())
                .bind("subject", row.subject())
                .bind("createdAt", row.createdAt())
                .bind("expiresAt", row.expiresAt())
                .fetch()
                .rowsUpdated()
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(0L))
                .flatMap(inserted -> inserted == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("a token with this hash is stored already")));
    }

    @Override
    public Mono<OneTimeToken> find(TokenPurpose purpose, TokenHash hash, Instant now) {
        return template.selectOne(query(where("token_hash").is(hash.hex()).and("purpose").is(purpose.name())
                        .and("expires_at").greaterThan(utc(now))), OneTimeTokenRow.class)
                .map(OneTimeTokenRow::toDomain);
    }

    @Override
    public Mono<OneTimeToken> consume(TokenPurpose purpose, TokenHash hash, Instant now) {
        if (dialect == Dialect.H2) {
            // A token never changes, so the one read is the one deleted, if the delete still finds it valid.
            return find(purpose, hash, now).filterWhen(token -> client().sql(H2_CONSUME)
                    .bind("hash", hash.hex())
                    .bind("purpose", purpose.name())
                    .bind("now", utc(now))
                    .fetch()
                    .rowsUpdated()
                    .map(deleted -> deleted == 1));
        }
        R2dbcConverter converter = template.getConverter();
        return client().sql(POSTGRESQL_CONSUME)
                .bind("hash", hash.hex())
                .bind("purpose", purpose.name())
                .bind("now", utc(now))
                .map((row, metadata) -> converter.read(OneTimeTokenRow.class, row, metadata).toDomain())
                .one();
    }

    @Override
    public Mono<Long> deleteAll(TokenPurpose purpose, TenantId tenantId, String subject) {
        Objects.requireNonNull(subject, "subject");
        return client().sql(DELETE_ALL)
                .bind("tenantId", tenantId.value())
                .bind("purpose", purpose.name())
                .bind("subject", subject)
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<Long> purgeExpired(Instant now) {
        return client().sql(PURGE_EXPIRED)
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated();
    }

    private DatabaseClient client() {
        return template.getDatabaseClient();
    }
}
