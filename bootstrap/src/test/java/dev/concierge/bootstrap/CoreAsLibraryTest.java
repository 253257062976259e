package dev.concierge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.port.in.SignUpCommand;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.service.LoadWidgetService;
import dev.concierge.application.testing.InMemoryCore;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Tenant;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The core is a plain library: the sign-up flow runs from hand-made objects, with no Spring anywhere.
 */
class CoreAsLibraryTest {

    @Test
    void signUpConfirmAndLoadTheWidgetWithoutAnyFramework() {
        InMemoryTenants tenants = new InMemoryTenants();
        InMemoryCore core = new InMemoryCore(tenants, Clock.systemUTC());
        SignUpTenantUseCase signUp = core.signUp;
        ConfirmTenantUseCase confirm = core.administration;
        LoadWidgetUseCase loadWidget = new LoadWidgetService(tenants);

        Tenant tenant = signUp.signUp(SignUpCommand.of("owner@library.example", "Library42", "Library Cafe",
                "library-cafe", List.of("https://library.example")), ClientAddress.INTERNAL).block();
        confirm.confirm(tenant.id(), ClientAddress.INTERNAL).block();
        PublishedWidget widget = loadWidget.load(ClientKey.of("library-cafe")).block();

        assertThat(widget.tenantId()).isEqualTo(tenant.id());
        assertThat(widget.branding().title()).isEqualTo("Library Cafe");
        assertThat(widget.allowedOrigins().permits("https://library.example")).isTrue();
        assertThat(core.mail.take()).extracting(mail -> mail.content().subject())
                .containsExactlyInAnyOrder("VerifyAddress", "AssistantActive");
    }
}
