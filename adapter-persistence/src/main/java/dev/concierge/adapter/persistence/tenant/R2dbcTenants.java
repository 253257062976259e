package dev.concierge.adapter.persistence.tenant;

import dev.concierge.adapter.persistence.support.ConstraintViolations;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@link Tenants} in a relational database (PostgreSQL or H2) through R2DBC, with explicit SQL.
 *
 * <p>Uniqueness of client keys and owner e-mails is left to the database's unique constraints, so concurrent
 * sign-ups on several instances cannot both win; a violation is recognised by the constraint's name. Writes run in
 * one transaction each, so a tenant is never stored without its origins. A tenant and its origins are read with one
 * joined query: one round trip, and one consistent snapshot even while an update replaces the origins.
 *
 * <p>The table's {@code updated_at} column is set from the clock on every update; the domain does not see it.
 */
public final class R2dbcTenants implements Tenants {

    static final String CLIENT_KEY_CONSTRAINT = "uq_tenant_client_key";
    static final String OWNER_EMAIL_CONSTRAINT = "uq_tenant_owner_email";
    private static final List<String> UNIQUE_CONSTRAINTS = List.of(CLIENT_KEY_CONSTRAINT, OWNER_EMAIL_CONSTRAINT);

    private static final String INSERT_TENANT = "INSERT INTO tenant ("
            + String.join(", ", TenantRow.COLUMNS) + ", updated_at) VALUES ("
            + TenantRow.COLUMNS.stream().map(R2dbcTenants::parameter).collect(Collectors.joining(", "))
            + ", :updated_at)";

    private static final String UPDATE_TENANT = "UPDATE tenant SET "
            + TenantRow.COLUMNS.stream()
                    .filter(column -> !column.equals("id") && !column.equals("created_at"))
                    .map(column -> column + " = " + parameter(column))
                    .collect(Collectors.joining(", "))
            + ", updated_at = :updated_at WHERE id = :id";

    private static final String SELECT_TENANT = "SELECT "
            + TenantRow.COLUMNS.stream().map(column -> "t." + column).collect(Collectors.joining(", "))
            + ", o.origin FROM tenant t LEFT JOIN tenant_allowed_origin o ON o.tenant_id = t.id ";

    private static final String DELETE_ORIGINS = "DELETE FROM tenant_allowed_origin WHERE tenant_id = :tenant_id";

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final Clock clock;

