package dev.concierge.bootstrap.security;

import dev.concierge.application.service.PlatformAdmin;
import java.util.Optional;

/**
 * The platform admin this server was configured with, if any; see {@link AdminAccount}.
 */
public record ConfiguredAdmin(Optional<PlatformAdmin> account) {
}
