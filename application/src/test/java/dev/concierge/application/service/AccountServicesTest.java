package dev.concierge.application.service;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static dev.concierge.domain.tenant.TenantFixtures.pendingTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ChangePasswordCommand;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.LogInCommand;
import dev.concierge.application.port.in.SignedIn;
import dev.concierge.application.port.out.SecurityEvent.Type;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.testing.InMemoryAttemptCounters;
import dev.concierge.application.testing.InMemoryPasswordHasher;
import dev.concierge.application.testing.InMemorySessionTokens;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.application.testing.InMemoryTransactions;
import dev.concierge.application.testing.RecordingSecurityEvents;
import dev.concierge.application.testing.TestClock;
import dev.concierge.application.testing.TestMail;
import dev.concierge.domain.account.PasswordCandidate;
import dev.concierge.domain.account.Role;
import dev.concierge.domain.account.SessionRejectedException;
import dev.concierge.domain.account.SignInFailedException;
import dev.concierge.domain.account.TooManyAttemptsException;
import dev.concierge.domain.account.WrongPasswordException;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import dev.concierge.domain.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Signing in, sessions and what owners do with them, on in-memory stores with a clock the tests move.
 */
class AccountServicesTest {

    private static final String PASSWORD = "Sunrise42";
    private static final String ADMIN_PASSWORD = "Platform-Admin-2026";
    private static final ClientAddress OFFICE = new ClientAddress("203.0.113.7");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00.250Z"));
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();
    private final InMemorySessionTokens tokens = new InMemorySessionTokens();
    private final RecordingSecurityEvents events = new RecordingSecurityEvents();
    private final SignInProtection protection =
            new SignInProtection(new InMemoryAttemptCounters(), SignInLimits.defaults(), events);
    private final Optional<PlatformAdmin> admin = Optional.of(new PlatformAdmin(
            EmailAddress.of("admin@platform.example"), hasher.hash(PlainPassword.of(ADMIN_PASSWORD)).block()));
    private final LogInService logIn = new LogInService(tenants, hasher, tokens, protection, events, admin, clock);
    private final AuthenticateService authenticate = new AuthenticateService(tokens, tenants, admin, clock);
    private final TestMail mail = new TestMail(clock);
    private final ChangePasswordService changePassword = new ChangePasswordService(tenants, hasher, tokens,
            protection, events, new InMemoryTransactions(), mail.mailer, mail.links, clock);
    private final RevokeSessionsService revoke = new RevokeSessionsService(tenants, events, clock);

    private Tenant owner(Tenant tenant) {
        PasswordHash hash = hasher.hash(PlainPassword.of(PASSWORD)).block();
        return tenants.add(tenant.withOwner(new Owner(tenant.owner().email(), hash))).block();
    }

    private static LogInCommand login(String email, String password) {
        return LogInCommand.of(email, password, OFFICE);
    }

    private static LogInCommand login(String email, String password, String from) {
        return LogInCommand.of(email, password, new ClientAddress(from));
    }

    @Test
    void anOwnerSignsInAndTheSessionNamesTheirTenantForAnHour() {
        Tenant tenant = owner(activeTenant().build());

        SignedIn session = logIn.logIn(login(tenant.owner().email().value(), PASSWORD)).block();

        assertThat(session.role()).isEqualTo(Role.OWNER);
        assertThat(session.tenantId()).hasValue(tenant.id());
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
        assertThat(authenticate.authenticate(session.token()).block()).isEqualTo(new Caller.OwnerCaller(tenant.id()));
        assertThat(events.types()).containsExactly(Type.LOGIN_SUCCEEDED);
        assertThat(events.recorded().get(0).tenantId()).hasValue(tenant.id());
    }

