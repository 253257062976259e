package dev.concierge.application.testing;

import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.service.AddressVerificationService;
import dev.concierge.application.service.SignInLimits;
import dev.concierge.application.service.SignInProtection;
import dev.concierge.application.service.SignUpTenantService;
import dev.concierge.application.service.TenantAdministrationService;
import dev.concierge.application.service.TenantChanges;
import java.time.Clock;
import java.util.Optional;

/**
 * Sign-up and administration built by hand on in-memory stores, for tests of code that only needs them working
 * (the demo seeder, the core used as a library). Mails are queued in {@link #mail}.
 */
public final class InMemoryCore {

    public final Tenants tenants;
    public final TestMail mail;
    public final SignUpTenantUseCase signUp;
    public final ConfirmTenantUseCase administration;

    public InMemoryCore(Tenants tenants, Clock clock) {
        RecordingSecurityEvents events = new RecordingSecurityEvents();
        InMemoryTransactions transactions = new InMemoryTransactions();
        InMemoryRollingLimits limits = new InMemoryRollingLimits();
        this.tenants = tenants;
        this.mail = new TestMail(clock);
        AddressVerificationService verification = new AddressVerificationService(tenants, new InMemoryOneTimeTokens(),
                limits, mail.mailer, mail.links, transactions, events, clock);
        this.signUp = new SignUpTenantService(tenants, new InMemoryPasswordHasher(),
                new SignInProtection(new InMemoryAttemptCounters(), SignInLimits.defaults(), events), verification,
                limits, mail.mailer, mail.links, transactions, events, Optional.empty(), clock);
        this.administration = new TenantAdministrationService(tenants, TenantChanges.NONE, events, transactions,
                mail.mailer, mail.links, clock);
    }
}
