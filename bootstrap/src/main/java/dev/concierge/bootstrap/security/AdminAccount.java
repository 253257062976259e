package dev.concierge.bootstrap.security;

import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.service.PlatformAdmin;
import dev.concierge.bootstrap.startup.ConfigurationProblemException;
import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform admin from {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD}:
 * <ul>
 *   <li>a bcrypt hash ({@code $2a$12$...}) is used as it is;</li>
 *   <li>a plain password is hashed at start; it must meet the password policy (an upper-case letter, a digit, at
 *       most 72 bytes), or the start is refused, and be at least {@value #MIN_PLAIN_LENGTH} characters (on embedded
 *       defaults a shorter one is only warned about);</li>
 *   <li>none, on embedded defaults: a strong password is generated on the first start, only its hash is kept (in
 *       {@code <data-dir>/admin-password.bcrypt}), and it is printed once, so a newcomer can sign in as admin;</li>
 *   <li>none, with an external database: there is no admin account, and a warning says so.</li>
 * </ul>
 */
public final class AdminAccount {

    static final int MIN_PLAIN_LENGTH = 12;
    static final String HASH_FILE = "admin-password.bcrypt";
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    private static final Duration HASHING = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private AdminAccount() {
    }

    /**
     * @param configuredEmail    {@code ADMIN_EMAIL}
     * @param configuredPassword {@code ADMIN_PASSWORD}, or {@code null} or empty when not set
     * @param embedded           whether the server runs on embedded defaults
     * @param dataDir            where a generated password's hash is kept
     * @throws ConfigurationProblemException for an invalid e-mail, or a weak password outside embedded defaults
     */
    public static Optional<PlatformAdmin> resolve(String configuredEmail, String configuredPassword,
            boolean embedded, Path dataDir, PasswordHasher hasher) {
        EmailAddress email;
        try {
            email = EmailAddress.of(configuredEmail);
        } catch (InvalidValueException e) {
            throw new ConfigurationProblemException("ADMIN_EMAIL is not an e-mail address.",
                    "Set ADMIN_EMAIL to the platform admin's e-mail address, such as ops@example.com.");
        }
        String configured = configuredPassword;
        if (configured != null && !configured.isEmpty()) {
            return Optional.of(new PlatformAdmin(email, BCRYPT.matcher(configured).matches()
                    ? new PasswordHash(configured) : hash(plain(configured, embedded), hasher)));
        }
        if (!embedded) {
            log.warn("No platform admin: ADMIN_PASSWORD is not set, so nobody can confirm or suspend tenants."
                    + " Set ADMIN_EMAIL and ADMIN_PASSWORD (a bcrypt hash or a strong password) to enable it.");
            return Optional.empty();
        }
        Path file = dataDir.resolve(HASH_FILE);
        Optional<String> kept = GeneratedSecrets.read(file).filter(hash -> BCRYPT.matcher(hash).matches());
        if (kept.isPresent()) {
            return Optional.of(new PlatformAdmin(email, new PasswordHash(kept.get())));
        }
        String generated = "Adm1n-" + GeneratedSecrets.random(18);
        String mine = hash(PlainPassword.of(generated), hasher).value();
        String stored = GeneratedSecrets.writeOnce(file, mine);
        if (stored.equals(mine)) {
            // Printed only by the instance whose password was kept.
            FirstStartCredentials.print("platform admin", email.value(), generated,
                    "Only its hash is kept, in " + file + "; delete that file to get a new password printed.");
        }
        return Optional.of(new PlatformAdmin(email, new PasswordHash(stored)));
    }

    private static PlainPassword plain(String configured, boolean embedded) {
        PlainPassword password;
        try {
            password = PlainPassword.of(configured);
        } catch (InvalidValueException broken) {
            throw tooWeak(broken.getMessage());
        }
        if (configured.codePointCount(0, configured.length()) >= MIN_PLAIN_LENGTH) {
            return password;
        }
        String shorter = "is shorter than " + MIN_PLAIN_LENGTH + " characters";
        if (!embedded) {
            throw tooWeak(shorter);
        }
        log.warn("ADMIN_PASSWORD {}; it is accepted only because this server runs on embedded defaults.", shorter);
        return password;
    }

    private static ConfigurationProblemException tooWeak(String weakness) {
        return new ConfigurationProblemException("ADMIN_PASSWORD is too weak for the platform admin: it " + weakness
                + ".", "Set ADMIN_PASSWORD to at least " + MIN_PLAIN_LENGTH + " characters with an upper-case letter"
                        + " and a digit, or to a bcrypt hash of a strong password.");
    }

    private static PasswordHash hash(PlainPassword password, PasswordHasher hasher) {
        return hasher.hash(password).block(HASHING);
    }
}
