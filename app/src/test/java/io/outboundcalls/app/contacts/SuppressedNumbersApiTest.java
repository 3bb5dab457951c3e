package io.outboundcalls.app.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A number that opted out or was marked do-not-call stays suppressed for the account: its
 * contact deleted and created again (by POST or by an import, on_duplicate update included)
 * comes back do-not-call with the reason, and no campaign calls it.
 */
class SuppressedNumbersApiTest extends ApiTest {

    @Test
    void anOptedOutNumberComesBackOptedOutWhenItsContactIsDeletedAndCreatedAgain() {
        ApiClient api = newAccount();
        api.post("/v1/credits/purchase", Map.of("amount", 100_000));
        String agentId = api.post("/v1/agents", Map.of("name", "Ava", "prompt", "Be brief.", "max_duration_seconds", 60))
                .json().path("id").asText();
        String listId = newList(api);
        String first = create(api, Map.of("phone_number", "+44 20 7946 3605", "list_ids", List.of(listId)))
                .path("id").asText(); // the simulated callee asks not to be called again
        String campaignId = api.post("/v1/campaigns", Map.of("name", "Opt-out", "agent_id", agentId, "contact_list_id", listId,
                "schedule", Map.of("calling_hours", Map.of("start", "00:00", "end", "23:59"), "timezone", "Europe/London"),
                "retry_rules", Map.of("max_attempts", 1, "delay_minutes", 1))).json().path("id").asText();
        assertThat(api.post("/v1/campaigns/" + campaignId + "/start", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/contacts/" + first).json().path("status").asText()).isEqualTo("opted_out"));
        JsonNode optedOut = api.get("/v1/contacts/" + first).json();
        assertThat(optedOut.path("do_not_call").asBoolean()).isTrue();
        assertThat(optedOut.path("do_not_call_reason").asText()).isEqualTo("opted_out");

        assertThat(api.delete("/v1/contacts/" + first).status()).isEqualTo(200);
        JsonNode again = create(api, Map.of("phone_number", "+442079463605", "do_not_call", false, "list_ids", List.of(listId)));
        assertThat(again.path("do_not_call").asBoolean()).isTrue();
        assertThat(again.path("do_not_call_reason").asText()).isEqualTo("opted_out");
        assertThat(again.path("status").asText()).isEqualTo("opted_out");

        // and no campaign calls it: it is skipped, the campaign completes without a call
        String second = api.post("/v1/campaigns", Map.of("name", "Again", "agent_id", agentId, "contact_list_id", listId,
                "schedule", Map.of("calling_hours", Map.of("start", "00:00", "end", "23:59"), "timezone", "Europe/London")))
                .json().path("id").asText();
        assertThat(api.post("/v1/campaigns/" + second + "/start", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + second).json().path("status").asText()).isEqualTo("completed"));
        assertThat(api.get("/v1/calls?campaign_id=" + second).json().path("data")).isEmpty();
    }

    @Test
    void aReimportedNumberKeepsItsMarkWithOnDuplicateUpdateAndAfterDeletion() {
        ApiClient api = newAccount();
        String listId = newList(api);
        String id = create(api, Map.of("phone_number", "+1 415 555 0190", "first_name", "Ada", "do_not_call", true)).path("id").asText();
        assertThat(api.get("/v1/contacts/" + id).json().path("do_not_call_reason").asText()).isEqualTo("marked");

        JsonNode updated = contactAfterImport(api, listId, "Ada Updated");
        assertThat(updated.path("id").asText()).isEqualTo(id);
        assertThat(updated.path("first_name").asText()).isEqualTo("Ada Updated");
        assertThat(updated.path("do_not_call").asBoolean()).isTrue();
        assertThat(updated.path("do_not_call_reason").asText()).isEqualTo("marked");

        assertThat(api.delete("/v1/contacts/" + id).status()).isEqualTo(200);
        JsonNode reimported = contactAfterImport(api, listId, "Ada Again");
        assertThat(reimported.path("id").asText()).isNotEqualTo(id);
        assertThat(reimported.path("do_not_call").asBoolean()).isTrue();
        assertThat(reimported.path("do_not_call_reason").asText()).isEqualTo("marked");
        assertThat(reimported.path("status").asText()).isEqualTo("new");
    }

    @Test
    void clearingAMarkLiftsTheSuppressionOfTheNumber() {
        ApiClient api = newAccount();
        String id = create(api, Map.of("phone_number", "+1 415 555 0191", "do_not_call", true)).path("id").asText();
        ApiClient.Response cleared = api.patch("/v1/contacts/" + id, Map.of("do_not_call", false));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().path("do_not_call_reason").isNull()).isTrue();
        assertThat(api.delete("/v1/contacts/" + id).status()).isEqualTo(200);

        JsonNode again = create(api, Map.of("phone_number", "+1 415 555 0191"));
        assertThat(again.path("do_not_call").asBoolean()).isFalse();
        assertThat(again.path("do_not_call_reason").isNull()).isTrue();
    }

    @Test
    void suppressionsAreKeptPerAccount() {
        ApiClient one = newAccount();
        ApiClient other = newAccount();
        String id = create(one, Map.of("phone_number", "+1 415 555 0192", "do_not_call", true)).path("id").asText();
        assertThat(one.delete("/v1/contacts/" + id).status()).isEqualTo(200);
        assertThat(create(other, Map.of("phone_number", "+1 415 555 0192")).path("do_not_call").asBoolean()).isFalse();
        assertThat(create(one, Map.of("phone_number", "+1 415 555 0192")).path("do_not_call").asBoolean()).isTrue();
    }

    /** Imports +1 415 555 0190 with on_duplicate update and returns the contact with that number once the import completed. */
    private static JsonNode contactAfterImport(ApiClient api, String listId, String firstName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("list_id", listId);
        body.put("on_duplicate", "update");
        body.put("contacts", List.of(Map.of("phone_number", "+14155550190", "first_name", firstName)));
        ApiClient.Response accepted = api.post("/v1/contacts/import", body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String importId = accepted.json().path("id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/contacts/imports/" + importId).json().path("status").asText()).isEqualTo("completed"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/v1/contacts?phone_number=%2B14155550190")
                .json().path("data").path(0).path("first_name").asText()).isEqualTo(firstName));
        JsonNode found = api.get("/v1/contacts?phone_number=%2B14155550190").json().path("data");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String newList(ApiClient api) {
        ApiClient.Response created = api.post("/v1/contact_lists", Map.of("name", "Suppressions"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static JsonNode create(ApiClient api, Map<String, Object> body) {
        ApiClient.Response created = api.post("/v1/contacts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }
}
