package dev.concierge.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.SignUpCommand;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.testing.InMemoryAttemptCounters;
import dev.concierge.application.testing.InMemoryOneTimeTokens;
import dev.concierge.application.testing.InMemoryPasswordHasher;
import dev.concierge.application.testing.InMemoryRollingLimits;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.application.testing.InMemoryTransactions;
import dev.concierge.application.testing.RecordingSecurityEvents;
import dev.concierge.application.testing.TestClock;
import dev.concierge.application.testing.TestMail;
import dev.concierge.domain.account.PasswordCandidate;
import dev.concierge.domain.account.TooManyAttemptsException;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.DisplayName;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantFixtures;
import dev.concierge.domain.tenant.TenantStatus;
import dev.concierge.domain.token.TokenNotValidException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class SignUpTenantServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final AtomicInteger hashes = new AtomicInteger();
    private final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();
    private final PasswordHasher countingHasher = new PasswordHasher() {
        @Override
        public Mono<PasswordHash> hash(PlainPassword password) {
            hashes.incrementAndGet();
            return hasher.hash(password);
        }

        @Override
        public Mono<Boolean> matches(PasswordCandidate candidate, PasswordHash hash) {
            return hasher.matches(candidate, hash);
        }
    };
    private final RecordingSecurityEvents events = new RecordingSecurityEvents();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SignInProtection protection =
            new SignInProtection(new InMemoryAttemptCounters(), SignInLimits.defaults(), events);
    private final TestMail mail = new TestMail(clock);
    private final InMemoryOneTimeTokens tokens = new InMemoryOneTimeTokens();
    private final InMemoryRollingLimits limits = new InMemoryRollingLimits();
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final AddressVerificationService verification = new AddressVerificationService(tenants, tokens, limits,
            mail.mailer, mail.links, transactions, events, clock);
    private final SignUpTenantService service = new SignUpTenantService(tenants, countingHasher, protection, verification,
            limits, mail.mailer, mail.links, transactions, events,
            Optional.of(new PlatformAdmin(EmailAddress.of("admin@platform.example"), TenantFixtures.SOME_HASH)), clock);
    private final ClientAddress from = new ClientAddress("203.0.113.7");

    private static SignUpCommand command(String clientKey, String email) {
        return SignUpCommand.of(email, "Sunrise42", "Corner Bakery", clientKey, List.of("https://bakery.example"));
    }

    @Test
    void newTenantIsPendingWithHashedPasswordAndStored() {
        StepVerifier.create(service.signUp(command("corner-bakery", "owner@bakery.example"), from))
                .assertNext(tenant -> {
                    assertThat(tenant.status()).isEqualTo(TenantStatus.PENDING);
                    assertThat(tenant.createdAt()).isEqualTo(NOW);
                    assertThat(tenant.owner().passwordHash().value()).doesNotContain("Sunrise42");
                    assertThat(hasher.matches(PasswordCandidate.of("Sunrise42"), tenant.owner().passwordHash()).block()).isTrue();
                    assertThat(tenants.findById(tenant.id()).block()).isEqualTo(tenant);
                    assertThat(events.types()).containsExactly(SecurityEvent.Type.SIGN_UP);
                    assertThat(events.recorded().get(0).address()).isEqualTo("203.0.113.7");
                })
                .verifyComplete();
    }

    @Test
    void aNewOwnerIsMailedALinkThatVerifiesTheirAddressOnce() {
        Tenant tenant = service.signUp(command("corner-bakery", "owner@bakery.example"), from).block();

        OutgoingMail link = mail.take().get(0);
        assertThat(link.to()).isEqualTo(tenant.owner().email());
        assertThat(link.content().subject()).isEqualTo("VerifyAddress");
        assertThat(TestMail.link(link)).startsWith("https://concierge.example/console/verify-email/");
        assertThat(tenant.owner().emailVerified()).isFalse();

        verification.verify(TestMail.token(link), from).block();

        assertThat(tenants.findById(tenant.id()).block().owner().emailVerified()).isTrue();
        StepVerifier.create(verification.verify(TestMail.token(link), from))
                .as("the link works once").expectError(TokenNotValidException.class).verify();
        assertThat(events.types()).containsExactly(SecurityEvent.Type.SIGN_UP, SecurityEvent.Type.ADDRESS_VERIFIED);
    }

    @Test
    void aVerificationLinkExpiresAfterADay() {
        TestClock moving = new TestClock(NOW);
        TestMail movingMail = new TestMail(moving);
        AddressVerificationService verifying = new AddressVerificationService(tenants, tokens, limits,
                movingMail.mailer, movingMail.links, transactions, events, moving);
        Tenant tenant = tenants.add(TenantFixtures.pendingTenant().build()).block();
        verifying.resend(new Caller.OwnerCaller(tenant.id())).block();
        String token = TestMail.token(movingMail.take().get(0));

        moving.advance(Duration.ofHours(24));

        StepVerifier.create(verifying.verify(token, from)).expectError(TokenNotValidException.class).verify();
        assertThat(tenants.findById(tenant.id()).block().owner().emailVerified()).isFalse();
    }

    @Test
    void aNewLinkReplacesTheOldOneAndAVerifiedOwnerGetsNone() {
        Tenant tenant = service.signUp(command("corner-bakery", "owner@bakery.example"), from).block();
        String first = TestMail.token(mail.take().get(0));
        Caller.OwnerCaller owner = new Caller.OwnerCaller(tenant.id());

        verification.resend(owner).block();
        String second = TestMail.token(mail.take().get(0));

        StepVerifier.create(verification.verify(first, from)).expectError(TokenNotValidException.class).verify();
        verification.verify(second, from).block();
        verification.resend(owner).block();
        assertThat(mail.take()).as("nothing to verify any more").isEmpty();
    }

    @Test
    void aTakenAddressIsAnsweredLikeANewSignUpAndItsOwnerIsTold() {
        Tenant existing = service.signUp(command("corner-bakery", "owner@bakery.example"), from).block();
        mail.take();

        Tenant answer = service.signUp(command("another-bakery", "OWNER@bakery.example"), from).block();

        assertThat(answer).usingRecursiveComparison().ignoringFields("id", "owner.passwordHash")
                .isEqualTo(service.signUp(command("another-bakery", "new@bakery.example"), from).block()
                        .withOwner(new Owner(EmailAddress.of("owner@bakery.example"), answer.owner().passwordHash())));
        assertThat(tenants.findById(answer.id()).block()).as("nothing stored under the answer's id").isNull();
        assertThat(tenants.findByOwnerEmail(EmailAddress.of("owner@bakery.example")).block()).isEqualTo(existing);
        List<OutgoingMail> mails = mail.take();
        assertThat(mails).extracting(m -> m.content().subject())
                .containsExactlyInAnyOrder("SignUpWithTakenAddress", "VerifyAddress");
        assertThat(mails).filteredOn(m -> m.content().subject().equals("SignUpWithTakenAddress")).singleElement()
                .satisfies(notice -> {
                    assertThat(notice.to()).isEqualTo(existing.owner().email());
                    assertThat(notice.content().text()).contains("https://concierge.example/console/forgot-password");
                });
        assertThat(hashes.get()).as("the taken address cost the same hashing").isEqualTo(3);
        assertThat(events.types()).containsExactly(SecurityEvent.Type.SIGN_UP,
                SecurityEvent.Type.SIGN_UP_WITH_TAKEN_ADDRESS, SecurityEvent.Type.SIGN_UP);
    }

    @Test
    void theOwnerOfATakenAddressIsToldAtMostThreeTimesAnHour() {
        service.signUp(command("corner-bakery", "owner@bakery.example"), from).block();
        mail.take();

        for (int i = 0; i < 5; i++) {
            service.signUp(command("copy-" + i, "owner@bakery.example"), from).block();
        }

        assertThat(mail.take()).hasSize(3);
    }

    @Test
    void aTakenClientKeyIsStillAConflictEvenWhenTheAddressIsTakenToo() {
        service.signUp(command("corner-bakery", "owner@bakery.example"), from).block();
        mail.take();

        StepVerifier.create(service.signUp(command("corner-bakery", "second@bakery.example"), from))
                .expectError(ClientKeyTakenException.class).verify();
        StepVerifier.create(service.signUp(command("corner-bakery", "owner@bakery.example"), from))
                .expectError(ClientKeyTakenException.class).verify();
        assertThat(mail.take()).isEmpty();
        assertThat(tenants.count(null).block()).isEqualTo(1);
    }

    @Test
    void aDisplayNameAsLongAsAllowedBecomesTheTitle() {
        String longest = "B".repeat(DisplayName.MAX_LENGTH);
        SignUpCommand command = SignUpCommand.of("owner@bakery.example", "Sunrise42", longest, "long-name",
                List.of("https://bakery.example"));

        StepVerifier.create(service.signUp(command, from))
                .assertNext(tenant -> assertThat(tenant.branding().title()).isEqualTo(longest))
                .verifyComplete();
    }

    @Test
    void thePlatformAdminsAddressCreatesNoOwnerButIsAnsweredLikeANewSignUp() {
        StepVerifier.create(service.signUp(command("sneaky", "Admin@Platform.example"), from))
                .assertNext(answer -> assertThat(answer.status()).isEqualTo(TenantStatus.PENDING))
                .verifyComplete();
        assertThat(tenants.count(null).block()).isZero();
        assertThat(mail.take()).isEmpty();
    }

    @Test
    void oneAddressSigningUpTooOftenIsToldToWaitUntilTheWindowEnds() {
        for (int i = 0; i < SignInLimits.defaults().signUpsPerAddress().max(); i++) {
            service.signUp(command("bakery-" + i, "owner" + i + "@bakery.example"), from).block();
        }

        StepVerifier.create(service.signUp(command("one-more", "more@bakery.example"), from))
                .expectErrorSatisfies(error -> assertThat(((TooManyAttemptsException) error).retryAfter())
                        .as("the hourly window started at %s", NOW).hasValue(java.time.Duration.ofHours(1)))
                .verify();
        StepVerifier.create(service.signUp(command("elsewhere", "else@bakery.example"), new ClientAddress("198.51.100.1")))
                .expectNextCount(1).verifyComplete();
        StepVerifier.create(service.signUp(command("internal", "demo@bakery.example"), ClientAddress.INTERNAL))
                .as("the platform's own sign-ups are not limited")
                .expectNextCount(1).verifyComplete();
        assertThat(tenants.findByOwnerEmail(EmailAddress.of("more@bakery.example")).block()).isNull();
    }
}
