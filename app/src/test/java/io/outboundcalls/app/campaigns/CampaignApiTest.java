package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignApiTest extends ApiTest {

    @Test
    void thePublishedExampleIsAcceptedVerbatimWithTheClientsOwnIds() {
        ApiClient api = newAccount();
        String agentId = agent(api, 600);
        String listId = list(api);
        String body = """
                { "name": "Q1 Sales Outreach", "agent_id": "%s", "contact_list_id": "%s",
                  "schedule": { "start_date": "2026-03-25",
                                "calling_hours": {"start": "09:00", "end": "18:00"},
                                "timezone": "Europe/London" },
                  "retry_rules": { "max_attempts": 3, "delay_minutes": 60 },
                  "concurrent_calls": 20 }""".formatted(agentId, listId);
        ApiClient.Response created = api.post("/v1/campaigns", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode campaign = created.json();
        assertThat(campaign.path("id").asText()).startsWith("camp_");
        assertThat(campaign.path("object").asText()).isEqualTo("campaign");
        assertThat(campaign.path("status").asText()).isEqualTo("draft");
        assertThat(campaign.path("schedule").path("calling_hours").path("start").asText()).isEqualTo("09:00");
        assertThat(campaign.path("schedule").path("days")).hasSize(7);
        assertThat(campaign.path("retry_rules").path("retry_on").toString()).isEqualTo("[\"no_answer\",\"busy\",\"failed\"]");
        assertThat(campaign.path("concurrent_calls").asInt()).isEqualTo(20);
        assertThat(campaign.path("stats").path("total_contacts").asInt()).isZero();
        assertThat(api.get("/v1/campaigns/" + campaign.path("id").asText()).json()).isEqualTo(campaign);
        assertThat(api.get("/v1/campaigns?status=draft&agent_id=" + agentId).json().path("data")).hasSize(1);
        assertThat(api.get("/v1/campaigns?status=running").json().path("data")).isEmpty();
    }

    @Test
    void everyInvalidFieldIsListed() {
        ApiClient api = newAccount();
        ApiClient.Response refused = api.post("/v1/campaigns", Map.of(
                "name", "Bad", "agent_id", "agent_x", "contact_list_id", "list_x",
                "schedule", Map.of("start_date", "2026-03-25", "end_date", "2026-03-01",
                        "calling_hours", Map.of("start", "18:00", "end", "9am"), "timezone", "Mars/Olympus",
                        "days", List.of("mon", "funday")),
                "retry_rules", Map.of("max_attempts", 11, "delay_minutes", 0, "retry_on", List.of("busy", "bored")),
                "concurrent_calls", 0, "from_number", "12345"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        refused.json().path("errors").forEach(e -> errors.add(e.path("param").asText() + ":" + e.path("code").asText()));
        assertThat(errors).contains("schedule.end_date:invalid_value", "schedule.calling_hours.end:invalid_time",
                "schedule.timezone:invalid_timezone", "schedule.days:invalid_value", "retry_rules.max_attempts:out_of_range",
                "retry_rules.delay_minutes:out_of_range", "retry_rules.retry_on:invalid_value", "concurrent_calls:out_of_range",
                "from_number:invalid_phone_number");
    }

    @Test
    void callingHoursMustStartBeforeTheyEnd() {
        ApiClient api = newAccount();
        ApiClient.Response refused = api.post("/v1/campaigns", campaignBody(agent(api, 60), list(api), "18:00", "09:00", 1, 1, 1));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("param").asText()).isEqualTo("schedule.calling_hours.end");
    }

    @Test
    void unknownAgentsAndListsAreNotFound() {
        ApiClient api = newAccount();
        ApiClient other = newAccount();
        String foreignAgent = agent(other, 60);
        ApiClient.Response agentMissing = api.post("/v1/campaigns", campaignBody(foreignAgent, list(api), "09:00", "18:00", 1, 1, 1));
        assertThat(agentMissing.status()).isEqualTo(404);
        assertThat(agentMissing.json().path("param").asText()).isEqualTo("agent_id");
        ApiClient.Response listMissing = api.post("/v1/campaigns", campaignBody(agent(api, 60), list(other), "09:00", "18:00", 1, 1, 1));
        assertThat(listMissing.status()).isEqualTo(404);
        assertThat(listMissing.json().path("param").asText()).isEqualTo("contact_list_id");
    }

    @Test
    void theStateMachineRefusesIllegalTransitionsWithClearCodes() {
        ApiClient api = newAccount();
        String agentId = agent(api, 60);
        String emptyList = list(api);
        String id = create(api, campaignBody(agentId, emptyList, "09:00", "18:00", 1, 1, 1)).path("id").asText();

        assertConflict(api.post("/v1/campaigns/" + id + "/start", null), "contact_list_empty");
        assertConflict(api.post("/v1/campaigns/" + id + "/pause", null), "campaign_not_running");
        assertConflict(api.post("/v1/campaigns/" + id + "/resume", null), "campaign_not_paused");
        ApiClient.Response cancelled = api.post("/v1/campaigns/" + id + "/cancel", null);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertConflict(api.post("/v1/campaigns/" + id + "/start", null), "campaign_not_startable");
        assertConflict(api.post("/v1/campaigns/" + id + "/cancel", null), "campaign_not_cancellable");
        assertThat(newAccount().get("/v1/campaigns/" + id).status()).isEqualTo(404);
        assertThat(newAccount().post("/v1/campaigns/" + id + "/pause", null).status()).isEqualTo(404);
    }

    @Test
    void aCampaignWhoseAgentWasDeletedCannotStart() {
        ApiClient api = newAccount();
        String agentId = agent(api, 60);
        String listId = list(api);
        contact(api, listId, "+44 20 7946 0110", "Ann", null);
        String id = create(api, campaignBody(agentId, listId, "09:00", "18:00", 1, 1, 1)).path("id").asText();
        assertThat(api.delete("/v1/agents/" + agentId).status()).isEqualTo(200);
        assertConflict(api.post("/v1/campaigns/" + id + "/start", null), "agent_deleted");
    }

    @Test
    void pauseAndResumeARunningCampaign() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String listId = list(api);
        contact(api, listId, "+44 20 7946 0210", "Ann", null);
        String id = create(api, campaignBody(agent(api, 60), listId, "00:00", "23:59", 1, 1, 1)).path("id").asText();
        api.post("/v1/campaigns/" + id + "/start", null);
        ApiClient.Response paused = api.post("/v1/campaigns/" + id + "/pause", null);
        if (paused.status() == 200) {
            assertThat(paused.json().path("status").asText()).isEqualTo("paused");
            assertThat(api.post("/v1/campaigns/" + id + "/resume", null).json().path("status").asText()).isIn("running", "completed");
        } else {
            assertConflict(paused, "campaign_not_running"); // it had already completed: one contact, one quick call
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));
    }

    @Test
    void callsCanBeListedReadListenedToAndTheirTranscriptRead() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String listId = list(api);
        String talker = contact(api, listId, "+44 20 7946 0310", "Jane", "Europe/London");
        String busy = contact(api, listId, "+44 20 7946 0301", "Bob", null);
        String id = create(api, campaignBody(agent(api, 60), listId, "00:00", "23:59", 2, 1, 1)).path("id").asText();
        api.post("/v1/campaigns/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/v1/calls?campaign_id=" + id + "&outcome=completed").json().path("data")).hasSize(1));
        JsonNode calls = api.get("/v1/calls?campaign_id=" + id).json().path("data");
        assertThat(calls).hasSize(2);
        JsonNode completed = api.get("/v1/calls?campaign_id=" + id + "&outcome=completed").json().path("data").get(0);
        assertThat(completed.path("object").asText()).isEqualTo("call");
        assertThat(completed.path("contact_id").asText()).isEqualTo(talker);
        assertThat(completed.path("to").asText()).isEqualTo("+442079460310");
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("answered_by").asText()).isEqualTo("human");
        assertThat(completed.path("duration_seconds").asLong()).isPositive();
        assertThat(completed.path("billed_seconds").asLong()).isGreaterThanOrEqualTo(completed.path("duration_seconds").asLong());
        assertThat(completed.path("credits_charged").asLong()).isPositive();
        assertThat(completed.path("has_recording").asBoolean()).isTrue();
        assertThat(completed.path("summary").asText()).contains("Jane");
        String callId = completed.path("id").asText();
        assertThat(api.get("/v1/calls/" + callId).json()).isEqualTo(completed);

        JsonNode transcript = api.get("/v1/calls/" + callId + "/transcript").json();
        assertThat(transcript.path("call_id").asText()).isEqualTo(callId);
        assertThat(transcript.path("turns").get(0).path("role").asText()).isEqualTo("agent");
        assertThat(transcript.path("turns").get(0).path("text").asText()).isEqualTo("Hi Jane, this is Ava about your solar demo.");
        assertThat(transcript.path("turns").get(1).path("start_ms").asLong()).isGreaterThan(0);
        assertThat(transcript.path("text").asText()).startsWith("agent: Hi Jane");
        ApiClient.Response text = api.send("GET", "/v1/calls/" + callId + "/transcript", null, Map.of("Accept", "text/plain"));
        assertThat(text.header("Content-Type")).startsWith("text/plain");
        assertThat(text.rawBody()).startsWith("agent: Hi Jane, this is Ava");

        ApiClient.Response wav = api.get("/v1/calls/" + callId + "/recording");
        assertThat(wav.status()).isEqualTo(200);
        assertThat(wav.header("Content-Type")).isEqualTo("audio/wav");
        assertThat(wav.rawBody()).startsWith("RIFF");
        long expectedBytes = 44 + completed.path("duration_seconds").asLong() * 16_000;
        assertThat(Long.parseLong(wav.header("Content-Length"))).isEqualTo(expectedBytes);
        ApiClient.Response range = api.sendRaw(HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/calls/" + callId + "/recording"))
                .header("Range", "bytes=0-99").GET());
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Content-Range")).isEqualTo("bytes 0-99/" + expectedBytes);
        assertThat(range.header("Content-Length")).isEqualTo("100");

        JsonNode failed = api.get("/v1/calls?contact_id=" + busy).json().path("data").get(0);
        assertThat(failed.path("status").asText()).isEqualTo("busy");
        assertThat(failed.path("has_recording").asBoolean()).isFalse();
        ApiClient.Response none = api.get("/v1/calls/" + failed.path("id").asText() + "/recording");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().path("code").asText()).isEqualTo("no_recording");
        assertThat(newAccount().get("/v1/calls/" + callId).status()).isEqualTo(404);
        assertThat(api.get("/v1/calls?colour=red").status()).isEqualTo(400);
    }

    @Test
    void aCampaignWithoutCreditsWaitsAndResumesByItselfOnPurchase() {
        ApiClient api = newAccount();
        String listId = list(api);
        contact(api, listId, "+44 20 7946 0410", "Ann", null);
        String id = create(api, campaignBody(agent(api, 60), listId, "00:00", "23:59", 1, 1, 1)).path("id").asText();
        api.post("/v1/campaigns/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("waiting_reason").asText()).isEqualTo("insufficient_credits"));
        assertThat(api.get("/v1/calls?campaign_id=" + id).json().path("data")).isEmpty();

        buyCredits(api, 1_000);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/v1/calls?campaign_id=" + id).json().path("data")).hasSize(1));
        // the reservation is settled once the call's end reaches the credits
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/v1/credits/balance").json().path("reserved").asLong()).isZero());
    }

    private static void assertConflict(ApiClient.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().path("code").asText()).isEqualTo(code);
    }
}
