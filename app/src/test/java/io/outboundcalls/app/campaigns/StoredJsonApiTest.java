package io.outboundcalls.app.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lists of agents and calls are the JSON their projections stored with each row; a single object is
 * rendered from the row when it is read. Both must be the same bytes: every listed page equals the
 * envelope around the GET of each of its objects, after creations, updates and a whole campaign.
 */
class StoredJsonApiTest extends ApiTest {

    @Test
    void aListOfAgentsIsTheirObjectsByteForByteAfterCreatesAndUpdates() {
        ApiClient api = newAccount("enterprise");
        List<String> ids = new ArrayList<>();
        ids.add(agent(api, 60));
        Map<String, Object> unusual = new LinkedHashMap<>();
        unusual.put("name", "Zoë \"the closer\" \u00e9\u4e2d\ud83d\ude00 \\ </script>");
        unusual.put("prompt", "Line one\nline two\ttabbed \u2028 separator");
        unusual.put("first_message", "Hi!");
        unusual.put("metadata", orderedMetadata());
        ApiClient.Response created = api.post("/v1/agents", unusual);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ids.add(created.json().path("id").asText());
        ids.add(agent(api, 120));
        ApiClient.Response patched = api.patch("/v1/agents/" + ids.get(0), Map.of("name", "Bea", "metadata", orderedMetadata()));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        assertListIsItsObjects(api, "/v1/agents?limit=100", "/v1/agents/", 3, false);
        assertListIsItsObjects(api, "/v1/agents?limit=2", "/v1/agents/", 2, true);
        assertThat(api.get("/v1/agents?limit=100").rawBody()).contains("\"name\":\"Bea\"");
    }

    @Test
    void aListOfCallsIsTheirObjectsByteForByteAfterACampaign() {
        ApiClient api = newAccount("enterprise");
        buyCredits(api, 10_000);
        String listId = list(api);
        contact(api, listId, "+44 20 7946 0310", "Jane", "Europe/London");
        contact(api, listId, "+44 20 7946 0301", "Bob", null);
        contact(api, listId, "+44 20 7946 0302", "Zoë", null);
        String id = create(api, campaignBody(agent(api, 60), listId, "00:00", "23:59", 3, 1, 1)).path("id").asText();
        api.post("/v1/campaigns/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertListIsItsObjects(api, "/v1/calls?campaign_id=" + id, "/v1/calls/", 3, false));
        assertListIsItsObjects(api, "/v1/calls?campaign_id=" + id + "&limit=1", "/v1/calls/", 1, true);
    }

    private static void assertListIsItsObjects(ApiClient api, String listPath, String objectPath, int size, boolean hasMore) {
        ApiClient.Response listed = api.get(listPath);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode data = listed.json().path("data");
        assertThat(data).hasSize(size);
        List<String> objects = new ArrayList<>();
        data.forEach(object -> objects.add(api.get(objectPath + object.path("id").asText()).rawBody()));
        assertThat(listed.rawBody())
                .isEqualTo("{\"object\":\"list\",\"data\":[" + String.join(",", objects) + "],\"has_more\":" + hasMore + "}");
        // written as one block of bytes of known length (StoredListConverter), the UTF-8 length of the body
        assertThat(listed.header("Content-Length"))
                .isEqualTo(Integer.toString(listed.rawBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(listed.header("Content-Type")).isEqualTo("application/json");
        // Spring Security's headers, written before the handler runs, on the answer and on a refusal alike
        for (ApiClient.Response response : List.of(listed, api.get(objectPath + "unknown"))) {
            assertThat(response.header("X-Content-Type-Options")).as(response.toString()).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).as(response.toString()).contains("no-store");
        }
    }

    /** Keys out of order and of different lengths: the stored settings (jsonb) keep them in its own order. */
    private static Map<String, Object> orderedMetadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("zeta", "last");
        metadata.put("a", "first");
        metadata.put("middle_key", "ünïcödé");
        return metadata;
    }
}
