package io.outboundcalls.app.telephony;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AnalysisField;
import io.outboundcalls.events.agent.AnalysisSettings;
import io.outboundcalls.events.agent.VoicemailSettings;
import io.outboundcalls.events.contact.ContactDetails;
import io.outboundcalls.telephony.twilio.TwilioSignature;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ConversationRelay session end to end: a websocket client speaks Twilio's frames, WireMock streams the
 * model's completions, and what the service answers, stores and does to the contact is checked.
 */
class ConversationRelayTest extends TwilioModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELAY_URL = "ws://127.0.0.1:" + SERVER_PORT + "/telephony/twilio/relay";
    private static final List<AnalysisField> FIELDS = List.of(
            new AnalysisField("interested", "boolean", "Wants the offer", List.of()),
            new AnalysisField("budget", "number", null, List.of()));

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void streamsEachTokenAsItArrivesThenEndsWithTheToolAndStoresTheConversation() throws Exception {
        String callId = place(null, "acct_relay", "cont_relay");
        FakeModel.stubAnalysis(FAKES, callId, "{\"summary\":\"Ada heard the offer and said goodbye.\",\"analysis\":{\"interested\":\"very\",\"budget\":300}}");
        FakeModel.stubStream(FAKES, "hello " + callId, FakeModel.textChunks("Hi ", "Ada", ", how are you?"));
        FakeModel.stubStream(FAKES, "bye " + callId, FakeModel.toolChunks("Goodbye!", "end_call", "{\"reason\":", "\"done\"}"));

        RelaySocketClient twilio = session(callId);
        twilio.prompt("hello " + callId);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.spoken().endsWith("|"));
        assertThat(twilio.texts()).extracting(frame -> frame.path("token").asText() + "/" + frame.path("last").asBoolean())
                .containsExactly("Hi /false", "Ada/false", ", how are you?/false", "/true");

        twilio.prompt("bye " + callId);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.end() != null);
        assertThat(twilio.spoken()).isEqualTo("Hi Ada, how are you?|Goodbye!|");
        assertThat(handoff(twilio).path("action").asText()).isEqualTo("hangup");

        Map<String, Object> row = conversation(callId);
        assertThat(row.get("ended_by")).isEqualTo("end_call");
        assertThat(row.get("summary")).isEqualTo("Ada heard the offer and said goodbye.");
        assertThat(JSON.readTree(row.get("analysis").toString())).isEqualTo(JSON.readTree("{\"budget\":300}"));
        JsonNode transcript = JSON.readTree(row.get("transcript").toString());
        assertThat(transcript).extracting(turn -> turn.path("role").asText() + ":" + turn.path("text").asText()).containsExactly(
                "agent:Hello Ada, this is Relay.", "contact:hello " + callId, "agent:Hi Ada, how are you?",
                "contact:bye " + callId, "agent:Goodbye!");
        assertThat(transcript.get(2).path("start_ms").asLong()).isGreaterThanOrEqualTo(transcript.get(1).path("start_ms").asLong());
        assertThat(transcript.get(2).path("end_ms").asLong()).isGreaterThanOrEqualTo(transcript.get(2).path("start_ms").asLong());
        assertThat(TestTelephony.FINISHED).contains(callId);

        // the system message is the agent's prompt with the contact's variables, the tools offered have no transfer
        FAKES.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("You sell solar panels to Ada Lovelace."))
                .withRequestBody(containing("\"stream\":true"))
                .withRequestBody(containing("\"name\":\"opt_out\"")));
        assertThat(FAKES.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(callId))))
                .noneMatch(request -> request.getBodyAsString().contains("\"name\":\"transfer\""));
    }

    @Test
    void anInterruptCancelsTheReplyAndTheTranscriptKeepsOnlyWhatWasSpoken() throws Exception {
        String callId = place(null, "acct_relay", "cont_relay");
        FakeModel.stubAnalysis(FAKES, callId, "{\"summary\":\"Short call.\",\"analysis\":{\"interested\":null,\"budget\":null}}");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tokens.add("word" + i + " ");
        }
        FakeModel.stubStream(FAKES, "tell me " + callId, FakeModel.textChunks(tokens.toArray(String[]::new)), 40, 8_000);
        FakeModel.stubStream(FAKES, "stop " + callId, FakeModel.textChunks("Sure."));

        RelaySocketClient twilio = session(callId);
        twilio.prompt("tell me " + callId);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.texts().size() >= 2);
        twilio.send("{\"type\":\"interrupt\",\"utteranceUntilInterrupt\":\"word0\",\"durationUntilInterruptMs\":\"420\"}");
        int framesAtInterrupt = twilio.texts().size();
        twilio.prompt("stop " + callId);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.spoken().endsWith("Sure.|"));

        List<JsonNode> afterInterrupt = twilio.texts().subList(framesAtInterrupt, twilio.texts().size());
        assertThat(afterInterrupt).allMatch(frame -> !frame.path("token").asText().startsWith("word"));
        assertThat(twilio.spoken()).doesNotContain("word39");

        twilio.hangUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> conversationExists(callId));
        Map<String, Object> row = conversation(callId);
        assertThat(row.get("ended_by")).isEqualTo("callee_hung_up");
        JsonNode transcript = JSON.readTree(row.get("transcript").toString());
        JsonNode interrupted = transcript.get(2);
        assertThat(interrupted.path("text").asText()).isEqualTo("word0");
        assertThat(interrupted.path("end_ms").asLong() - interrupted.path("start_ms").asLong()).isEqualTo(420);
        assertThat(transcript.get(4).path("text").asText()).isEqualTo("Sure.");
        // the next completion was asked with only what the callee heard
        assertThat(FAKES.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("stop " + callId))))
                .allMatch(request -> !request.getBodyAsString().contains("word1 ") || request.getBodyAsString().contains("response_format"));
    }

    @Test
    void optOutMakesTheContactDoNotCallAndEndsTheCall() throws Exception {
        JsonNode account = admin().post("/admin/accounts", Map.of("name", "Relay opt-out", "tier", "enterprise")).json();
        ApiClient api = new ApiClient(baseUrl(), account.path("api_key").path("secret").asText());
        JsonNode contact = api.post("/v1/contacts", Map.of("phone_number", "+1415555" + (1000 + (int) (Math.random() * 8999)),
                "first_name", "Ada")).json();
        String callId = place(null, account.path("id").asText(), contact.path("id").asText());
        FakeModel.stubAnalysis(FAKES, callId, "{\"summary\":\"Asked not to be called.\",\"analysis\":{}}");
        FakeModel.stubStream(FAKES, "never call " + callId, FakeModel.toolChunks("", "opt_out", "{}"));

        RelaySocketClient twilio = session(callId);
        twilio.prompt("never call " + callId);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.end() != null);
        assertThat(twilio.spoken()).isEqualTo("Goodbye.|");
        assertThat(conversation(callId).get("ended_by")).isEqualTo("opt_out");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode read = api.get("/v1/contacts/" + contact.path("id").asText()).json();
            assertThat(read.path("do_not_call").asBoolean()).as(read.toString()).isTrue();
        });
    }

    @Test
    void transferIsOfferedWithATransferNumberAndHandsTheCallOver() throws Exception {
        String callId = place("+15005550001", "acct_relay", "cont_relay");
        FakeModel.stubAnalysis(FAKES, callId, "{\"summary\":\"Wanted a person.\",\"analysis\":{}}");
        FakeModel.stubStream(FAKES, "a person " + callId, FakeModel.toolChunks("Connecting you now.", "transfer", "{\"reason\":\"asked\"}"));

        RelaySocketClient twilio = session(callId);
        twilio.prompt("a person " + callId);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.end() != null);
        JsonNode handoff = handoff(twilio);
        assertThat(handoff.path("action").asText()).isEqualTo("transfer");
        assertThat(handoff.path("transfer_number").asText()).isEqualTo("+15005550001");
        Map<String, Object> row = conversation(callId);
        assertThat(row.get("ended_by")).isEqualTo("transfer");
        assertThat(row.get("transfer_number")).isEqualTo("+15005550001");
        FAKES.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("a person " + callId)).withRequestBody(containing("\"name\":\"transfer\"")));
    }

    @Test
    void aModelServerErrorGetsAPoliteGoodbyeAndIsMarked() throws Exception {
        String callId = place(null, "acct_relay", "cont_relay");
        FAKES.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("broken " + callId))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"overloaded\"}}")));

        RelaySocketClient twilio = session(callId);
        twilio.prompt("broken " + callId);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.end() != null);
        assertThat(twilio.spoken()).isEqualTo("I'm sorry, I'm having technical difficulties and have to end the call. Goodbye.|");
        Map<String, Object> row = conversation(callId);
        assertThat(row.get("ended_by")).isEqualTo("llm_error");
        assertThat(row.get("summary")).isNull(); // the analysis fails on the same server
    }

    @Test
    void aStreamCutShortMidReplyEndsTheUtteranceWithTheGoodbye() throws Exception {
        String callId = place(null, "acct_relay", "cont_relay");
        FakeModel.stubAnalysis(FAKES, callId, "{\"summary\":\"Cut.\",\"analysis\":{}}");
        String cut = "data: " + FakeModel.chunk("{\"content\":\"Well, \"}", null) + "\n\n";
        FAKES.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1).withRequestBody(containing("cut " + callId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(cut)));

        RelaySocketClient twilio = session(callId);
        twilio.prompt("cut " + callId);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.end() != null);
        assertThat(twilio.spoken()).isEqualTo("Well,  I'm sorry, I'm having technical difficulties and have to end the call. Goodbye.|");
        assertThat(conversation(callId).get("ended_by")).isEqualTo("llm_error");
    }

    @Test
    void aHandshakeWithoutTwiliosSignatureIsRefusedWith403() {
        for (String signature : new String[] {null, "bm90LWEtc2lnbmF0dXJl", new TwilioSignature("another-token").sign(RELAY_URL, Map.of())}) {
            RelaySocketClient client = new RelaySocketClient();
            assertThatThrownBy(() -> RelaySocketClient.open(RELAY_URL, signature, client).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(403));
        }
    }

    @Test
    void aSessionForACallWeDidNotPlaceIsClosed() throws Exception {
        RelaySocketClient twilio = new RelaySocketClient().connect(RELAY_URL, signature());
        twilio.setup("call_unknown_" + UUID.randomUUID());
        assertThat(twilio.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }

    private String place(String transferNumber, String accountId, String contactId) {
        String callId = "call_" + UUID.randomUUID().toString().replace("-", "");
        AgentSettings agent = new AgentSettings("Relay", "You sell solar panels to {{first_name}} {{last_name}}.",
                "Hello {{first_name}}, this is Relay.", "Polly.Joanna", "en-US", 300, VoicemailSettings.DEFAULT,
                transferNumber, new AnalysisSettings(true, FIELDS), Map.of());
        ContactDetails contact = new ContactDetails("+14155550100", "+14155550100", "Ada", "Lovelace", null, Map.of());
        TestTelephony.PLACED.put(callId, new DialRequest(callId, accountId, "camp_relay", contactId, "+14155550100",
                "+15005550006", 1, agent, contact));
        return callId;
    }

    private RelaySocketClient session(String callId) throws Exception {
        RelaySocketClient twilio = new RelaySocketClient().connect(RELAY_URL, signature());
        twilio.setup(callId);
        return twilio;
    }

    private static String signature() {
        return new TwilioSignature(AUTH_TOKEN).sign(RELAY_URL, Map.of());
    }

    private static JsonNode handoff(RelaySocketClient twilio) throws Exception {
        return JSON.readTree(twilio.end().path("handoffData").asText());
    }

    private boolean conversationExists(String callId) {
        return jdbc.queryForObject("select count(*) from telephony.conversations where call_id = ?", Integer.class, callId) == 1;
    }

    private Map<String, Object> conversation(String callId) {
        return jdbc.queryForMap("select * from telephony.conversations where call_id = ?", callId);
    }
}
