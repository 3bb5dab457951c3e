package io.outboundcalls.app.telephony;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.command.telephony.CallGateway;
import io.outboundcalls.telephony.CallFinisher;
import io.outboundcalls.telephony.PlacedCalls;
import io.outboundcalls.telephony.twilio.TwilioSignature;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Calls placed through the fake Twilio and moved by signed callbacks this test sends, as Twilio would, all seen
 * through the public API: placing (the form), answering and completing (billing from CallDuration, the
 * recording downloaded and served with Range), busy, no answer, a refusal at creation, a machine, throttling,
 * bad signatures, duplicated and late callbacks, and test mode.
 */
class TwilioCallsApiTest extends TwilioModeTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    private static final String ACCOUNT = "/2010-04-01/Accounts/" + ACCOUNT_SID;
    private static final String CALLS = ACCOUNT + "/Calls.json";
    private static final AtomicLong NUMBERS = new AtomicLong(1_000_000L + new Random().nextInt(8_000_000));
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    @Qualifier("twilioCallFinisher")
    private CallFinisher finisher;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CallGateway gateway;
    @Autowired
    @Qualifier("twilioCalls")
    private PlacedCalls placedCalls;

    private SignedCallbacks callbacks;

    /** What the service asked the fake Twilio for, and our call's id (read back from its callback URL). */
    private record Placed(String callId, Map<String, List<String>> form) {
        String first(String name) {
            return form.getOrDefault(name, List.of()).stream().findFirst().orElse(null);
        }
    }

    @BeforeEach
    void setUp() {
        callbacks = new SignedCallbacks(baseUrl(), publicBaseUrl());
    }

    @Test
    void anAnsweredCallIsPlacedTalksAndCompletesBilledFromCallDurationWithItsRecording() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        String sid = sid("CA");
        stubCreated(number, sid);
        Placed placed = place(api, number, Map.of("from_number", "+442079460100"));

        assertThat(placed.first("To")).isEqualTo(number);
        assertThat(placed.first("From")).isEqualTo("+442079460100");
        assertThat(placed.form().get("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered", "completed");
        assertThat(placed.first("StatusCallback")).isEqualTo(publicBaseUrl() + "/telephony/twilio/status?call_id=" + placed.callId());
        assertThat(placed.first("MachineDetection")).isEqualTo("DetectMessageEnd");
        assertThat(placed.first("AsyncAmd")).isEqualTo("true");
        assertThat(placed.first("AsyncAmdStatusCallback")).isEqualTo(publicBaseUrl() + "/telephony/twilio/amd?call_id=" + placed.callId());
        assertThat(placed.first("Record")).isEqualTo("true");
        assertThat(placed.first("Timeout")).isEqualTo("30");
        assertThat(placed.first("TimeLimit")).isEqualTo("300");
        assertThat(placed.first("Twiml")).contains("welcomeGreeting=\"Hi Ada, about your solar demo.\"")
                .contains("url=\"ws://127.0.0.1:" + SERVER_PORT + "/telephony/twilio/relay\"")
                .contains("<Parameter name=\"call_id\" value=\"" + placed.callId() + "\"/>");
        JsonNode queued = awaitCall(api, placed.callId(), c -> c.path("provider_call_id").asText().equals(sid));
        assertThat(queued.path("provider").asText()).isEqualTo("twilio");
        assertThat(queued.path("test_mode").asBoolean()).isFalse();

        status(placed, sid, "initiated", 0, Map.of());
        status(placed, sid, "ringing", 1, Map.of());
        awaitCall(api, placed.callId(), c -> c.path("status").asText().equals("ringing"));
        status(placed, sid, "in-progress", 2, Map.of());
        awaitCall(api, placed.callId(), c -> c.path("status").asText().equals("in_progress"));
        assertThat(callbacks.post("/telephony/twilio/amd", placed.callId(), Map.of("CallSid", sid, "AnsweredBy", "human")).status()).isEqualTo(204);
        status(placed, sid, "completed", 3, Map.of("CallDuration", "42"));

        String recordingSid = sid("RE");
        byte[] wav = wav();
        FAKES.stubFor(get(ACCOUNT + "/Recordings/" + recordingSid + ".wav").willReturn(aResponse().withBody(wav)));
        assertThat(callbacks.post("/telephony/twilio/recording", placed.callId(), Map.of("CallSid", sid, "RecordingSid", recordingSid,
                "RecordingStatus", "completed", "RecordingDuration", "41",
                "RecordingUrl", "https://api.twilio.com" + ACCOUNT + "/Recordings/" + recordingSid)).status()).isEqualTo(204);
        assertThat(call(api, placed.callId()).path("status").asText()).as("the conversation is still to come").isEqualTo("in_progress");

        ApiClient.Response transfer = callbacks.post("/telephony/twilio/relay-ended", placed.callId(), Map.of("CallSid", sid,
                "SessionStatus", "ended", "HandoffData", "{\"action\":\"transfer\",\"transfer_number\":\"+15551230000\"}"));
        assertThat(transfer.status()).isEqualTo(200);
        assertThat(transfer.header("Content-Type")).startsWith("text/xml");
        assertThat(transfer.rawBody()).as("the agent's own number, never the session's").contains("<Dial>+442079460999</Dial>");
        assertThat(callbacks.post("/telephony/twilio/relay-ended", placed.callId(), Map.of("CallSid", sid, "SessionStatus", "ended",
                "HandoffData", "{\"action\":\"hangup\"}")).rawBody()).contains("<Hangup/>").doesNotContain("<Dial>");

        jdbc.update("""
                insert into telephony.conversations (call_id, transcript, summary, analysis, ended_by, finished_at)
                values (?, ?::jsonb, 'Ada wants the solar demo.', '{"interested": true}'::jsonb, 'end_call', now())""",
                placed.callId(), "[{\"role\":\"agent\",\"text\":\"Hi Ada\",\"start_ms\":0,\"end_ms\":900},"
                        + "{\"role\":\"contact\",\"text\":\"Hello\",\"start_ms\":1200,\"end_ms\":1800}]");
        finisher.conversationFinished(placed.callId());

        JsonNode done = awaitCall(api, placed.callId(), c -> c.path("status").asText().equals("completed"));
        assertThat(done.path("outcome").asText()).isEqualTo("completed");
        assertThat(done.path("answered_by").asText()).isEqualTo("human");
        assertThat(done.path("duration_seconds").asLong()).isEqualTo(42);
        assertThat(done.path("billed_seconds").asLong()).isEqualTo(42);
        assertThat(done.path("credits_charged").asLong()).isEqualTo(7);
        assertThat(done.path("summary").asText()).isEqualTo("Ada wants the solar demo.");
        assertThat(done.path("analysis").path("interested").asBoolean()).isTrue();
        assertThat(done.path("has_recording").asBoolean()).isTrue();
        JsonNode transcript = api.get("/v1/calls/" + placed.callId() + "/transcript").json();
        assertThat(transcript.path("turns")).hasSize(2);
        assertThat(transcript.path("turns").get(1).path("start_ms").asLong()).isEqualTo(1200);

        ApiClient.Response whole = api.get("/v1/calls/" + placed.callId() + "/recording");
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Content-Type")).startsWith("audio/wav");
        assertThat(whole.rawBody().length()).isEqualTo(wav.length);
        ApiClient.Response range = api.send("GET", "/v1/calls/" + placed.callId() + "/recording", null, Map.of("Range", "bytes=0-3"));
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.rawBody()).isEqualTo("RIFF");
        assertThat(range.header("Content-Range")).isEqualTo("bytes 0-3/" + wav.length);
    }

    @Test
    void aRecordingThatArrivesAfterTheCallWasReportedWithoutOneIsServedWithTheCall() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        String sid = sid("CA");
        stubCreated(number, sid);
        Placed placed = place(api, number, Map.of());
        awaitCall(api, placed.callId(), c -> c.path("provider_call_id").asText().equals(sid));
        status(placed, sid, "in-progress", 2, Map.of());
        status(placed, sid, "completed", 3, Map.of("CallDuration", "42"));
        // finish-wait ran out before the recording came: the end is reported without it
        jdbc.update("update telephony.twilio_calls set completed_at = now() - interval '1 hour' where call_id = ?", placed.callId());
        finisher.conversationFinished(placed.callId());
        JsonNode ended = awaitCall(api, placed.callId(), c -> c.path("status").asText().equals("completed"));
        assertThat(ended.path("has_recording").asBoolean()).isFalse();
        assertThat(api.get("/v1/calls/" + placed.callId() + "/recording").status()).isEqualTo(404);

        String recordingSid = sid("RE");
        byte[] wav = wav();
        FAKES.stubFor(get(ACCOUNT + "/Recordings/" + recordingSid + ".wav").willReturn(aResponse().withBody(wav)));
        Map<String, String> recording = Map.of("CallSid", sid, "RecordingSid", recordingSid, "RecordingStatus", "completed",
                "RecordingDuration", "41", "RecordingUrl", "https://api.twilio.com" + ACCOUNT + "/Recordings/" + recordingSid);
        assertThat(callbacks.post("/telephony/twilio/recording", placed.callId(), recording).status()).isEqualTo(204);

        JsonNode later = awaitCall(api, placed.callId(), c -> c.path("has_recording").asBoolean());
        assertThat(later.path("outcome").asText()).isEqualTo("completed");
        assertThat(later.path("credits_charged").asLong()).as("billed once, at the end").isEqualTo(ended.path("credits_charged").asLong());
        ApiClient.Response served = api.get("/v1/calls/" + placed.callId() + "/recording");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.rawBody().length()).isEqualTo(wav.length);
        assertThat(callbacks.post("/telephony/twilio/recording", placed.callId(), recording).status()).isEqualTo(204);
        assertThat(eventCount(placed.callId(), "CallRecordingAddedEvent")).as("a repeated callback adds nothing").isEqualTo(1);
    }

    /**
     * The whole loop of a real call: placed through the fake REST API, moved by signed callbacks, the conversation
     * held over the relay websocket with the fake model, and the outcome read through the public API and its webhook.
     */
    @Test
    void aCampaignCallIsPlacedTalkedOverTheRelayAndEndsWithTranscriptSummaryAnalysisRecordingCreditsAndWebhook() throws Exception {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String hook = "/hooks/e2e-" + sid("");
        FAKES.stubFor(post(urlEqualTo(hook)).willReturn(aResponse().withStatus(204)));
        assertThat(api.post("/v1/webhook_endpoints", Map.of("url", "http://127.0.0.1:" + FAKES.port() + hook,
                "enabled_events", List.of("call.completed"))).status()).isEqualTo(201);
        String number = number("55");
        String sid = sid("CA");
        stubCreated(number, sid);
        Placed placed = place(api, number, Map.of("analysis", Map.of("fields", List.of(Map.of("name", "interested", "type", "boolean"),
                Map.of("name", "budget", "type", "number")))), Map.of());
        String callId = placed.callId();
        FakeModel.stubStream(FAKES, "hello " + callId, FakeModel.textChunks("Hi ", "Ada", ", shall we talk solar?"));
        FakeModel.stubStream(FAKES, "bye " + callId, FakeModel.toolChunks("Goodbye!", "end_call", "{\"reason\":", "\"done\"}"));
        FakeModel.stubAnalysis(FAKES, callId, "{\"summary\":\"Ada is interested in solar.\",\"analysis\":{\"interested\":true,\"budget\":\"lots\"}}");

        status(placed, sid, "initiated", 0, Map.of());
        status(placed, sid, "ringing", 1, Map.of());
        status(placed, sid, "in-progress", 2, Map.of());
        String relayUrl = "ws://127.0.0.1:" + SERVER_PORT + "/telephony/twilio/relay";
        RelaySocketClient twilio = new RelaySocketClient().connect(relayUrl, new TwilioSignature(AUTH_TOKEN).sign(relayUrl, Map.of()));
        twilio.setup(callId);
        assertThat(callbacks.post("/telephony/twilio/amd", callId, Map.of("CallSid", sid, "AnsweredBy", "human")).status()).isEqualTo(204);
        twilio.prompt("hello " + callId);
        await().atMost(WAIT).until(() -> twilio.spoken().endsWith("|"));
        twilio.prompt("bye " + callId);
        await().atMost(WAIT).until(() -> twilio.end() != null);
        assertThat(twilio.spoken()).isEqualTo("Hi Ada, shall we talk solar?|Goodbye!|");
        ApiClient.Response ended = callbacks.post("/telephony/twilio/relay-ended", callId, Map.of("CallSid", sid, "SessionStatus", "ended",
                "HandoffData", twilio.end().path("handoffData").asText()));
        assertThat(ended.rawBody()).contains("<Hangup/>");
        status(placed, sid, "completed", 3, Map.of("CallDuration", "42"));
        String recordingSid = sid("RE");
        byte[] wav = wav();
        FAKES.stubFor(get(ACCOUNT + "/Recordings/" + recordingSid + ".wav").willReturn(aResponse().withBody(wav)));
        assertThat(callbacks.post("/telephony/twilio/recording", callId, Map.of("CallSid", sid, "RecordingSid", recordingSid,
                "RecordingStatus", "completed", "RecordingDuration", "41")).status()).isEqualTo(204);

        JsonNode done = awaitCall(api, callId, c -> c.path("status").asText().equals("completed"));
        assertThat(done.path("outcome").asText()).isEqualTo("completed");
        assertThat(done.path("end_reason").asText()).isEqualTo("the agent ended the conversation");
        assertThat(done.path("answered_by").asText()).isEqualTo("human");
        assertThat(done.path("provider_call_id").asText()).isEqualTo(sid);
        assertThat(done.path("billed_seconds").asLong()).isEqualTo(42);
        assertThat(done.path("credits_charged").asLong()).isEqualTo(7);
        assertThat(done.path("summary").asText()).isEqualTo("Ada is interested in solar.");
        assertThat(done.path("analysis").path("interested").asBoolean()).isTrue();
        assertThat(done.path("analysis").has("budget")).as("a wrong type is dropped, never stored").isFalse();
        assertThat(done.path("has_recording").asBoolean()).isTrue();
        assertThat(api.get("/v1/calls/" + callId + "/recording").rawBody().length()).isEqualTo(wav.length);
        JsonNode turns = api.get("/v1/calls/" + callId + "/transcript").json().path("turns");
        assertThat(turns).extracting(turn -> turn.path("role").asText() + ": " + turn.path("text").asText()).containsExactly(
                "agent: Hi Ada, about your solar demo.", "contact: hello " + callId, "agent: Hi Ada, shall we talk solar?",
                "contact: bye " + callId, "agent: Goodbye!");
        assertThat(api.get("/v1/credits/balance").json().path("balance").asLong()).isEqualTo(10_000 - 7);
        FAKES.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("You help Ada with solar.")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(FAKES.findAll(postRequestedFor(urlEqualTo(hook)))).anySatisfy(delivery -> {
            JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(delivery.getBodyAsString());
            assertThat(event.path("type").asText()).isEqualTo("call.completed");
            assertThat(event.path("data").path("id").asText()).isEqualTo(callId);
            assertThat(event.path("data").path("summary").asText()).isEqualTo("Ada is interested in solar.");
            assertThat(event.path("data").path("transcript").path("turns")).hasSize(5);
        }));
    }

    @Test
    void busyAndNoAnswerEndAsSuchWithoutCharge() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String busyNumber = number("55");
        String busySid = sid("CA");
        stubCreated(busyNumber, busySid);
        Placed busy = place(api, busyNumber, Map.of());
        status(busy, busySid, "busy", 1, Map.of("SipResponseCode", "486", "CallDuration", "0"));
        JsonNode busyCall = awaitCall(api, busy.callId(), c -> c.path("status").asText().equals("busy"));
        assertThat(busyCall.path("outcome").asText()).isEqualTo("busy");
        assertThat(busyCall.path("credits_charged").asLong()).isZero();

        String silentNumber = number("55");
        String silentSid = sid("CA");
        stubCreated(silentNumber, silentSid);
        Placed silent = place(api, silentNumber, Map.of());
        status(silent, silentSid, "ringing", 1, Map.of());
        status(silent, silentSid, "no-answer", 2, Map.of("CallDuration", "0"));
        JsonNode silentCall = awaitCall(api, silent.callId(), c -> c.path("status").asText().equals("no_answer"));
        assertThat(silentCall.path("outcome").asText()).isEqualTo("no_answer");
        assertThat(silentCall.path("provider_call_id").asText()).isEqualTo(silentSid);
    }

    @Test
    void aCallCanceledAtTwilioWithoutOurAskingEndsCanceledWithoutCharge() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        String sid = sid("CA");
        stubCreated(number, sid);
        Placed placed = place(api, number, Map.of());
        awaitCall(api, placed.callId(), c -> c.path("provider_call_id").asText().equals(sid));

        status(placed, sid, "initiated", 0, Map.of());
        status(placed, sid, "ringing", 1, Map.of());
        status(placed, sid, "canceled", 2, Map.of());

        JsonNode canceled = awaitCall(api, placed.callId(), c -> c.path("status").asText().equals("canceled"));
        assertThat(canceled.path("outcome").asText()).isEqualTo("failed");
        assertThat(canceled.path("end_reason").asText()).isEqualTo("canceled before it was answered");
        assertThat(canceled.path("credits_charged").asLong()).isZero();
    }

    @Test
    void aCallTwilioRefusesFailsWithTwiliosCode() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        FAKES.stubFor(post(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number))).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21215,\"message\":\"Geographic permission to call this number is not enabled\",\"status\":400}")));
        Placed placed = place(api, number, Map.of());

        JsonNode failed = awaitCall(api, placed.callId(), c -> c.path("status").asText().equals("failed"));
        assertThat(failed.path("outcome").asText()).isEqualTo("failed");
        assertThat(failed.path("end_reason").asText()).contains("21215").contains("Geographic permission");
        assertThat(failed.path("provider").asText()).isEqualTo("twilio");
        assertThat(FAKES.findAll(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number))))).hasSize(1);
    }

    @Test
    void aMachineAtTheEndOfItsGreetingGetsTheVoicemailAndTheCallEndsAsOne() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        String sid = sid("CA");
        stubCreated(number, sid);
        FAKES.stubFor(post(urlEqualTo(ACCOUNT + "/Calls/" + sid + ".json"))
                .willReturn(aResponse().withStatus(200).withBody("{\"sid\":\"" + sid + "\",\"status\":\"in-progress\"}")));
        Placed placed = place(api, number, Map.of());
        status(placed, sid, "in-progress", 1, Map.of());
        Map<String, String> verdict = Map.of("CallSid", sid, "AnsweredBy", "machine_end_beep", "MachineDetectionDuration", "4200");
        assertThat(callbacks.post("/telephony/twilio/amd", placed.callId(), verdict).status()).isEqualTo(204);
        assertThat(callbacks.post("/telephony/twilio/amd", placed.callId(), verdict).status()).isEqualTo(204);

        List<LoggedRequest> updates = FAKES.findAll(postRequestedFor(urlEqualTo(ACCOUNT + "/Calls/" + sid + ".json")));
        assertThat(updates).as("one voicemail, however often the verdict comes").hasSize(1);
        String twiml = form(updates.get(0).getBodyAsString()).get("Twiml").get(0);
        assertThat(twiml).contains("<Say language=\"en-GB\">Hi Ada, please call us back about solar.</Say><Hangup/>");

        status(placed, sid, "completed", 2, Map.of("CallDuration", "19"));
        callbacks.post("/telephony/twilio/recording", placed.callId(), Map.of("CallSid", sid, "RecordingStatus", "absent"));
        JsonNode done = awaitCall(api, placed.callId(), c -> c.path("status").asText().equals("completed"));
        assertThat(done.path("outcome").asText()).isEqualTo("voicemail");
        assertThat(done.path("answered_by").asText()).isEqualTo("voicemail");
        assertThat(done.path("end_reason").asText()).isEqualTo("voicemail: message left");
        assertThat(done.path("has_recording").asBoolean()).isFalse();
        assertThat(done.path("duration_seconds").asLong()).isEqualTo(19);
    }

    @Test
    void throttledByTwilioTheCallIsPlacedOnceWhenItAccepts() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        String sid = sid("CA");
        stubRefusedOnceThenCreated(number, 429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}", sid);
        Placed placed = place(api, number, Map.of());

        awaitCall(api, placed.callId(), c -> c.path("provider_call_id").asText().equals(sid));
        assertThat(FAKES.findAll(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number))))).hasSize(2);
        assertThat(api.get("/v1/calls?limit=100").json().path("data")).hasSize(1);
    }

    @Test
    void aCreationAnsweredWithAServerErrorThatTwilioDidCreateIsNotPlacedTwice() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        String sid = sid("CA");
        FAKES.stubFor(post(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number)))
                .willReturn(aResponse().withStatus(500).withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));
        stubListed(number, sid, "queued", Instant.now());
        Placed placed = place(api, number, Map.of());

        awaitCall(api, placed.callId(), c -> c.path("provider_call_id").asText().equals(sid));
        assertThat(FAKES.findAll(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number))))).hasSize(1);
    }

    @Test
    void aCreationAnsweredWithAServerErrorThatTwilioDidNotCreateIsPlacedAgainAfterLooking() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        String sid = sid("CA");
        stubRefusedOnceThenCreated(number, 503, "{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}", sid);
        FAKES.stubFor(get(urlPathEqualTo(CALLS)).withQueryParam("To", equalTo(number))
                .willReturn(aResponse().withStatus(200).withBody("{\"calls\": [], \"page_size\": 50}")));
        Placed placed = place(api, number, Map.of());

        awaitCall(api, placed.callId(), c -> c.path("provider_call_id").asText().equals(sid));
        assertThat(FAKES.findAll(getRequestedFor(urlPathEqualTo(CALLS)).withQueryParam("To", equalTo(number))))
                .as("looked for the first try's call before the second").isNotEmpty();
        assertThat(FAKES.findAll(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number))))).hasSize(2);
        assertThat(api.get("/v1/calls?limit=100").json().path("data")).hasSize(1);
    }

    /** The node stopped between Twilio's 201 and its record of the sid; the dialer's recovery dials the attempt again. */
    @Test
    void aCallTwilioCreatedBeforeTheNodeStoppedIsNotPlacedAgainWhenItIsRecovered() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        String sid = sid("CA");
        stubCreated(number, sid);
        Placed placed = place(api, number, Map.of());
        awaitCall(api, placed.callId(), c -> c.path("provider_call_id").asText().equals(sid));
        jdbc.update("update telephony.twilio_calls set call_sid = null where call_id = ?", placed.callId());
        FAKES.stubFor(get(urlPathEqualTo(CALLS)).withQueryParam("To", equalTo(number)).willReturn(aResponse().withStatus(200)
                .withBody("{\"calls\": [{\"sid\": \"CAolder\", \"status\": \"completed\", \"date_created\": \""
                        + rfc2822(Instant.now().minus(Duration.ofHours(2))) + "\"}, {\"sid\": \"" + sid
                        + "\", \"status\": \"ringing\", \"date_created\": \"" + rfc2822(Instant.now()) + "\"}]}")));

        gateway.dial(placedCalls.find(placed.callId()).orElseThrow());

        assertThat(FAKES.findAll(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number)))))
                .as("the callee is rung once").hasSize(1);
        assertThat(jdbc.queryForObject("select call_sid from telephony.twilio_calls where call_id = ?", String.class, placed.callId()))
                .as("the call created before, not the older one to the same number").isEqualTo(sid);
    }

    @Test
    void aCallbackWithoutAValidSignatureIsRefusedAndChangesNothing() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        String sid = sid("CA");
        stubCreated(number, sid);
        Placed placed = place(api, number, Map.of());
        awaitCall(api, placed.callId(), c -> c.path("provider_call_id").asText().equals(sid));
        Map<String, String> answered = SignedCallbacks.status(sid, "in-progress", 2);
        String path = "/telephony/twilio/status?call_id=" + placed.callId();

        ApiClient.Response unsigned = callbacks.post(path, answered, null);
        ApiClient.Response forged = callbacks.post(path, answered, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unsigned.json().path("code").asText()).isEqualTo("invalid_signature");
        assertThat(forged.status()).isEqualTo(403);
        // a signature over other parameters (or signed for another host) is no signature for these
        Map<String, String> other = new LinkedHashMap<>(answered);
        other.put("CallStatus", "ringing");
        String signedForOther = new io.outboundcalls.telephony.twilio.TwilioSignature(AUTH_TOKEN).sign(publicBaseUrl() + path,
                Map.of("CallStatus", List.of("ringing")));
        assertThat(callbacks.post(path, answered, signedForOther).status()).isEqualTo(403);
        for (String callback : List.of("status", "amd", "recording", "relay-ended")) {
            Map<String, String> form = Map.of("CallSid", sid, "AnsweredBy", "machine_end_beep", "RecordingStatus", "absent");
            assertThat(callbacks.post("/telephony/twilio/" + callback + "?call_id=" + placed.callId(), form, null).status())
                    .as(callback).isEqualTo(403);
        }

        assertThat(call(api, placed.callId()).path("status").asText()).isEqualTo("queued");
        assertThat(jdbc.queryForObject("select last_sequence from telephony.twilio_calls where call_id = ?", Integer.class, placed.callId())).isEqualTo(-1);
        assertThat(jdbc.queryForObject("select answered_by from telephony.twilio_calls where call_id = ?", String.class, placed.callId())).isNull();
    }

    @Test
    void callbacksTwiceAndOutOfOrderChangeNothing() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String number = number("55");
        String sid = sid("CA");
        stubCreated(number, sid);
        Placed placed = place(api, number, Map.of());

        status(placed, sid, "in-progress", 2, Map.of());
        status(placed, sid, "in-progress", 2, Map.of());
        status(placed, sid, "ringing", 1, Map.of());
        JsonNode answered = awaitCall(api, placed.callId(), c -> c.path("status").asText().equals("in_progress"));
        status(placed, sid, "completed", 3, Map.of("CallDuration", "30"));
        status(placed, sid, "completed", 3, Map.of("CallDuration", "30"));
        status(placed, sid, "in-progress", 2, Map.of());
        status(placed, sid, "failed", 4, Map.of("CallDuration", "0"));
        jdbc.update("""
                insert into telephony.conversations (call_id, transcript, ended_by, finished_at)
                values (?, '[]'::jsonb, 'callee_hung_up', now())""", placed.callId());
        callbacks.post("/telephony/twilio/recording", placed.callId(), Map.of("CallSid", sid, "RecordingStatus", "absent"));
        callbacks.post("/telephony/twilio/recording", placed.callId(), Map.of("CallSid", sid, "RecordingStatus", "absent"));
        finisher.conversationFinished(placed.callId());
        finisher.conversationFinished(placed.callId());

        JsonNode done = awaitCall(api, placed.callId(), c -> !c.path("ended_at").isNull() && !c.path("ended_at").isMissingNode());
        assertThat(done.path("answered_at").asText()).isEqualTo(answered.path("answered_at").asText());
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("outcome").asText()).as("the first final status counts").isEqualTo("completed");
        assertThat(done.path("duration_seconds").asLong()).isEqualTo(30);
        assertThat(eventCount(placed.callId(), "CallStartedEvent")).isEqualTo(1);
        assertThat(eventCount(placed.callId(), "CallRingingEvent")).as("a late ringing after the answer").isZero();
        assertThat(eventCount(placed.callId(), "CallCompletedEvent") + eventCount(placed.callId(), "CallFailedEvent")).isEqualTo(1);
    }

    @Test
    void aTestModeCampaignIsSimulatedChargesNothingAndSaysSoInCallsAndWebhooks() {
        ApiClient api = newAccount();
        FAKES.stubFor(post(urlEqualTo("/hooks/test-mode")).willReturn(aResponse().withStatus(204)));
        ApiClient.Response endpoint = api.post("/v1/webhook_endpoints", Map.of("url", "http://127.0.0.1:" + FAKES.port() + "/hooks/test-mode",
                "enabled_events", List.of("call.completed")));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        String number = number("10");
        String campaignId = start(api, number, Map.of("test_mode", true));

        assertThat(api.get("/v1/campaigns/" + campaignId).json().path("test_mode").asBoolean()).isTrue();
        JsonNode call = await().atMost(WAIT).until(() -> api.get("/v1/calls?campaign_id=" + campaignId).json().path("data").path(0),
                c -> c.path("status").asText().equals("completed"));
        assertThat(call.path("provider").asText()).isEqualTo("simulator");
        assertThat(call.path("test_mode").asBoolean()).isTrue();
        assertThat(call.path("credits_charged").asLong()).isZero();
        assertThat(call.path("duration_seconds").asLong()).isPositive();
        assertThat(FAKES.findAll(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number))))).isEmpty();
        assertThat(api.get("/v1/credits/balance").json().path("balance").asLong()).isZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(FAKES.findAll(postRequestedFor(urlEqualTo("/hooks/test-mode"))))
                .anySatisfy(hook -> assertThat(hook.getBodyAsString()).contains("\"test_mode\":true").contains(call.path("id").asText())));
    }

    // --- placing calls through the public API ---

    private Placed place(ApiClient api, String number, Map<String, Object> campaignExtras) {
        return place(api, number, Map.of(), campaignExtras);
    }

    private Placed place(ApiClient api, String number, Map<String, Object> agentExtras, Map<String, Object> campaignExtras) {
        start(api, number, agentExtras, campaignExtras);
        LoggedRequest request = await().atMost(WAIT).until(() -> FAKES.findAll(postRequestedFor(urlEqualTo(CALLS))
                .withRequestBody(containing("To=" + encode(number)))), found -> !found.isEmpty()).get(0);
        Map<String, List<String>> form = form(request.getBodyAsString());
        String callback = form.get("StatusCallback").get(0);
        String callId = callback.substring(callback.indexOf("call_id=") + "call_id=".length());
        return new Placed(callId, form);
    }

    private String start(ApiClient api, String number, Map<String, Object> campaignExtras) {
        return start(api, number, Map.of(), campaignExtras);
    }

    private String start(ApiClient api, String number, Map<String, Object> agentExtras, Map<String, Object> campaignExtras) {
        Map<String, Object> agentBody = new HashMap<>(Map.of("name", "Ava", "prompt", "You help {{first_name}} with {{product}}.",
                "first_message", "Hi {{first_name}}, about your {{product}} demo.", "language", "en-GB", "max_duration_seconds", 300,
                "transfer_number", "+442079460999",
                "voicemail", Map.of("action", "leave_message", "message", "Hi {{first_name}}, please call us back about {{product}}.")));
        agentBody.putAll(agentExtras);
        ApiClient.Response agent = api.post("/v1/agents", agentBody);
        assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
        ApiClient.Response list = api.post("/v1/contact_lists", Map.of("name", "Twilio list"));
        String listId = list.json().path("id").asText();
        ApiClient.Response contact = api.post("/v1/contacts", Map.of("phone_number", number, "first_name", "Ada",
                "metadata", Map.of("product", "solar"), "list_ids", List.of(listId)));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        Map<String, Object> body = new HashMap<>(Map.of("name", "Twilio campaign", "agent_id", agent.json().path("id").asText(),
                "contact_list_id", listId,
                "schedule", Map.of("start_date", "2026-01-01", "calling_hours", Map.of("start", "00:00", "end", "23:59"),
                        "timezone", "Europe/London"),
                "retry_rules", Map.of("max_attempts", 1, "delay_minutes", 1), "concurrent_calls", 2));
        body.putAll(campaignExtras);
        ApiClient.Response campaign = api.post("/v1/campaigns", body);
        assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
        String campaignId = campaign.json().path("id").asText();
        ApiClient.Response started = api.post("/v1/campaigns/" + campaignId + "/start", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return campaignId;
    }

    private void status(Placed placed, String sid, String status, int sequence, Map<String, String> extra) {
        Map<String, String> form = SignedCallbacks.status(sid, status, sequence);
        form.putAll(extra);
        ApiClient.Response response = callbacks.post("/telephony/twilio/status", placed.callId(), form);
        assertThat(response.status()).as(response.toString()).isEqualTo(204);
    }

    private static JsonNode call(ApiClient api, String callId) {
        return api.get("/v1/calls/" + callId).json();
    }

    private static JsonNode awaitCall(ApiClient api, String callId, Predicate<JsonNode> condition) {
        return await().atMost(WAIT).until(() -> call(api, callId), condition::test);
    }

    private long eventCount(String callId, String type) {
        Long count = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregateIdentifier = ? and payloadType = ?",
                Long.class, callId, "io.outboundcalls.events.call." + type);
        return count == null ? 0 : count;
    }

    // --- the fake Twilio ---

    private static void stubCreated(String number, String sid) {
        FAKES.stubFor(post(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number))).willReturn(created(sid)));
    }

    /** Calls.json for {@code number} answers {@code status} once, then creates the call as {@code sid}. */
    private static void stubRefusedOnceThenCreated(String number, int status, String body, String sid) {
        String scenario = "refused once " + number;
        FAKES.stubFor(post(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number))).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("accepting")
                .willReturn(aResponse().withStatus(status).withBody(body)));
        FAKES.stubFor(post(urlEqualTo(CALLS)).withRequestBody(containing("To=" + encode(number))).inScenario(scenario)
                .whenScenarioStateIs("accepting").willReturn(created(sid)));
    }

    /** Twilio's list of calls to {@code number}: one call, created at {@code at}. */
    private static void stubListed(String number, String sid, String status, Instant at) {
        FAKES.stubFor(get(urlPathEqualTo(CALLS)).withQueryParam("To", equalTo(number)).willReturn(aResponse().withStatus(200)
                .withBody("{\"calls\": [{\"sid\": \"" + sid + "\", \"status\": \"" + status + "\", \"date_created\": \""
                        + rfc2822(at) + "\"}], \"page_size\": 50}")));
    }

    private static String rfc2822(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String sid) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"date_created\":\"Tue, 01 Dec 2026 22:00:00 +0000\"}");
    }

    private static void buyCredits(ApiClient api, long amount) {
        ApiClient.Response bought = api.post("/v1/credits/purchase", Map.of("amount", amount));
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
    }

    /** A London number no other test uses, ending in {@code lastTwo} (the simulator's magic digits). */
    private static String number(String lastTwo) {
        return "+44207" + String.format("%05d", NUMBERS.incrementAndGet() % 100_000) + lastTwo;
    }

    private static String sid(String prefix) {
        byte[] random = new byte[16];
        new Random().nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }

    private static byte[] wav() {
        byte[] wav = new byte[2_000];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
        System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 4);
        return wav;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
