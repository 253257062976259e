package dev.concierge.adapter.persistence.tenant;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.token.R2dbcOneTimeTokens;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.SecretToken;
import dev.concierge.domain.token.TokenPurpose;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.test.StepVerifier;

/**
 * Migrations 5 and 6 (tokens, limits, outbox) on a database that already holds tenants: their owners read back as not
 * yet verified, and the new tables take tokens for them. Subclasses provide a database of the test's own.
 */
abstract class OwnerVerificationMigrationTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A new database of the test's own, migrated up to and including version 4. */
    protected abstract ConnectionFactory databaseAtVersion4();

    /** Applies the remaining migrations to the database of {@link #databaseAtVersion4()}. */
    protected abstract void migrateToLatest();

    @Test
    void ownersStoredBeforeVerificationHaveNotVerifiedTheirAddressAndCanBeSentATokenNow() {
        ConnectionFactory database = databaseAtVersion4();
        Tenant revoked = activeTenant().withoutOrigins().build();
        revoked = revoked.withOwner(revoked.owner().revokeSessions(Instant.parse("2026-11-27T10:00:00.5Z")));
        Tenant suspended = activeTenant().withoutOrigins().build().suspend("Unpaid");
        insertAsVersion4Would(database, revoked);
        insertAsVersion4Would(database, suspended);

        migrateToLatest();

        Tenants tenants = R2dbcTenants.using(database, Clock.systemUTC());
        for (Tenant tenant : new Tenant[] {revoked, suspended}) {
            StepVerifier.create(tenants.findById(tenant.id())).assertNext(found -> {
                assertThat(found).isEqualTo(tenant);
                assertThat(found.owner().emailVerified()).isFalse();
            }).expectComplete().verify(TIMEOUT);
        }
        OneTimeToken token = OneTimeToken.issue(SecretToken.generate(), TokenPurpose.EMAIL_VERIFICATION, revoked.id(),
                OneTimeToken.OWNER, Instant.parse("2026-11-28T08:00:00Z"));
        R2dbcOneTimeTokens tokens = R2dbcOneTimeTokens.using(database);
        tokens.add(token).block(TIMEOUT);
        StepVerifier.create(tokens.consume(token.purpose(), token.hash(), token.createdAt())
                        .then(tenants.update(revoked.withOwner(revoked.owner().verifyEmail())))
                        .then(tenants.findById(revoked.id())))
                .assertNext(found -> assertThat(found.owner().emailVerified()).isTrue()).expectComplete().verify(TIMEOUT);
    }

    /** Stores {@code tenant}, which has neither origins nor a logo, in the tenant table's columns of version 4. */
    private static void insertAsVersion4Would(ConnectionFactory database, Tenant tenant) {
        TenantRow row = TenantRow.fromDomain(tenant, tenant.createdAt());
        DatabaseClient.create(database)
                .sql("INSERT INTO tenant (id, client_key, owner_email, password_hash, sessions_valid_from,"
                        + " display_name, status, suspension_reason, title, button_emoji, first_message, font,"
                        + " primary_color, text_color, position, system_prompt, model, language, appointments_enabled,"
                        + " time_zone, created_at, updated_at, version)"
                        + " VALUES (:id, :clientKey, :ownerEmail, :passwordHash, :sessionsValidFrom, :displayName,"
                        + " :status, :suspensionReason, :title, :buttonEmoji, :firstMessage, :font, :primaryColor,"
                        + " :textColor, :position, :systemPrompt, :model, :language, :appointmentsEnabled, :timeZone,"
                        + " :createdAt, :updatedAt, :version)")
                .bind("id", row.id())
                .bind("clientKey", row.clientKey())
                .bind("ownerEmail", row.ownerEmail())
                .bind("passwordHash", row.passwordHash())
                .bind("sessionsValidFrom", row.sessionsValidFrom())
                .bind("displayName", row.displayName())
                .bind("status", row.status())
                .bind("suspensionReason", Parameter.fromOrEmpty(row.suspensionReason(), String.class))
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
