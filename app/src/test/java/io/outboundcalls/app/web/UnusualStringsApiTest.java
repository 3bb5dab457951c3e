package io.outboundcalls.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.command.common.StorableText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md §6 "Strings": a 2xx create is readable by the next GET, with every string exactly as
 * sent, for text that is unusual but storable (emoji, right-to-left scripts, 4-byte characters,
 * combining marks, a control character) and as long as each field allows.
 */
class UnusualStringsApiTest extends ApiTest {

    /** Emoji (a ZWJ sequence too), Hebrew and Arabic, 4-byte CJK and math letters, a combining accent, U+0001, U+FEFF. */
    private static final String MIX = "Zo\u00eb \uD83D\uDE80 \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 "
            + "\uD841\uDF0E\uD835\uDD18 e\u0301 \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \u0001\uFEFF ";

    @Test
    void agentsKeepEveryStringTheyWereCreatedAndUpdatedWith() {
        ApiClient api = newAccount();
        String description = unusual(500);
        List<String> options = List.of(unusual(100), "\uD83D\uDE80");
        String key = unusual(40);
        ApiClient.Response created = api.post("/v1/agents", Map.of("name", unusual(200), "prompt", unusual(32_000),
                "first_message", unusual(2_000), "voice", unusual(100),
                "voicemail", Map.of("action", "leave_message", "message", unusual(1_000)),
                "analysis", Map.of("fields", List.of(Map.of("name", "mood", "type", "enum", "description", description,
                        "options", options))),
                "metadata", Map.of(key, unusual(500))));
        JsonNode agent = readBack(api, created, "/v1/agents/");
        assertThat(agent.path("name").asText()).isEqualTo(unusual(200));
        assertThat(agent.path("prompt").asText()).isEqualTo(unusual(32_000));
        assertThat(agent.path("first_message").asText()).isEqualTo(unusual(2_000));
        assertThat(agent.path("voice").asText()).isEqualTo(unusual(100));
        assertThat(agent.path("voicemail").path("message").asText()).isEqualTo(unusual(1_000));
        JsonNode field = agent.path("analysis").path("fields").get(0);
        assertThat(field.path("description").asText()).isEqualTo(description);
        assertThat(List.of(field.path("options").get(0).asText(), field.path("options").get(1).asText())).isEqualTo(options);
        assertThat(agent.path("metadata").path(key).asText()).isEqualTo(unusual(500));

        String renamed = "\u05E1\u05D5\u05DB\u05DF \uD83E\uDD16";
        assertThat(api.patch("/v1/agents/" + agent.path("id").asText(), Map.of("name", renamed)).status()).isEqualTo(200);
        assertThat(api.get("/v1/agents/" + agent.path("id").asText()).json().path("name").asText()).isEqualTo(renamed);
    }

    @Test
    void contactsKeepTheirNamesEmailAndMetadata() {
        ApiClient api = newAccount();
        String key = unusual(40);
        String email = "zo\u00eb\uD83D\uDE80@ex\u00e4mple.com";
        ApiClient.Response created = api.post("/v1/contacts", Map.of("phone_number", "+14155550111",
                "first_name", unusual(200), "last_name", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629", "email", email,
                "metadata", Map.of(key, unusual(500), "plan", "\uD841\uDF0E")));
        JsonNode contact = readBack(api, created, "/v1/contacts/");
        assertThat(contact.path("first_name").asText()).isEqualTo(unusual(200));
        assertThat(contact.path("last_name").asText()).isEqualTo("\u0627\u0644\u0639\u0631\u0628\u064A\u0629");
        assertThat(contact.path("email").asText()).isEqualTo(email);
        assertThat(contact.path("metadata").path(key).asText()).isEqualTo(unusual(500));
        assertThat(contact.path("metadata").path("plan").asText()).isEqualTo("\uD841\uDF0E");

        String id = contact.path("id").asText();
        assertThat(api.patch("/v1/contacts/" + id, Map.of("last_name", unusual(200))).status()).isEqualTo(200);
        assertThat(api.get("/v1/contacts/" + id).json().path("last_name").asText()).isEqualTo(unusual(200));
    }

