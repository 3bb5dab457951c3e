package io.outboundcalls.app.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgentApiTest extends ApiTest {

    private static Map<String, Object> agent(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("prompt", "You are a friendly assistant calling {{first_name}} about {{product}}.");
        return body;
    }

    @Test
    void createsReadsUpdatesAndDeletesAnAgent() {
        ApiClient api = newAccount();
        Map<String, Object> body = agent("Sales");
        body.put("first_message", "Hi {{first_name}}!");
        body.put("voice", "maya");
        body.put("language", "fr-FR");
        body.put("max_duration_seconds", 300);
        body.put("voicemail", Map.of("action", "leave_message", "message", "Call us back"));
        body.put("transfer_number", "+1 415 555 2671");
        body.put("analysis", Map.of("summary", false, "fields", List.of(
                Map.of("name", "interested", "type", "boolean", "description", "Wants a demo"),
                Map.of("name", "plan", "type", "enum", "options", List.of("basic", "pro")))));
        body.put("metadata", Map.of("team", "emea"));

        ApiClient.Response created = api.post("/v1/agents", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode agent = created.json();
        String id = agent.path("id").asText();
        assertThat(id).startsWith("agent_");
        assertThat(agent.path("object").asText()).isEqualTo("agent");
        assertThat(agent.path("transfer_number").asText()).isEqualTo("+14155552671");
        assertThat(agent.path("language").asText()).isEqualTo("fr-FR");
        assertThat(agent.path("analysis").path("fields").get(1).path("options").get(1).asText()).isEqualTo("pro");
        assertThat(created.header("Request-Id")).startsWith("req_");

        // read-your-writes: the GET right after sees the write
        JsonNode read = api.get("/v1/agents/" + id).json();
        assertThat(read.path("name").asText()).isEqualTo("Sales");
        assertThat(read.path("metadata").path("team").asText()).isEqualTo("emea");

        ApiClient.Response patched = api.patch("/v1/agents/" + id,
                Map.of("name", "Sales EMEA", "metadata", Map.of("region", "west"), "voice", ""));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(422); // empty string is not "clear"

        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("name", "Sales EMEA");
        patch.put("metadata", Map.of("region", "west"));
        patch.put("voice", null);
        patched = api.patch("/v1/agents/" + id, patch);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("name").asText()).isEqualTo("Sales EMEA");
        assertThat(patched.json().path("voice").isNull()).isTrue();
        assertThat(patched.json().path("metadata").path("team").asText()).isEqualTo("emea");
        assertThat(patched.json().path("metadata").path("region").asText()).isEqualTo("west");
        assertThat(patched.json().path("first_message").asText()).isEqualTo("Hi {{first_name}}!");
        assertThat(api.get("/v1/agents/" + id).json().path("name").asText()).isEqualTo("Sales EMEA");

        ApiClient.Response deleted = api.delete("/v1/agents/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
        assertThat(deleted.json().path("object").asText()).isEqualTo("agent");
        assertThat(api.get("/v1/agents/" + id).status()).isEqualTo(404);
        assertThat(api.patch("/v1/agents/" + id, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api.delete("/v1/agents/" + id).status()).isEqualTo(404);
    }

    @Test
    void appliesDefaults() {
        JsonNode agent = newAccount().post("/v1/agents", agent("Minimal")).json();
        assertThat(agent.path("language").asText()).isEqualTo("en-US");
        assertThat(agent.path("max_duration_seconds").asInt()).isEqualTo(600);
        assertThat(agent.path("voicemail").path("action").asText()).isEqualTo("hangup");
        assertThat(agent.path("analysis").path("summary").asBoolean()).isTrue();
        assertThat(agent.path("metadata").isObject()).isTrue();
        assertThat(agent.path("created_at").asText()).endsWith("Z");
    }

    @Test
    void listsEveryValidationErrorAtOnce() {
        ApiClient api = newAccount();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", 42);
        body.put("max_duration_seconds", 3601);
        body.put("language", "not a tag");
        body.put("voicemail", Map.of("action", "sing"));
        body.put("transfer_number", "+1 555");
        body.put("analysis", Map.of("fields", List.of(Map.of("name", "Bad Name", "type", "enum"))));
        body.put("metadata", Map.of("k", 1));
        body.put("colour", "blue");

        ApiClient.Response response = api.post("/v1/agents", body);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("request_id").asText()).isEqualTo(response.header("Request-Id"));
        List<String> params = new ArrayList<>();
        problem.path("errors").forEach(e -> params.add(e.path("param").asText() + ":" + e.path("code").asText()));
        assertThat(params).containsExactlyInAnyOrder(
                "name:invalid_type", "prompt:parameter_missing", "max_duration_seconds:out_of_range",
                "language:invalid_language", "voicemail.action:invalid_value", "transfer_number:invalid_phone_number",
                "analysis.fields.0.name:invalid_value", "analysis.fields.0.options:parameter_missing",
                "metadata.k:invalid_type", "colour:unknown_parameter");
        assertThat(problem.path("code").asText()).isEqualTo("invalid_type");
        assertThat(problem.path("param").asText()).isEqualTo("name");
        assertThat(response.rawBody()).doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void refusesMalformedOversizedAndNonObjectBodies() {
        ApiClient api = newAccount();
        ApiClient.Response malformed = api.post("/v1/agents", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("code").asText()).isEqualTo("invalid_json");

        ApiClient.Response array = api.post("/v1/agents", "[1,2]");
        assertThat(array.status()).isEqualTo(400);

        String huge = "{\"name\":\"x\",\"prompt\":\"" + "a".repeat(1_100_000) + "\"}";
        ApiClient.Response tooLarge = api.post("/v1/agents", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("code").asText()).isEqualTo("request_too_large");

        ApiClient.Response form = api.post("/v1/agents", "name=x", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    void anotherAccountsAgentIsNotFound() {
        ApiClient owner = newAccount();
        ApiClient stranger = newAccount();
        String id = owner.post("/v1/agents", agent("Private")).json().path("id").asText();

        assertThat(stranger.get("/v1/agents/" + id).status()).isEqualTo(404);
        assertThat(stranger.patch("/v1/agents/" + id, Map.of("name", "Mine")).status()).isEqualTo(404);
        assertThat(stranger.delete("/v1/agents/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/v1/agents").json().path("data")).isEmpty();
        assertThat(owner.get("/v1/agents/" + id).json().path("name").asText()).isEqualTo("Private");
    }

    @Test
    void paginatesNewestFirstAcrossSeveralPages() {
        ApiClient api = newAccount();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(api.post("/v1/agents", agent("Agent " + i)).json().path("id").asText());
        }
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        boolean hasMore = true;
        while (hasMore) {
            JsonNode page = api.get("/v1/agents?limit=3" + (cursor == null ? "" : "&starting_after=" + cursor)).json();
            assertThat(page.path("object").asText()).isEqualTo("list");
            page.path("data").forEach(a -> seen.add(a.path("id").asText()));
            hasMore = page.path("has_more").asBoolean();
            cursor = seen.get(seen.size() - 1);
        }
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        JsonNode before = api.get("/v1/agents?limit=2&ending_before=" + newestFirst.get(4)).json();
        assertThat(before.path("data").get(0).path("id").asText()).isEqualTo(newestFirst.get(2));
        assertThat(before.path("data").get(1).path("id").asText()).isEqualTo(newestFirst.get(3));
        assertThat(before.path("has_more").asBoolean()).isTrue();

        assertThat(api.get("/v1/agents?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/v1/agents?limit=101").status()).isEqualTo(400);
        assertThat(api.get("/v1/agents?limit=abc").status()).isEqualTo(400);
        assertThat(api.get("/v1/agents?starting_after=camp_123").json().path("code").asText()).isEqualTo("invalid_cursor");
        assertThat(api.get("/v1/agents?colour=red").json().path("code").asText()).isEqualTo("unknown_parameter");
    }

    @Test
    void filtersByCreationTime() throws Exception {
        ApiClient api = newAccount();
        api.post("/v1/agents", agent("Old"));
        Thread.sleep(20);
        String boundary = java.time.Instant.now().toString();
        Thread.sleep(20);
        api.post("/v1/agents", agent("New"));

        JsonNode newer = api.get("/v1/agents?created_gte=" + boundary).json();
        assertThat(newer.path("data")).hasSize(1);
        assertThat(newer.path("data").get(0).path("name").asText()).isEqualTo("New");
        JsonNode older = api.get("/v1/agents?created_lt=" + boundary).json();
        assertThat(older.path("data")).hasSize(1);
        assertThat(older.path("data").get(0).path("name").asText()).isEqualTo("Old");
        assertThat(api.get("/v1/agents?created_gte=yesterday").json().path("code").asText()).isEqualTo("invalid_timestamp");
    }
}
