package dev.concierge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * On embedded defaults a newcomer can sign in right after the first start: the admin's and the demo owner's
 * generated passwords are printed once, only their hashes are kept, and the session secret survives restarts.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartCredentialsTest {

    private static final Pattern PRINTED = Pattern.compile("Generated sign-in for the ([a-z ]+): (\\S+) / (\\S+)");

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ConciergeApplication.class)
                .run("--server.port=0", "--concierge.data-dir=" + dataDir,
                        "--concierge.security.bcrypt-strength=4",
                        // The tests log warnings only; the printed sign-ins are information.
                        "--logging.level.dev.concierge.bootstrap.security=INFO");
    }

    private static WebTestClient client(ConfigurableApplicationContext application) {
        return TestClients.onPort(application.getEnvironment().getProperty("local.server.port"));
    }

    private static Map<String, String[]> printed(String log) {
        Map<String, String[]> found = new java.util.HashMap<>();
        Matcher matcher = PRINTED.matcher(log);
        while (matcher.find()) {
            found.put(matcher.group(1), new String[] {matcher.group(2), matcher.group(3)});
        }
        return found;
    }

    private static String login(WebTestClient client, String email, String password, String role) {
        return client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).value(body -> assertThat(body.get("role")).isEqualTo(role))
                .returnResult().getResponseBody().get("token").toString();
    }

    @Test
    void theFirstStartPrintsWorkingSignInsOnceAndTheSecondStartKeepsThem(@TempDir Path dataDir,
            CapturedOutput output) throws IOException {
        String adminToken;
        String[] admin;
        String[] demo;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Map<String, String[]> credentials = printed(output.getAll());
            admin = credentials.get("platform admin");
            demo = credentials.get("demo owner");
            assertThat(admin).as("the admin's sign-in is printed").isNotNull();
            assertThat(demo).as("the demo owner's sign-in is printed").isNotNull();
            assertThat(admin[0]).isEqualTo("admin@concierge.local");
            assertThat(demo[0]).isEqualTo("demo@example.com");

            WebTestClient client = client(first);
            adminToken = login(client, admin[0], admin[1], "ADMIN");
            login(client, demo[0], demo[1], "OWNER");
        }
        Path hashFile = dataDir.resolve("admin-password.bcrypt");
        assertThat(Files.readString(hashFile)).startsWith("$2a$").doesNotContain(admin[1]);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hashFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("jwt-secret"))))
                .isEqualTo("rw-------");
        int printedSoFar = output.getAll().length();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(printed(output.getAll().substring(printedSoFar))).as("nothing is printed again").isEmpty();
            WebTestClient client = client(second);
            login(client, admin[0], admin[1], "ADMIN");
            // A session of the first start is still valid: the secret was kept.
            client.get().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(adminToken)).exchange()
                    .expectStatus().isOk();
        }
    }
}