    /**
     * @param database     runs the statements; it must use the same connection factory as {@code transactions}
     * @param transactions makes each write all or nothing
     * @param clock        stamps {@code updated_at}
     */
    public R2dbcTenants(DatabaseClient database, TransactionalOperator transactions, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Tenants in the database behind {@code connectionFactory}, with a {@link DatabaseClient} and a transaction
     * manager of their own. Both find the connection of a surrounding transaction on the same connection factory, so
     * these writes join a transaction that a caller already started.
     */
    public static R2dbcTenants using(ConnectionFactory connectionFactory, Clock clock) {
        return new R2dbcTenants(DatabaseClient.create(connectionFactory),
                TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory)), clock);
    }

    @Override
    public Mono<Tenant> add(Tenant tenant) {
        return Mono.defer(() -> {
                    TenantRow row = TenantRow.fromDomain(tenant);
                    return bindColumns(database.sql(INSERT_TENANT), row)
                            .bind("created_at", row.createdAt())
                            .bind("updated_at", row.createdAt())
                            .fetch().rowsUpdated()
                            .then(insertOrigins(row));
                })
                .as(transactions::transactional)
                .onErrorMap(alreadyTaken(tenant))
                .thenReturn(tenant);
    }

    @Override
    public Mono<Tenant> update(Tenant tenant) {
        return Mono.defer(() -> {
                    TenantRow row = TenantRow.fromDomain(tenant);
                    return bindColumns(database.sql(UPDATE_TENANT), row)
                            .bind("updated_at", TenantRow.utc(clock.instant()))
                            .fetch().rowsUpdated()
                            .flatMap(updated -> updated == 0
                                    ? Mono.error(new TenantNotFoundException("with id " + tenant.id()))
                                    : replaceOrigins(row));
                })
                .as(transactions::transactional)
                .onErrorMap(alreadyTaken(tenant))
                .thenReturn(tenant);
    }

    @Override
    public Mono<Tenant> findById(TenantId id) {
        return findOne("t.id = :key", id.value());
    }

    @Override
    public Mono<Tenant> findByClientKey(ClientKey clientKey) {
        return findOne("t.client_key = :key", clientKey.value());
    }

    private Mono<Tenant> findOne(String condition, Object key) {
        return database.sql(SELECT_TENANT + "WHERE " + condition + " ORDER BY o.position")
                .bind("key", key)
                .map((row, metadata) -> new JoinedRow(TenantRow.read(row), row.get("origin", String.class)))
                .all()
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.empty() : Mono.just(JoinedRow.merge(rows).toDomain()));
    }

    private Mono<Void> replaceOrigins(TenantRow row) {
        return database.sql(DELETE_ORIGINS).bind("tenant_id", row.id())
                .fetch().rowsUpdated()
                .then(insertOrigins(row));
    }

    /** Inserts all origins with one multi-row statement; positions are written as literals, origins as parameters. */
    private Mono<Void> insertOrigins(TenantRow row) {
        List<String> origins = row.allowedOrigins();
        if (origins.isEmpty()) {
            return Mono.empty();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < origins.size(); i++) {
            values.add("(:tenant_id, " + i + ", :origin_" + i + ")");
        }
        GenericExecuteSpec insert = database
                .sql("INSERT INTO tenant_allowed_origin (tenant_id, position, origin) VALUES " + String.join(", ", values))
                .bind("tenant_id", row.id());
        for (int i = 0; i < origins.size(); i++) {
            insert = insert.bind("origin_" + i, origins.get(i));
        }
        return insert.fetch().rowsUpdated().then();
    }

    /** Binds every column but the timestamps, which inserts and updates set differently. */
    private static GenericExecuteSpec bindColumns(GenericExecuteSpec spec, TenantRow row) {
        GenericExecuteSpec bound = spec
                .bind("id", row.id())
                .bind("client_key", row.clientKey())
                .bind("owner_email", row.ownerEmail())
                .bind("password_hash", row.passwordHash())
                .bind("display_name", row.displayName())
                .bind("status", row.status())
                .bind("title", row.title())
                .bind("button_emoji", row.buttonEmoji())
                .bind("first_message", row.firstMessage())
                .bind("font", row.font())
                .bind("primary_color", row.primaryColor())
                .bind("text_color", row.textColor())
                .bind("position", row.position())
                .bind("system_prompt", row.systemPrompt())
                .bind("model", row.model())
                .bind("language", row.language())
                .bind("appointments_enabled", row.appointmentsEnabled())
                .bind("time_zone", row.timeZone());
        return row.logoUrl() == null ? bound.bindNull("logo_url", String.class) : bound.bind("logo_url", row.logoUrl());
    }

    private static Function<Throwable, Throwable> alreadyTaken(Tenant tenant) {
        return error -> ConstraintViolations.violated(error, UNIQUE_CONSTRAINTS)
                .<Throwable>map(constraint -> constraint.equals(CLIENT_KEY_CONSTRAINT)
                        ? new ClientKeyTakenException(tenant.clientKey())
                        : new OwnerEmailTakenException())
                .orElse(error);
    }

    private static String parameter(String column) {
        return ":" + column;
    }

    /** One row of the joined query: the tenant's columns and one of its origins, or {@code null} if it has none. */
    private record JoinedRow(TenantRow tenant, String origin) {

        static TenantRow merge(List<JoinedRow> rows) {
            List<String> origins = rows.stream().map(JoinedRow::origin).filter(Objects::nonNull).toList();
            return rows.get(0).tenant().withOrigins(origins);
        }
    }
}
