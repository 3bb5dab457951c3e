package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Campaign aggregate judges a campaign's settings; the edge only translates JSON. Clients see
 * the same 422 either way: every error listed in the order of the fields, JSON errors and rule
 * violations together, unknown parameters last, and rules judged before the agent and list exist.
 */
class CampaignRulesApiTest extends ApiTest {

    @Test
    void ruleViolationsFoundByTheAggregateAreListedAsBefore() {
        ApiClient api = newAccount();
        Map<String, Object> body = body(agent(api, 60), list(api));
        body.put("retry_rules", Map.of("max_attempts", 11));
        body.put("concurrent_calls", 0);

        ApiClient.Response refused = api.post("/v1/campaigns", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.path("code").asText()).isEqualTo("out_of_range");
        assertThat(problem.path("param").asText()).isEqualTo("retry_rules.max_attempts");
        assertThat(problem.path("detail").asText()).isEqualTo("'retry_rules.max_attempts' must be between 1 and 10 (and 1 more error)");
        assertThat(errors(problem)).containsExactly(
                "retry_rules.max_attempts|out_of_range|'retry_rules.max_attempts' must be between 1 and 10",
                "concurrent_calls|out_of_range|'concurrent_calls' must be between 1 and 1000");
    }

    @Test
    void jsonErrorsAndRuleViolationsAreListedTogetherInFieldOrder() {
        ApiClient api = newAccount();
        Map<String, Object> body = body("agent_x", "list_x");
        body.put("name", 5);
        body.put("schedule", Map.of("calling_hours", Map.of("start", "18:00", "end", "09:00"), "timezone", "Europe/London",
                "days", List.of("mon", "funday")));
        body.put("concurrent_calls", "many");
        body.put("colour", "red");

        ApiClient.Response refused = api.post("/v1/campaigns", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(errors(refused.json())).containsExactly(
                "name|invalid_type|'name' must be a string",
                "schedule.calling_hours.end|invalid_value|'schedule.calling_hours.end' must be after 'schedule.calling_hours.start'",
                "schedule.days|invalid_value|'schedule.days' holds mon, tue, wed, thu, fri, sat or sun; not 'funday'",
                "concurrent_calls|invalid_type|'concurrent_calls' must be an integer",
                "colour|unknown_parameter|Unknown parameter 'colour'");
    }

    @Test
    void settingsAreJudgedBeforeTheAgentAndListAreLookedUp() {
        ApiClient api = newAccount();
        Map<String, Object> body = body("agent_missing", "list_missing");
        body.put("from_number", "12345");
        ApiClient.Response refused = api.post("/v1/campaigns", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("code").asText()).isEqualTo("invalid_phone_number");

        body.remove("from_number");
        ApiClient.Response missing = api.post("/v1/campaigns", body);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.json().path("param").asText()).isEqualTo("agent_id");
        assertThat(missing.json().path("detail").asText()).isEqualTo("No such agent: 'agent_missing'");
    }

    @Test
    void storedSettingsHaveTheDefaultsAndNoRepeats() {
        ApiClient api = newAccount();
        Map<String, Object> body = body(agent(api, 60), list(api));
        body.put("schedule", Map.of("calling_hours", Map.of("start", "09:00", "end", "18:00"), "timezone", "Europe/London",
                "days", List.of("mon", "mon", "tue")));
        body.put("from_number", "+44 20 7946 0000");

        ApiClient.Response created = api.post("/v1/campaigns", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode campaign = created.json();
        assertThat(campaign.path("schedule").path("days").toString()).isEqualTo("[\"mon\",\"tue\"]");
        assertThat(campaign.path("retry_rules").path("max_attempts").asInt()).isEqualTo(3);
        assertThat(campaign.path("retry_rules").path("delay_minutes").asInt()).isEqualTo(60);
        assertThat(campaign.path("concurrent_calls").asInt()).isEqualTo(10);
        assertThat(campaign.path("from_number").asText()).isEqualTo("+442079460000");
    }

    private static Map<String, Object> body(String agentId, String listId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Rules");
        body.put("agent_id", agentId);
        body.put("contact_list_id", listId);
        body.put("schedule", Map.of("calling_hours", Map.of("start", "09:00", "end", "18:00"), "timezone", "Europe/London"));
        return body;
    }

    private static List<String> errors(JsonNode problem) {
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(e -> errors.add(e.path("param").asText() + "|" + e.path("code").asText() + "|"
                + e.path("detail").asText()));
        return errors;
    }
}
