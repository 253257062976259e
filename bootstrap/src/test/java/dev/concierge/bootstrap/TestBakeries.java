package dev.concierge.bootstrap;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Active bakeries made through the API, the way an owner and the platform admin would, for end-to-end tests. */
final class TestBakeries {

    static final String PASSWORD = "Sunrise42";

    private TestBakeries() {
    }

    static String login(WebTestClient client, String email, String password) {
        return client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token").toString();
    }

    /**
     * Signs the bakery {@code key} up for {@code origin}, has the admin confirm it, and sets it to German, Berlin
     * time, appointments on and the system prompt "Du bist der Bäcker {key}.".
     *
     * @return the owner's session
     */
    static String open(WebTestClient client, String key, String origin, String adminEmail, String adminPassword) {
        String id = client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ownerEmail", key + "@owner.example", "password", PASSWORD, "displayName",
                        "Bakery " + key, "clientKey", key, "allowedOrigins", List.of(origin)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id").toString();
        client.post().uri("/api/v1/admin/tenants/" + id + "/confirm")
                .headers(h -> h.setBearerAuth(login(client, adminEmail, adminPassword))).exchange()
                .expectStatus().isOk();
        String owner = login(client, key + "@owner.example", PASSWORD);
        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(owner)).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"displayName": "Bakery %s", "title": "Bakery", "buttonEmoji": "🥐", "logoUrl": null,
                         "firstMessage": "Guten Tag!", "font": "Georgia, serif", "primaryColor": "#7a3e00",
                         "textColor": "#ffffff", "position": "bottom-left", "systemPrompt": "Du bist der Bäcker %s.",
                         "language": "de", "allowedOrigins": ["%s"], "appointmentsEnabled": true,
                         "timeZone": "Europe/Berlin"}
                        """.formatted(key, key, origin)).exchange().expectStatus().isOk();
        return owner;
    }
}
