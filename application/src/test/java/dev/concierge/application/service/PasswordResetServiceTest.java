package dev.concierge.application.service;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.LogInCommand;
import dev.concierge.application.port.in.ResetPasswordCommand;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.port.out.SecurityEvent.Type;
import dev.concierge.application.testing.InMemoryAttemptCounters;
import dev.concierge.application.testing.InMemoryOneTimeTokens;
import dev.concierge.application.testing.InMemoryPasswordHasher;
import dev.concierge.application.testing.InMemoryRollingLimits;
import dev.concierge.application.testing.InMemorySessionTokens;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.application.testing.InMemoryTransactions;
import dev.concierge.application.testing.RecordingSecurityEvents;
import dev.concierge.application.testing.TestClock;
import dev.concierge.application.testing.TestMail;
import dev.concierge.domain.account.SignInFailedException;
import dev.concierge.domain.account.TooManyAttemptsException;
import dev.concierge.domain.shared.ValidationException;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.PlainPassword;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.token.SecretToken;
import dev.concierge.domain.token.TokenNotValidException;
import dev.concierge.domain.token.TokenPurpose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PasswordResetServiceTest {

    private static final ClientAddress OFFICE = new ClientAddress("203.0.113.7");
    private static final String OLD = "Sunrise42";
    private static final String NEW = "Moonrise43";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryOneTimeTokens tokens = new InMemoryOneTimeTokens();
    private final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();
    private final InMemorySessionTokens sessions = new InMemorySessionTokens();
    private final RecordingSecurityEvents events = new RecordingSecurityEvents();
    private final SignInProtection protection =
            new SignInProtection(new InMemoryAttemptCounters(), SignInLimits.defaults(), events);
    private final TestMail mail = new TestMail(clock);
    private final PasswordResetService reset = new PasswordResetService(tenants, tokens, new InMemoryRollingLimits(),
            hasher, protection, mail.mailer, mail.links, new InMemoryTransactions(), events, clock, Duration.ZERO);
    private final LogInService logIn = new LogInService(tenants, hasher, sessions, protection, events,
            Optional.empty(), clock);
    private final AuthenticateService authenticate = new AuthenticateService(sessions, tenants, Optional.empty(),
            clock);

    private Tenant owner() {
        Tenant tenant = activeTenant().build();
        return tenants.add(tenant.withOwner(new Owner(tenant.owner().email(), hasher.hash(PlainPassword.of(OLD))
                .block()))).block();
    }

    private String requestLink(Tenant tenant) {
        reset.requestReset(tenant.owner().email(), OFFICE).block();
        OutgoingMail link = mail.take().get(0);
        assertThat(link.to()).isEqualTo(tenant.owner().email());
        assertThat(link.content().subject()).isEqualTo("PasswordReset");
        assertThat(TestMail.link(link)).startsWith("https://concierge.example/console/reset-password/");
        return TestMail.token(link);
    }

    private LogInCommand login(Tenant tenant, String password) {
        return LogInCommand.of(tenant.owner().email().value(), password, OFFICE);
    }

    @Test
    void theMailedTokenSetsANewPasswordOnceAndOnlyItsHashIsStored() {
        Tenant tenant = owner();
        String token = requestLink(tenant);

        assertThat(tokens.find(TokenPurpose.PASSWORD_RESET, SecretToken.parse(token).orElseThrow().hash(),
                clock.instant()).block().hash().hex()).isNotEqualTo(token).hasSize(64);
        assertThat(reset.isValid(token).block()).isTrue();

        reset.reset(ResetPasswordCommand.of(token, NEW), OFFICE).block();

        assertThat(reset.isValid(token).block()).isFalse();
        StepVerifier.create(reset.reset(ResetPasswordCommand.of(token, "Starlight44"), OFFICE))
                .as("the second use").expectError(TokenNotValidException.class).verify();
        StepVerifier.create(logIn.logIn(login(tenant, OLD))).expectError(SignInFailedException.class).verify();
        StepVerifier.create(logIn.logIn(login(tenant, NEW))).expectNextCount(1).verifyComplete();
        Tenant stored = tenants.findById(tenant.id()).block();
        assertThat(stored.owner().emailVerified()).as("the mailbox was proven").isTrue();
        assertThat(mail.take()).singleElement()
                .satisfies(changed -> assertThat(changed.content().subject()).isEqualTo("PasswordChanged"));
        assertThat(events.types()).contains(Type.PASSWORD_RESET_REQUESTED, Type.PASSWORD_RESET);
    }

    @Test
    void aTokenIsValidForAnHourAndNotASecondLonger() {
        Tenant tenant = owner();
        String token = requestLink(tenant);

        clock.advance(Duration.ofMinutes(60).plusSeconds(1));

        assertThat(reset.isValid(token).block()).isFalse();
        StepVerifier.create(reset.reset(ResetPasswordCommand.of(token, NEW), OFFICE))
                .expectError(TokenNotValidException.class).verify();
        StepVerifier.create(logIn.logIn(login(tenant, OLD))).expectNextCount(1).verifyComplete();
    }

    @Test
    void aTokenJustBeforeTheHourStillWorks() {
        Tenant tenant = owner();
        String token = requestLink(tenant);

        clock.advance(Duration.ofMinutes(60).minusSeconds(1));

        reset.reset(ResetPasswordCommand.of(token, NEW), OFFICE).block();
        StepVerifier.create(logIn.logIn(login(tenant, NEW))).expectNextCount(1).verifyComplete();
    }

    @Test
    void atMostThreeMailsAnHourPerOwnerInARollingWindow() {
        Tenant tenant = owner();
        for (int i = 0; i < 3; i++) {
            reset.requestReset(tenant.owner().email(), OFFICE).block();
            clock.advance(Duration.ofMinutes(10));
        }
        StepVerifier.create(reset.requestReset(tenant.owner().email(), OFFICE)).as("the fourth answers the same")
                .verifyComplete();
        assertThat(mail.take()).hasSize(3);
        assertThat(events.types()).contains(Type.PASSWORD_RESET_LIMITED);

        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        reset.requestReset(tenant.owner().email(), OFFICE).block();
        assertThat(mail.take()).as("an hour after the first, one more fits").hasSize(1);
        reset.requestReset(tenant.owner().email(), OFFICE).block();
        assertThat(mail.take()).as("but not two").isEmpty();
    }

    @Test
    void anUnknownAddressIsAnsweredAlikeAndNothingIsMailed() {
        owner();

        StepVerifier.create(reset.requestReset(EmailAddress.of("nobody@nowhere.example"), OFFICE)).verifyComplete();

        assertThat(mail.take()).isEmpty();
    }

    @Test
    void anAnswerTakesAtLeastTheFloorWhetherOrNotTheAccountExists() {
        Tenant tenant = owner();
        PasswordResetService floored = new PasswordResetService(tenants, tokens, new InMemoryRollingLimits(), hasher,
                protection, mail.mailer, mail.links, new InMemoryTransactions(), events, clock,
                Duration.ofMillis(200));

        for (EmailAddress email : List.of(tenant.owner().email(), EmailAddress.of("nobody@nowhere.example"))) {
            long started = System.nanoTime();
            floored.requestReset(email, OFFICE).block();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void oneClientAddressAskingTooOftenIsToldToWait() {
        for (int i = 0; i < SignInLimits.defaults().resetsPerAddress().max(); i++) {
            reset.requestReset(EmailAddress.of("guess" + i + "@nowhere.example"), OFFICE).block();
        }

        StepVerifier.create(reset.requestReset(EmailAddress.of("one-more@nowhere.example"), OFFICE))
                .expectError(TooManyAttemptsException.class).verify();
    }

    @Test
    void aResetEndsOlderSessionsLiftsTheLockAndVoidsTheOwnersOtherLinks() {
        Tenant tenant = owner();
        String session = logIn.logIn(login(tenant, OLD)).block().token();
        for (int i = 0; i < 6; i++) {
            logIn.logIn(login(tenant, "Wrong" + i + "X")).onErrorResume(error -> reactor.core.publisher.Mono.empty())
                    .block();
        }
        StepVerifier.create(logIn.logIn(login(tenant, OLD))).expectError(TooManyAttemptsException.class).verify();
        String first = requestLink(tenant);
        String second = requestLink(tenant);
        clock.advance(Duration.ofSeconds(1));

        reset.reset(ResetPasswordCommand.of(second, NEW), OFFICE).block();

        assertThat(reset.isValid(first).block()).isFalse();
        StepVerifier.create(authenticate.authenticate(session)).expectError().verify();
        StepVerifier.create(logIn.logIn(login(tenant, NEW))).as("the lock is lifted").expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void aWeakPasswordIsRefusedWithoutUsingTheTokenUp() {
        Tenant tenant = owner();
        String token = requestLink(tenant);

        StepVerifier.create(reactor.core.publisher.Mono.fromCallable(() -> ResetPasswordCommand.of(token, "short")))
                .expectError(ValidationException.class).verify();
        assertThat(reset.isValid(token).block()).isTrue();
    }

    @Test
    void madeUpTokensAreInvalidWithoutAnyPasswordHashing() {
        for (String token : List.of("", "x", "a".repeat(43), "../../etc/passwd", "%00", "A".repeat(10_000))) {
            assertThat(reset.isValid(token).block()).as(token).isFalse();
        }
        StepVerifier.create(reset.reset(ResetPasswordCommand.of("b".repeat(43), NEW), OFFICE))
                .expectError(TokenNotValidException.class).verify();
        StepVerifier.create(reset.reset(ResetPasswordCommand.of("not a token", NEW), OFFICE))
                .expectError(TokenNotValidException.class).verify();
    }
}
