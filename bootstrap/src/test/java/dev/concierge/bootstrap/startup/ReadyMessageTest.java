package dev.concierge.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.bootstrap.ConciergeApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A start on the embedded defaults says where to go, with the real port, and nothing alarming. */
@ExtendWith(OutputCaptureExtension.class)
class ReadyMessageTest {

    @Test
    void startLogsTheAddressToOpenAndNoFlywayVersionWarning(@TempDir Path dataDir, CapturedOutput output) {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(ConciergeApplication.class)
                .properties("server.port=0", "concierge.data-dir=" + dataDir,
                        "logging.level.dev.concierge.bootstrap.startup=info")
                .run()) {
            String port = application.getEnvironment().getProperty("local.server.port");

            assertThat(output.getOut()).contains("Concierge is ready on http://localhost:" + port + "/");
            assertThat(output.toString()).doesNotContain("newer than the version Flyway has been verified with")
                    .doesNotContain("WARN", "ERROR");
        }
    }
}