    @Test
    void ownersOfPendingAndSuspendedTenantsCanStillSignIn() {
        Tenant pending = owner(pendingTenant().build());
        Tenant suspended = owner(activeTenant().build().suspend("Unpaid invoice"));

        StepVerifier.create(logIn.logIn(login(pending.owner().email().value(), PASSWORD))).expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(logIn.logIn(login(suspended.owner().email().value(), PASSWORD))).expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void anUnknownEmailAndAWrongPasswordFailAlikeAndEachCostsOnePasswordCheck() {
        Tenant tenant = owner(activeTenant().build());
        CountingHasher counting = new CountingHasher(hasher);
        LogInService service = new LogInService(tenants, counting, tokens, protection, events, admin, clock);
        service.logIn(login(tenant.owner().email().value(), PASSWORD)).block();
        counting.checks = 0;

        Throwable unknown = catchError(service.logIn(login("nobody@nowhere.example", PASSWORD)));
        int checksForUnknown = counting.checks;
        Throwable wrong = catchError(service.logIn(login(tenant.owner().email().value(), "Sunset42")));

        assertThat(unknown).isInstanceOf(SignInFailedException.class);
        assertThat(wrong).isInstanceOf(SignInFailedException.class).hasMessage(unknown.getMessage());
        assertThat(checksForUnknown).isEqualTo(1);
        assertThat(counting.checks).isEqualTo(2);
    }

    @Test
    void afterFiveFailuresTheAccountIsLockedEvenForTheRightPasswordAndTheWaitGrows() {
        Tenant tenant = owner(activeTenant().build());
        String email = tenant.owner().email().value();
        for (int i = 0; i < 6; i++) {
            StepVerifier.create(logIn.logIn(login(email, "Wrong" + i + "Pass", "198.51.100." + i)))
                    .expectError(SignInFailedException.class).verify();
        }

        StepVerifier.create(logIn.logIn(login(email, PASSWORD, "192.0.2.99")))
                .expectErrorSatisfies(error -> assertThat(((TooManyAttemptsException) error).retryAfter())
                        .hasValue(Duration.ofSeconds(30)))
                .verify();
        assertThat(events.types()).contains(Type.LOCKOUT, Type.LOGIN_REFUSED);

        clock.advance(Duration.ofSeconds(30));
        StepVerifier.create(logIn.logIn(login(email, "Wrong7Pass"))).expectError(SignInFailedException.class).verify();
        StepVerifier.create(logIn.logIn(login(email, PASSWORD)))
                .expectErrorSatisfies(error -> assertThat(((TooManyAttemptsException) error).retryAfter())
                        .as("the seventh failure doubles the wait").hasValue(Duration.ofSeconds(60)))
                .verify();
    }

    @Test
    void theWaitIsCappedSoTheOwnerCanAlwaysComeBack() {
        Tenant tenant = owner(activeTenant().build());
        String email = tenant.owner().email().value();
        for (int i = 0; i < 30; i++) {
            logIn.logIn(login(email, "Wrong" + i + "Pass", "198.51.100." + i)).onErrorComplete().block();
            clock.advance(Duration.ofMinutes(16));
        }

        StepVerifier.create(logIn.logIn(login(email, PASSWORD))).expectNextCount(1).verifyComplete();
    }

    @Test
    void aSuccessForgetsTheAccountsFailures() {
        Tenant tenant = owner(activeTenant().build());
        String email = tenant.owner().email().value();
        for (int i = 0; i < 5; i++) {
            logIn.logIn(login(email, "Wrong" + i + "Pass")).onErrorComplete().block();
        }
        logIn.logIn(login(email, PASSWORD)).block();

        for (int i = 0; i < 5; i++) {
            StepVerifier.create(logIn.logIn(login(email, "Again" + i + "Wrong")))
                    .expectError(SignInFailedException.class).verify();
        }
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedToo() {
        for (int i = 0; i < 21; i++) {
            logIn.logIn(login("guess" + i + "@victims.example", "Guess" + i + "Pass")).onErrorComplete().block();
            clock.advance(Duration.ofSeconds(3));
        }

        StepVerifier.create(logIn.logIn(login("guess99@victims.example", "Guess99Pass")))
                .expectError(TooManyAttemptsException.class).verify();
        StepVerifier.create(logIn.logIn(login("guess99@victims.example", "Guess99Pass", "192.0.2.1")))
                .as("another address is not affected").expectError(SignInFailedException.class).verify();
    }

    @Test
    void oneAddressSendingTooManySignInsIsRateLimitedBeforeAnyPasswordCheck() {
        CountingHasher counting = new CountingHasher(hasher);
        LogInService service = new LogInService(tenants, counting, tokens, protection, events, admin, clock);
        clock.set(Instant.parse("2026-11-27T10:00:00Z"));
        Tenant tenant = owner(activeTenant().build());
        for (int i = 0; i < 30; i++) {
            service.logIn(login(tenant.owner().email().value(), PASSWORD)).block();
        }
        int checks = counting.checks;

        StepVerifier.create(service.logIn(login("user99@shops.example", "Secret99")))
                .expectErrorSatisfies(error -> assertThat(((TooManyAttemptsException) error).retryAfter())
                        .hasValue(Duration.ofMinutes(1)))
                .verify();
        assertThat(counting.checks).isEqualTo(checks);
        assertThat(events.types()).contains(Type.RATE_LIMITED);
    }

    @Test
    void anAddressRefusedForTheRestOfTheWindowIsRefusedWithoutAskingTheDatabaseAgain() {
        java.util.concurrent.atomic.AtomicInteger counterCalls = new java.util.concurrent.atomic.AtomicInteger();
        InMemoryAttemptCounters store = new InMemoryAttemptCounters();
        dev.concierge.application.port.out.AttemptCounters counting = new dev.concierge.application.port.out.AttemptCounters() {
            @Override
            public reactor.core.publisher.Mono<dev.concierge.domain.account.Attempts> increment(String key,
                    Instant now, Instant expiresAt) {
                counterCalls.incrementAndGet();
                return store.increment(key, now, expiresAt);
            }

            @Override
            public reactor.core.publisher.Mono<dev.concierge.domain.account.Attempts> find(String key, Instant now) {
                counterCalls.incrementAndGet();
                return store.find(key, now);
            }

            @Override
            public reactor.core.publisher.Mono<Void> reset(String key) {
                counterCalls.incrementAndGet();
                return store.reset(key);
            }

            @Override
            public reactor.core.publisher.Mono<Long> purgeExpired(Instant now) {
                return store.purgeExpired(now);
            }
        };
        SignInProtection remembering = new SignInProtection(counting, SignInLimits.defaults(), events);
        LogInService service = new LogInService(tenants, hasher, tokens, remembering, events, admin, clock);
        clock.set(Instant.parse("2026-11-27T10:00:00Z"));
        Tenant tenant = owner(activeTenant().build());
        for (int i = 0; i < 30; i++) {
            service.logIn(login(tenant.owner().email().value(), PASSWORD)).block();
        }
        StepVerifier.create(service.logIn(login(tenant.owner().email().value(), PASSWORD)))
                .expectError(TooManyAttemptsException.class).verify();
        int callsUntilRefused = counterCalls.get();

        clock.advance(Duration.ofSeconds(20));
        for (int i = 0; i < 100; i++) {
            StepVerifier.create(service.logIn(login("flood@shops.example", "Secret")))
                    .expectErrorSatisfies(error -> assertThat(((TooManyAttemptsException) error).retryAfter())
                            .hasValue(Duration.ofSeconds(40)))
                    .verify();
        }

        assertThat(counterCalls.get()).isEqualTo(callsUntilRefused);
        clock.advance(Duration.ofSeconds(40));
        StepVerifier.create(service.logIn(login("flood@shops.example", "Secret")))
                .as("the next window admits the address again").expectError(SignInFailedException.class).verify();
    }

    @Test
    void theAdminSignsInWithTheConfiguredAccountAndGetsTheAdminRole() {
        SignedIn session = logIn.logIn(login("ADMIN@platform.example", ADMIN_PASSWORD)).block();

        assertThat(session.role()).isEqualTo(Role.ADMIN);
        assertThat(session.tenantId()).isEmpty();
        assertThat(authenticate.authenticate(session.token()).block())
                .isEqualTo(new Caller.AdminCaller(EmailAddress.of("admin@platform.example")));
        StepVerifier.create(logIn.logIn(login("admin@platform.example", "Platform-Admin-2025")))
                .expectError(SignInFailedException.class).verify();
    }

    @Test
    void anAdminSessionEndsWhenAnotherAdminIsConfigured() {
        SignedIn session = logIn.logIn(login("admin@platform.example", ADMIN_PASSWORD)).block();
        AuthenticateService reconfigured = new AuthenticateService(tokens, tenants, Optional.of(
                new PlatformAdmin(EmailAddress.of("ops@platform.example"), admin.orElseThrow().passwordHash())), clock);

        StepVerifier.create(reconfigured.authenticate(session.token())).expectError(SessionRejectedException.class)
                .verify();
        StepVerifier.create(new AuthenticateService(tokens, tenants, Optional.empty(), clock)
                .authenticate(session.token())).expectError(SessionRejectedException.class).verify();
    }

    @Test
    void missingExpiredAndForeignSessionsAreRejected() {
        Tenant tenant = owner(activeTenant().build());
        SignedIn session = logIn.logIn(login(tenant.owner().email().value(), PASSWORD)).block();

        StepVerifier.create(authenticate.authenticate(null)).expectError(SessionRejectedException.class).verify();
        StepVerifier.create(authenticate.authenticate("")).expectError(SessionRejectedException.class).verify();
        StepVerifier.create(authenticate.authenticate("forged")).expectError(SessionRejectedException.class).verify();
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        StepVerifier.create(authenticate.authenticate(session.token())).expectError(SessionRejectedException.class)
                .verify();
    }

    @Test
    void aPasswordChangeRevokesOlderSessionsAndGivesTheCallerAFreshOne() {
        Tenant tenant = owner(activeTenant().build());
        Caller.OwnerCaller caller = new Caller.OwnerCaller(tenant.id());
        SignedIn before = logIn.logIn(login(tenant.owner().email().value(), PASSWORD)).block();
        clock.advance(Duration.ofMillis(100));

        SignedIn fresh = changePassword.changePassword(caller, ChangePasswordCommand.of(PASSWORD, "Moonrise43"), OFFICE)
                .block();

        StepVerifier.create(authenticate.authenticate(before.token())).expectError(SessionRejectedException.class)
                .verify();
        assertThat(authenticate.authenticate(fresh.token()).block()).isEqualTo(caller);
        StepVerifier.create(logIn.logIn(login(tenant.owner().email().value(), PASSWORD)))
                .expectError(SignInFailedException.class).verify();
        StepVerifier.create(logIn.logIn(login(tenant.owner().email().value(), "Moonrise43"))).expectNextCount(1)
                .verifyComplete();
        assertThat(events.types()).contains(Type.PASSWORD_CHANGED);
        assertThat(mail.take()).singleElement().satisfies(notice -> {
            assertThat(notice.to()).isEqualTo(tenant.owner().email());
            assertThat(notice.content().subject()).isEqualTo("PasswordChanged");
            assertThat(notice.content().text()).contains("resetPage=https://concierge.example/console/forgot-password");
        });
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndCountsAsAFailedSignIn() {
        Tenant tenant = owner(activeTenant().build());
        Caller.OwnerCaller caller = new Caller.OwnerCaller(tenant.id());
        for (int i = 0; i < 5; i++) {
            StepVerifier.create(changePassword.changePassword(caller,
                    ChangePasswordCommand.of("Guess" + i + "X", "Moonrise43"), OFFICE))
                    .expectError(WrongPasswordException.class).verify();
        }

        assertThat(tenants.findById(tenant.id()).block()).isEqualTo(tenant);
        assertThat(mail.take()).as("no mail without a change").isEmpty();
        StepVerifier.create(changePassword.changePassword(caller, ChangePasswordCommand.of("Guess9X", "Moonrise43"),
                OFFICE)).expectError(WrongPasswordException.class).verify();
        StepVerifier.create(logIn.logIn(login(tenant.owner().email().value(), PASSWORD)))
                .as("six wrong confirmations lock the account like six wrong sign-ins")
                .expectError(TooManyAttemptsException.class).verify();
    }

    @Test
    void signingOutEverywhereEndsEverySessionIssuedBefore() {
        Tenant tenant = owner(activeTenant().build());
        Caller.OwnerCaller caller = new Caller.OwnerCaller(tenant.id());
        SignedIn first = logIn.logIn(login(tenant.owner().email().value(), PASSWORD)).block();

        revoke.revokeSessions(caller, OFFICE).block();
        SignedIn after = logIn.logIn(login(tenant.owner().email().value(), PASSWORD)).block();

        StepVerifier.create(authenticate.authenticate(first.token())).expectError(SessionRejectedException.class)
                .verify();
        assertThat(authenticate.authenticate(after.token()).block()).isEqualTo(caller);
        assertThat(events.types()).contains(Type.SESSIONS_REVOKED);
    }

    @Test
    void aSessionOfADeletedOrUnknownTenantIsRejected() {
        Tenant stranger = activeTenant().build();
        String token = tokens.issue(new dev.concierge.application.port.out.SessionClaims(stranger.id().toString(),
                Role.OWNER, Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T11:00:00Z"), "t"));
        String notAnId = tokens.issue(new dev.concierge.application.port.out.SessionClaims("not-a-uuid",
                Role.OWNER, Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T11:00:00Z"), "u"));

        StepVerifier.create(authenticate.authenticate(token)).expectError(SessionRejectedException.class).verify();
        StepVerifier.create(authenticate.authenticate(notAnId)).expectError(SessionRejectedException.class).verify();
    }

    @Test
    void noEventCarriesAPasswordOrAToken() {
        Tenant tenant = owner(activeTenant().build());
        SignedIn session = logIn.logIn(login(tenant.owner().email().value(), PASSWORD)).block();
        logIn.logIn(login(tenant.owner().email().value(), "Wrong-Secret-1")).onErrorComplete().block();

        assertThat(events.recorded()).map(SecurityEvent::toString)
                .noneMatch(line -> line.contains(PASSWORD) || line.contains("Wrong-Secret-1")
                        || line.contains(session.token()));
    }

    @Test
    void aSignInRefusedWhileHashingIsBusyDoesNotSpoilLaterOnes() {
        Tenant tenant = owner(activeTenant().build());
        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
        dev.concierge.application.port.out.PasswordHasher onceBusy = new dev.concierge.application.port.out.PasswordHasher() {
            @Override
            public reactor.core.publisher.Mono<PasswordHash> hash(PlainPassword password) {
                return busy.getAndSet(false)
                        ? reactor.core.publisher.Mono.error(new java.util.concurrent.RejectedExecutionException())
                        : hasher.hash(password);
            }

            @Override
            public reactor.core.publisher.Mono<Boolean> matches(PasswordCandidate candidate, PasswordHash hash) {
                return hasher.matches(candidate, hash);
            }
        };
        LogInService service = new LogInService(tenants, onceBusy, tokens, protection, events, admin, clock);

        StepVerifier.create(service.logIn(login(tenant.owner().email().value(), PASSWORD)))
                .expectError(java.util.concurrent.RejectedExecutionException.class).verify();
        StepVerifier.create(service.logIn(login(tenant.owner().email().value(), PASSWORD))).expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(service.logIn(login("nobody@nowhere.example", PASSWORD)))
                .expectError(SignInFailedException.class).verify();
    }

    private static Throwable catchError(reactor.core.publisher.Mono<?> mono) {
        try {
            mono.block();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Counts password checks, to prove that every attempt costs the same. */
    private static final class CountingHasher implements dev.concierge.application.port.out.PasswordHasher {

        private final dev.concierge.application.port.out.PasswordHasher delegate;
        private volatile int checks;

        CountingHasher(dev.concierge.application.port.out.PasswordHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public reactor.core.publisher.Mono<PasswordHash> hash(PlainPassword password) {
            return delegate.hash(password);
        }

        @Override
        public reactor.core.publisher.Mono<Boolean> matches(PasswordCandidate candidate, PasswordHash hash) {
            checks++;
            return delegate.matches(candidate, hash);
        }
    }
}
