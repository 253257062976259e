package dev.concierge.adapter.persistence.availability;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import dev.concierge.adapter.persistence.support.Dialect;
import dev.concierge.adapter.persistence.support.EntityTemplates;
import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;
import dev.concierge.domain.booking.AvailabilityRuleNotFoundException;
import dev.concierge.domain.tenant.TenantId;
import io.r2dbc.spi.ConnectionFactory;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Query;
import org.springframework.data.relational.core.query.Update;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link AvailabilityRules} in a relational database (PostgreSQL or H2) through R2DBC, one row a rule
 * ({@link AvailabilityRuleRow}). Every statement names the tenant next to the rule's id, so a rule of another tenant
 * is never reached, and each write is one statement, all or nothing by itself.
 *
 * <p>Adding meets an existing id without failing the statement (see {@link Dialect#insertUnlessPresent}), so a
 * refused duplicate leaves a surrounding transaction usable; an update or delete that finds no rule changes nothing
 * and fails nothing. Statements run on the connection of a surrounding transaction on the same connection factory,
 * if there is one, so they commit or roll back with the caller's other writes.
 */
public final class R2dbcAvailabilityRules implements AvailabilityRules {

    private static final String INSERT = "INSERT INTO availability_rule"
            + " (id, tenant_id, start_date, start_time, duration_minutes, recurrence, end_date)"
            + " VALUES (:id, :tenantId, :startDate, :startTime, :durationMinutes, :recurrence, :endDate)";
    /** The order of {@link AvailabilityRules#list}, which the index {@code ix_availability_rule_tenant} holds. */
    private static final Sort LISTED = Sort.by("start_date", "start_time", "id");

    private final R2dbcEntityTemplate template;
    private final Dialect dialect;

    /**
     * @param template maps and runs the statements; its connection factory decides the SQL spoken (PostgreSQL or H2)
     */
    public R2dbcAvailabilityRules(R2dbcEntityTemplate template) {
        this.template = Objects.requireNonNull(template, "template");
        this.dialect = Dialect.of(template.getDatabaseClient().getConnectionFactory());
    }

    /**
     * Rules in the database behind {@code connectionFactory}, with a template of their own. It finds the connection
     * of a surrounding transaction on the same connection factory, so these statements join a transaction that a
     * caller already started.
     */
    public static R2dbcAvailabilityRules using(ConnectionFactory connectionFactory) {
        return new R2dbcAvailabilityRules(
                EntityTemplates.forConnectionFactory(connectionFactory, AvailabilityRuleRow.class));
    }

    @Override
    public Mono<AvailabilityRule> add(TenantId tenantId, AvailabilityRule rule) {
        AvailabilityRuleRow row = AvailabilityRuleRow.fromDomain(tenantId.value(), rule);
        return template.getDatabaseClient().sql(dialect.insertUnlessPresent(INSERT))
                .bind("id", row.id())
                .bind("tenantId", row.tenantId())
                .bind("startDate", row.startDate())
                .bind("startTime", row.startTime())
                .bind("durationMinutes", row.durationMinutes())
                .bind("recurrence", row.recurrence())
                .bind("endDate", Parameter.fromOrEmpty(row.endDate(), LocalDate.class))
                .fetch()
                .rowsUpdated()
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(0L))
                .flatMap(inserted -> inserted == 1 ? Mono.just(rule)
                        : Mono.error(new IllegalStateException("an availability rule with id " + rule.id()
                                + " exists already")));
    }

    @Override
    public Mono<AvailabilityRule> update(TenantId tenantId, AvailabilityRule rule) {
        AvailabilityRuleRow row = AvailabilityRuleRow.fromDomain(tenantId.value(), rule);
        Update changes = Update.update("start_date", row.startDate())
                .set("start_time", row.startTime())
                .set("duration_minutes", row.durationMinutes())
                .set("recurrence", row.recurrence())
                .set("end_date", row.endDate());
        return template.update(ofTenant(tenantId, rule.id()), changes, AvailabilityRuleRow.class)
                .flatMap(changed -> changed == 1 ? Mono.just(rule)
                        : Mono.error(new AvailabilityRuleNotFoundException(rule.id())));
    }

    @Override
    public Mono<Boolean> delete(TenantId tenantId, AvailabilityRuleId id) {
        return template.delete(ofTenant(tenantId, id), AvailabilityRuleRow.class).map(deleted -> deleted > 0);
    }

    @Override
    public Mono<AvailabilityRule> findById(TenantId tenantId, AvailabilityRuleId id) {
        return template.selectOne(ofTenant(tenantId, id), AvailabilityRuleRow.class)
                .map(AvailabilityRuleRow::toDomain);
    }

    @Override
    public Flux<AvailabilityRule> list(TenantId tenantId) {
        return template.select(query(where("tenant_id").is(tenantId.value())).sort(LISTED),
                        AvailabilityRuleRow.class)
                .map(AvailabilityRuleRow::toDomain);
    }

    private static Query ofTenant(TenantId tenantId, AvailabilityRuleId id) {
        return query(where("id").is(id.value()).and("tenant_id").is(tenantId.value()));
    }
}
