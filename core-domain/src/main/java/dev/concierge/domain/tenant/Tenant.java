package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.Text;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A business that runs an assistant on its website. Immutable: every change returns a new tenant, at the same
 * {@link #version()} as the state it was made from.
 *
 * <p>New tenants are made by {@link #signUp}, which applies the sign-up rules; {@link #reconstitute} rebuilds a
 * stored tenant and is meant for persistence adapters only.
 */
public final class Tenant {

    /** The longest reason the platform admin can give for a suspension. */
    public static final int MAX_SUSPENSION_REASON_LENGTH = 500;

    private final TenantId id;
    private final ClientKey clientKey;
    private final Owner owner;
    private final DisplayName displayName;
    private final TenantStatus status;
    private final String suspensionReason;
    private final Branding branding;
    private final AssistantSettings assistant;
    private final AllowedOrigins allowedOrigins;
    private final boolean appointmentsEnabled;
    private final ZoneId timeZone;
    private final Instant createdAt;
    private final long version;

    private Tenant(TenantId id, ClientKey clientKey, Owner owner, DisplayName displayName, TenantStatus status,
            String suspensionReason, Branding branding, AssistantSettings assistant, AllowedOrigins allowedOrigins, boolean appointmentsEnabled,
            ZoneId timeZone, Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.status = Objects.requireNonNull(status, "status");
        if ((status == TenantStatus.SUSPENDED) != (suspensionReason != null)) {
            throw new IllegalArgumentException("a suspended tenant, and only a suspended one, has a suspension reason");
        }
        this.suspensionReason = suspensionReason;
        this.branding = Objects.requireNonNull(branding, "branding");
        this.assistant = Objects.requireNonNull(assistant, "assistant");
        this.allowedOrigins = Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        this.appointmentsEnabled = appointmentsEnabled;
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        if (version < 0) {
            throw new IllegalArgumentException("a version counts updates and cannot be negative, was " + version);
        }
        this.version = version;
    }

    /**
     * A business signs up. It starts {@link TenantStatus#PENDING} until the platform admin confirms it, with
     * default branding and assistant settings derived from its display name, and keeps its calendar in the time
     * zone it named (see {@link TimeZones}). Its sign-up time is kept to the microsecond, the precision every
     * supported database stores.
     */
    public static Tenant signUp(TenantId id, ClientKey clientKey, Owner owner, DisplayName displayName,
            AllowedOrigins allowedOrigins, ZoneId timeZone, Instant now) {
        return new Tenant(id, clientKey, owner, displayName, TenantStatus.PENDING, null, Branding.defaultsFor(displayName),
                AssistantSettings.defaultsFor(displayName), allowedOrigins, true, timeZone,
                now.truncatedTo(ChronoUnit.MICROS), 0);
    }

    /**
     * Rebuilds a tenant exactly as it was stored, at the version the store kept. For persistence adapters only: no
     * sign-up rule runs.
     */
    public static Tenant reconstitute(TenantId id, ClientKey clientKey, Owner owner, DisplayName displayName,
            TenantStatus status, String suspensionReason, Branding branding, AssistantSettings assistant,
            AllowedOrigins allowedOrigins, boolean appointmentsEnabled, ZoneId timeZone, Instant createdAt,
            long version) {
        return new Tenant(id, clientKey, owner, displayName, status, suspensionReason, branding, assistant, allowedOrigins,
                appointmentsEnabled, timeZone, createdAt, version);
    }

    /**
     * This state as a store keeps it after an update, at {@code storedVersion}. For persistence adapters only: it is
     * how a store hands back what it wrote.
     */
    public Tenant storedAs(long storedVersion) {
        return new Tenant(id, clientKey, owner, displayName, status, suspensionReason, branding, assistant, allowedOrigins,
                appointmentsEnabled, timeZone, createdAt, storedVersion);
    }

    /**
     * The platform admin confirms a tenant that signed up: its widget starts answering visitors. Confirming an active
     * tenant changes nothing.
     *
     * @throws TenantStatusConflictException if the tenant is suspended (it is {@linkplain #reactivate() reactivated}
     *         instead)
     */
    public Tenant confirm() {
        return switch (status) {
            case PENDING -> withStatus(TenantStatus.ACTIVE, null);
            case ACTIVE -> this;
            case SUSPENDED -> throw new TenantStatusConflictException(status, "confirmed; reactivate it instead");
        };
    }

    /**
     * The platform admin switches the tenant off, saying why: its widget stops answering, its owner can still sign
     * in and read the reason. A pending tenant can be suspended too (a sign-up that will not be confirmed); a suspended
     * one gets the new reason.
     *
     * @throws dev.concierge.domain.shared.InvalidValueException if the reason is blank, longer than
     *         {@value #MAX_SUSPENSION_REASON_LENGTH} characters or holds characters {@link Text} refuses
     */
    public Tenant suspend(String reason) {
        return withStatus(TenantStatus.SUSPENDED, Text.require(reason, MAX_SUSPENSION_REASON_LENGTH, true));
    }

    /**
     * The platform admin lifts a suspension: the widget answers visitors again. Reactivating an active tenant changes
     * nothing.
     *
     * @throws TenantStatusConflictException if the tenant is pending (it is {@linkplain #confirm() confirmed} instead)
     */
    public Tenant reactivate() {
        return switch (status) {
            case SUSPENDED -> withStatus(TenantStatus.ACTIVE, null);
            case ACTIVE -> this;
            case PENDING -> throw new TenantStatusConflictException(status, "reactivated; confirm it instead");
        };
    }

    /** The owner edits their assistant. Status, client key and owner account are not settings and stay as they are. */
    public Tenant withSettings(TenantSettings settings) {
        return new Tenant(id, clientKey, owner, settings.displayName(), status, suspensionReason, settings.branding(),
                new AssistantSettings(settings.systemPrompt(), assistant.model(), settings.language()),
                settings.allowedOrigins(), settings.appointmentsEnabled(), settings.timeZone(), createdAt, version);
    }

    /** What the owner can edit, as it is now. */
    public TenantSettings settings() {
        return new TenantSettings(displayName, branding, assistant.systemPrompt(), assistant.language(),
                allowedOrigins, appointmentsEnabled, timeZone);
    }

    /** The owner account changed (a new password, revoked sessions). */
    public Tenant withOwner(Owner newOwner) {
        return new Tenant(id, clientKey, newOwner, displayName, status, suspensionReason, branding, assistant,
                allowedOrigins, appointmentsEnabled, timeZone, createdAt, version);
    }

    public Tenant withBranding(Branding newBranding) {
        return new Tenant(id, clientKey, owner, displayName, status, suspensionReason, newBranding, assistant,
                allowedOrigins, appointmentsEnabled, timeZone, createdAt, version);
    }

    public Tenant withAllowedOrigins(AllowedOrigins newOrigins) {
        return new Tenant(id, clientKey, owner, displayName, status, suspensionReason, branding, assistant, newOrigins,
                appointmentsEnabled, timeZone, createdAt, version);
    }

    private Tenant withStatus(TenantStatus newStatus, String reason) {
        return new Tenant(id, clientKey, owner, displayName, newStatus, reason, branding, assistant, allowedOrigins,
                appointmentsEnabled, timeZone, createdAt, version);
    }

    /** Whether visitors may see this tenant's widget at all. */
    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    public TenantId id() {
        return id;
    }

    public ClientKey clientKey() {
        return clientKey;
    }

    public Owner owner() {
        return owner;
    }

    public DisplayName displayName() {
        return displayName;
    }

    public TenantStatus status() {
        return status;
    }

    /** Why the platform admin suspended this tenant; empty unless it is suspended. */
    public Optional<String> suspensionReason() {
        return Optional.ofNullable(suspensionReason);
    }

    public Branding branding() {
        return branding;
    }

    public AssistantSettings assistant() {
        return assistant;
    }

    public AllowedOrigins allowedOrigins() {
        return allowedOrigins;
    }

    public boolean appointmentsEnabled() {
        return appointmentsEnabled;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Which stored state this tenant was read as: 0 when it signed up, one more after each update. A change made to
     * this tenant carries the version it was based on, so that the store can refuse it if another change came first.
     */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tenant that
                && id.equals(that.id) && clientKey.equals(that.clientKey) && owner.equals(that.owner)
                && displayName.equals(that.displayName) && status == that.status
                && Objects.equals(suspensionReason, that.suspensionReason) && branding.equals(that.branding)
                && assistant.equals(that.assistant) && allowedOrigins.equals(that.allowedOrigins)
                && appointmentsEnabled == that.appointmentsEnabled && timeZone.equals(that.timeZone)
                && createdAt.equals(that.createdAt) && version == that.version;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Tenant[" + id + ", " + clientKey + ", " + status + ", v" + version + "]";
    }
}
