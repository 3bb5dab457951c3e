package io.outboundcalls.app.telephony;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.fakes.FakeTwilio;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's Twilio quickstart, run: a campaign dialed through {@link FakeTwilio} (the module a newcomer runs
 * instead of a Twilio account), whose callees ring, answer, talk over the relay websocket to the fake model, are
 * busy, never answer, are voicemail machines, opt out or ask for a person. The shared twilio-mode context sends
 * Twilio's REST API and the model to WireMock; this test's numbers, Twilio sids and agent are proxied from there to
 * the fake.
 */
class FakeTwilioCampaignTest extends TwilioModeTest {

    private static final String ACCOUNT = "/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID;
    private static final String MARKER = "FakeTwilioQuickstart";
    private static FakeTwilio twilio;

    @BeforeAll
    static void startFake() throws Exception {
        twilio = new FakeTwilio(0, AUTH_TOKEN);
        // the least specific stubs of all: any test's own stub for a sid or recording wins
        FAKES.stubFor(any(urlMatching(ACCOUNT + "/Calls/CA[0-9a-f]{32}\\.json")).atPriority(50)
                .willReturn(aResponse().proxiedFrom(twilio.baseUrl())));
        FAKES.stubFor(get(urlMatching(ACCOUNT + "/Recordings/RE[0-9a-f]{32}\\.wav")).atPriority(50)
                .willReturn(aResponse().proxiedFrom(twilio.baseUrl())));
        FAKES.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(MARKER))
                .willReturn(aResponse().proxiedFrom(twilio.baseUrl())));
    }

    @AfterAll
    static void stopFake() {
        twilio.close();
    }

    @Test
    void aCampaignThroughTheFakeTwilioEndsEachCalleeAsTheirScriptSays() {
        ApiClient api = newAccount();
        assertThat(api.post("/v1/credits/purchase", Map.of("amount", 10_000)).status()).isEqualTo(201);
        String agent = api.post("/v1/agents", Map.of("name", "Ava", "prompt", MARKER + ": you offer {{first_name}} solar panels.",
                "first_message", "Hi {{first_name}}, this is Ava.", "max_duration_seconds", 120, "transfer_number", "+442079460999",
                "voicemail", Map.of("action", "leave_message", "message", "Hi {{first_name}}, please call Ava back."))).json().path("id").asText();
        String list = api.post("/v1/contact_lists", Map.of("name", "Fake Twilio callees")).json().path("id").asText();
        Map<String, String> expected = Map.of("55", "completed", "01", "busy", "02", "no_answer", "03", "voicemail",
                "05", "opted_out", "08", "transferred");
        Map<String, String> numbers = new HashMap<>();
        expected.keySet().forEach(script -> {
            String number = "+44207" + String.format("%05d", new Random().nextInt(100_000)) + script;
            numbers.put(number, script);
            FAKES.stubFor(post(urlEqualTo(ACCOUNT + "/Calls.json")).withRequestBody(containing("To=" + encode(number)))
                    .willReturn(aResponse().proxiedFrom(twilio.baseUrl())));
            FAKES.stubFor(get(urlPathEqualTo(ACCOUNT + "/Calls.json")).withQueryParam("To", equalTo(number))
                    .willReturn(aResponse().proxiedFrom(twilio.baseUrl())));
            ApiClient.Response contact = api.post("/v1/contacts", Map.of("phone_number", number, "first_name", "Ada",
                    "list_ids", List.of(list)));
            assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        });
        ApiClient.Response campaign = api.post("/v1/campaigns", Map.of("name", "Fake Twilio quickstart", "agent_id", agent,
                "contact_list_id", list, "concurrent_calls", 6, "retry_rules", Map.of("max_attempts", 1, "delay_minutes", 1),
                "schedule", Map.of("start_date", "2026-01-01", "calling_hours", Map.of("start", "00:00", "end", "23:59"),
                        "timezone", "Europe/London")));
        assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
        String campaignId = campaign.json().path("id").asText();
        assertThat(api.post("/v1/campaigns/" + campaignId + "/start", null).status()).isEqualTo(200);

        JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/v1/campaigns/" + campaignId).json(), c -> c.path("status").asText().equals("completed"));
        assertThat(done.path("stats").path("completed").asInt()).isEqualTo(expected.size());
        JsonNode calls = api.get("/v1/calls?campaign_id=" + campaignId + "&limit=100").json().path("data");
        assertThat(calls).hasSize(expected.size());
        for (JsonNode call : calls) {
            String script = numbers.get(call.path("to").asText());
            assertThat(call.path("outcome").asText()).as("callee %s: %s", script, call).isEqualTo(expected.get(script));
            assertThat(call.path("provider").asText()).isEqualTo("twilio");
            assertThat(call.path("provider_call_id").asText()).startsWith("CA");
            if (script.equals("55")) {
                assertThat(call.path("summary").asText()).startsWith("A fake call");
                assertThat(call.path("has_recording").asBoolean()).isTrue();
                assertThat(call.path("credits_charged").asLong()).isPositive();
                JsonNode turns = api.get("/v1/calls/" + call.path("id").asText() + "/transcript").json().path("turns");
                assertThat(turns).extracting(turn -> turn.path("role").asText() + ": " + turn.path("text").asText())
                        .startsWith("agent: Hi Ada, this is Ava.", "contact: Hello?").endsWith("agent: Thank you for your time. Goodbye!");
                assertThat(api.get("/v1/calls/" + call.path("id").asText() + "/recording").status()).isEqualTo(200);
            }
            if (script.equals("05")) {
                assertThat(api.get("/v1/contacts/" + call.path("contact_id").asText()).json().path("do_not_call").asBoolean()).isTrue();
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
