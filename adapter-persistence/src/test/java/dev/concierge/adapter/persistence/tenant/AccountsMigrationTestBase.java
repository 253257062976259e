package dev.concierge.adapter.persistence.tenant;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.Tenant;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * Migration 4 (accounts) on a database that already holds tenants: they read back as the domain now expects, with
 * no session ever revoked and, if suspended, a reason. Subclasses provide a database of the test's own.
 */
abstract class AccountsMigrationTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** What the migration gives a tenant that was suspended before reasons were kept. */
    private static final String REASON_FOR_EARLIER_SUSPENSIONS = "Suspended before reasons were recorded.";

    /** A new database of the test's own, migrated up to and including version 3. */
    protected abstract ConnectionFactory databaseAtVersion3();

    /** Applies the remaining migrations to the database of {@link #databaseAtVersion3()}. */
    protected abstract void migrateToLatest();

    @Test
    void tenantsStoredBeforeAccountsNeverRevokedASessionAndSuspendedOnesGetAReason() {
        ConnectionFactory database = databaseAtVersion3();
        Tenant active = activeTenant().withoutOrigins().build();
        Tenant suspended = activeTenant().withoutOrigins().build().suspend(REASON_FOR_EARLIER_SUSPENSIONS);
        insertAsVersion3Would(database, active);
        insertAsVersion3Would(database, suspended);

        migrateToLatest();

        Tenants tenants = R2dbcTenants.using(database, Clock.systemUTC());
        StepVerifier.create(tenants.findById(active.id())).assertNext(found -> {
            assertThat(found).isEqualTo(active);
            assertThat(found.owner().sessionsValidFrom()).isEqualTo(Instant.EPOCH);
            assertThat(found.suspensionReason()).isEmpty();
        }).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.findById(suspended.id())).expectNext(suspended).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.update(suspended.reactivate()).then(tenants.findById(suspended.id())))
                .assertNext(found -> assertThat(found.suspensionReason()).isEmpty()).expectComplete().verify(TIMEOUT);
    }

    /** Stores {@code tenant}, which has neither origins nor a logo, in the tenant table's columns of version 3. */
    private static void insertAsVersion3Would(ConnectionFactory database, Tenant tenant) {
        TenantRow row = TenantRow.fromDomain(tenant, tenant.createdAt());
        DatabaseClient.create(database)
                .sql("INSERT INTO tenant (id, client_key, owner_email, password_hash, display_name, status, title,"
                        + " button_emoji, first_message, font, primary_color, text_color, position, system_prompt,"
                        + " model, language, appointments_enabled, time_zone, created_at, updated_at, version)"
                        + " VALUES (:id, :clientKey, :ownerEmail, :passwordHash, :displayName, :status, :title,"
                        + " :buttonEmoji, :firstMessage, :font, :primaryColor, :textColor, :position, :systemPrompt,"
                        + " :model, :language, :appointmentsEnabled, :timeZone, :createdAt, :updatedAt, :version)")
                .bind("id", row.id())
                .bind("clientKey", row.clientKey())
                .bind("ownerEmail", row.ownerEmail())
                .bind("passwordHash", row.passwordHash())
                .bind("displayName", row.displayName())
                .bind("status", row.status())
                .bind("title", row.title())
                .bind("buttonEmoji", row.buttonEmoji())
                .bind("firstMessage", row.firstMessage())
                .bind("font", row.font())
                .bind("primaryColor", row.primaryColor())
                .bind("textColor", row.textColor())
                .bind("position", row.position())
                .bind("systemPrompt", row.systemPrompt())
                .bind("model", row.model())
                .bind("language", row.language())
                .bind("appointmentsEnabled", row.appointmentsEnabled())
                .bind("timeZone", row.timeZone())
                .bind("createdAt", row.createdAt())
                .bind("updatedAt", row.updatedAt())
                .bind("version", row.version())
                .then()
                .block(TIMEOUT);
    }
}