    @Test
    void listsCampaignsKeysAndWebhookEndpointsKeepTheirNames() {
        ApiClient api = newAccount();
        JsonNode list = readBack(api, api.post("/v1/contact_lists", Map.of("name", unusual(200))), "/v1/contact_lists/");
        assertThat(list.path("name").asText()).isEqualTo(unusual(200));

        String agentId = api.post("/v1/agents", Map.of("name", "Ava", "prompt", "Be brief.")).json().path("id").asText();
        JsonNode campaign = readBack(api, api.post("/v1/campaigns", Map.of("name", unusual(200), "agent_id", agentId,
                "contact_list_id", list.path("id").asText(),
                "schedule", Map.of("calling_hours", Map.of("start", "09:00", "end", "18:00"), "timezone", "Europe/London"))),
                "/v1/campaigns/");
        assertThat(campaign.path("name").asText()).isEqualTo(unusual(200));

        ApiClient.Response key = api.post("/v1/api_keys", Map.of("name", unusual(200)));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        JsonNode keys = api.get("/v1/api_keys").json().path("data");
        assertThat(keys.findValuesAsText("name")).contains(unusual(200));

        String url = "http://127.0.0.1:9/h%C3%A9?x=%F0%9F%9A%80";
        JsonNode endpoint = readBack(api, api.post("/v1/webhook_endpoints", Map.of("url", url, "enabled_events", List.of("*"),
                "description", unusual(500))), "/v1/webhook_endpoints/");
        assertThat(endpoint.path("description").asText()).isEqualTo(unusual(500));
        assertThat(endpoint.path("url").asText()).isEqualTo(url);
        String id = endpoint.path("id").asText();
        assertThat(api.patch("/v1/webhook_endpoints/" + id, Map.of("description", MIX.strip())).status()).isEqualTo(200);
        assertThat(api.get("/v1/webhook_endpoints/" + id).json().path("description").asText()).isEqualTo(MIX.strip());
    }

    @Test
    void operatorAccountsAndAdjustmentsKeepTheirText() {
        ApiClient operator = admin();
        ApiClient.Response created = operator.post("/admin/accounts", Map.of("name", unusual(200), "tier", "standard"));
        JsonNode account = readBack(operator, created, "/admin/accounts/");
        assertThat(account.path("name").asText()).isEqualTo(unusual(200));
        String id = account.path("id").asText();
        assertThat(operator.patch("/admin/accounts/" + id, Map.of("name", MIX.strip())).status()).isEqualTo(200);
        assertThat(operator.get("/admin/accounts/" + id).json().path("name").asText()).isEqualTo(MIX.strip());

        ApiClient.Response adjusted = operator.post("/admin/accounts/" + id + "/credits/adjust",
                Map.of("amount", 100, "reason", unusual(500)));
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(201);
        ApiClient customer = new ApiClient(baseUrl(), created.json().path("api_key").path("secret").asText());
        JsonNode transactions = customer.get("/v1/credits/transactions").json().path("data");
        assertThat(transactions.get(0).path("id").asText()).isEqualTo(adjusted.json().path("id").asText());
        assertThat(transactions.get(0).path("reason").asText()).isEqualTo(unusual(500));
    }

    /** The created object as the very next GET shows it (which must find it). */
    private static JsonNode readBack(ApiClient client, ApiClient.Response created, String path) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiClient.Response read = client.get(path + created.json().path("id").asText());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    /** Exactly {@code length} UTF-16 units of {@link #MIX}, ending in a letter so that trimming keeps it whole. */
    static String unusual(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(MIX);
        }
        StringBuilder cut = new StringBuilder(StorableText.prefix(text.toString(), length - 1));
        while (cut.length() < length) {
            cut.append('x');
        }
        return cut.toString();
    }
}
