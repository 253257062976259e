package dev.concierge.adapter.persistence.tenant;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import dev.concierge.adapter.persistence.support.ConstraintViolations;
import dev.concierge.adapter.persistence.support.EntityTemplates;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantChangedConcurrentlyException;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import dev.concierge.domain.tenant.TenantStatus;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.r2dbc.convert.R2dbcConverter;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Query;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Tenants} in a relational database (PostgreSQL or H2) through R2DBC. Rows are mapped by Spring Data
 * ({@link TenantRow}, {@link AllowedOriginRow}); the one query Spring Data cannot express, reading tenants with their
 * origins, is explicit SQL.
 *
 * <p>Uniqueness of client keys and owner e-mails is left to the database's unique constraints, so concurrent
 * sign-ups on several instances cannot both win; a violation is recognised by the constraint's name. Each write runs
 * in a transaction of its own, or in a savepoint of a surrounding one, so a tenant is never stored without its
 * origins. A tenant and its origins, or a page of tenants and theirs, are read with one joined query: one round trip,
 * and one consistent snapshot even while an update replaces the origins.
 *
 * <p>The table's {@code updated_at} column is set from the clock on every update; the domain does not see it.
 */
public final class R2dbcTenants implements Tenants {

    static final String CLIENT_KEY_CONSTRAINT = "uq_tenant_client_key";
    static final String OWNER_EMAIL_CONSTRAINT = "uq_tenant_owner_email";
    private static final List<String> UNIQUE_CONSTRAINTS = List.of(CLIENT_KEY_CONSTRAINT, OWNER_EMAIL_CONSTRAINT);

    /**
     * The tenants that the query in place of {@code %s} selects from the tenant table, newest first, each with its
     * origins: one row an origin (or one row with a {@code null} origin), a tenant's rows together and in order.
     */
    private static final String SELECT_WITH_ORIGINS = "SELECT t.*, o.origin AS allowed_origin FROM (%s) t"
            + " LEFT JOIN tenant_allowed_origin o ON o.tenant_id = t.id ORDER BY t.created_at DESC, t.id, o.position";
    /** A page is chosen among the tenants alone, so that their origins never count against the limit. */
    private static final String PAGE = "SELECT * FROM tenant %s ORDER BY created_at DESC, id"
            + " LIMIT :limit OFFSET :offset";
    private static final int MAX_PAGE_SIZE = 1_000;

    private final R2dbcEntityTemplate template;
    private final Transactions transactions;
    private final Clock clock;

    /**
     * @param template     maps and runs the statements; it must use the connection factory of {@code transactions}
     * @param transactions makes each write all or nothing
     * @param clock        stamps {@code updated_at}
     */
    public R2dbcTenants(R2dbcEntityTemplate template, Transactions transactions, Clock clock) {
        this.template = Objects.requireNonNull(template, "template");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Tenants in the database behind {@code connectionFactory}, with a template (its dialect found from the
     * connection factory) and transactions of their own. Both find the connection of a surrounding transaction on
     * the same connection factory, so these writes join a transaction that a caller already started.
     */
    public static R2dbcTenants using(ConnectionFactory connectionFactory, Clock clock) {
        return new R2dbcTenants(
                EntityTemplates.forConnectionFactory(connectionFactory, TenantRow.class, AllowedOriginRow.class),
                R2dbcTransactions.using(connectionFactory), clock);
    }

    @Override
    public Mono<Tenant> add(Tenant tenant) {
        Mono<Void> writes = Mono.defer(() -> template.insert(TenantRow.fromDomain(tenant, tenant.createdAt()))
                .then(insertOrigins(tenant)));
        return transactions.inTransaction(writes)
                .onErrorMap(alreadyTaken(tenant))
                .thenReturn(tenant);
    }

    @Override
    public Mono<Tenant> update(Tenant tenant) {
        // A missing row and a stale version both leave the update without a row to change; look first to tell them
        // apart. The version check itself is in the UPDATE statement, so it holds across instances.
        Mono<Void> writes = template.exists(query(where("id").is(tenant.id().value())), TenantRow.class)
                .flatMap(exists -> exists ? template.update(TenantRow.fromDomain(tenant, clock.instant()))
                        : Mono.error(new TenantNotFoundException("with id " + tenant.id())))
                .onErrorMap(OptimisticLockingFailureException.class,
                        stale -> new TenantChangedConcurrentlyException(tenant.version()))
                .then(template.delete(query(where("tenant_id").is(tenant.id().value())), AllowedOriginRow.class))
                .then(insertOrigins(tenant));
        return transactions.inTransaction(writes)
                .onErrorMap(alreadyTaken(tenant))
                .thenReturn(tenant.storedAs(tenant.version() + 1));
    }

    @Override
    public Mono<Tenant> findById(TenantId id) {
        return findOne("id", id.value());
    }

    @Override
    public Mono<Tenant> findByClientKey(ClientKey clientKey) {
        return findOne("client_key", clientKey.value());
    }

    @Override
    public Mono<Tenant> findByOwnerEmail(EmailAddress email) {
        return findOne("owner_email", email.value());
    }

    @Override
    public Flux<Tenant> list(TenantStatus status, long offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            return Flux.error(new IllegalArgumentException("offset must be at least 0 and limit 1 to " + MAX_PAGE_SIZE
                    + ", were " + offset + " and " + limit));
        }
        // The page and its origins in one statement: one round trip and one snapshot, as for a single tenant.
        DatabaseClient.GenericExecuteSpec statement = template.getDatabaseClient()
                .sql(SELECT_WITH_ORIGINS.formatted(PAGE.formatted(status == null ? "" : "WHERE status = :status")))
                .bind("limit", limit)
                .bind("offset", offset);
        return select(status == null ? statement : statement.bind("status", status.name()));
    }

    @Override
    public Mono<Long> count(TenantStatus status) {
        return template.count(status == null ? Query.empty() : query(where("status").is(status.name())),
                TenantRow.class);
    }

    /** The tenant whose unique {@code column} holds {@code key}. */
    private Mono<Tenant> findOne(String column, Object key) {
        return select(template.getDatabaseClient()
                .sql(SELECT_WITH_ORIGINS.formatted("SELECT * FROM tenant WHERE " + column + " = :key"))
                .bind("key", key))
                .next();
    }

    /** Runs a query of {@link #SELECT_WITH_ORIGINS}: its rows come tenant by tenant, each tenant's origins in order. */
    private Flux<Tenant> select(DatabaseClient.GenericExecuteSpec statement) {
        R2dbcConverter converter = template.getConverter();
        return statement
                .map((row, metadata) -> new JoinedRow(converter.read(TenantRow.class, row, metadata),
                        row.get("allowed_origin", String.class)))
                .all()
                .bufferUntilChanged(joined -> joined.tenant().id())
                .map(JoinedRow::toDomain);
    }

    /** One statement an origin, in order, within the caller's transaction. */
    private Mono<Void> insertOrigins(Tenant tenant) {
        return Flux.fromIterable(AllowedOriginRow.fromDomain(tenant)).concatMap(template::insert).then();
    }

    private static Function<Throwable, Throwable> alreadyTaken(Tenant tenant) {
        return error -> ConstraintViolations.violated(error, UNIQUE_CONSTRAINTS)
                .<Throwable>map(constraint -> constraint.equals(CLIENT_KEY_CONSTRAINT)
                        ? new ClientKeyTakenException(tenant.clientKey())
                        : new OwnerEmailTakenException())
                .orElse(error);
    }

    /** One row of the joined query: the tenant's columns and one of its origins, or {@code null} if it has none. */
    private record JoinedRow(TenantRow tenant, String origin) {

        static Tenant toDomain(List<JoinedRow> rows) {
            List<String> origins = rows.stream().map(JoinedRow::origin).filter(Objects::nonNull).toList();
            return rows.get(0).tenant().toDomain(origins);
        }
    }
}
