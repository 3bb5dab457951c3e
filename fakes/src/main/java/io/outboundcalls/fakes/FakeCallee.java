package io.outboundcalls.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The person (or machine) at the other end of one call, and Twilio's side of it: signed status, AMD and
 * recording callbacks to the URLs the call was created with, and the ConversationRelay session over the relay
 * websocket its TwiML names (signed handshake, {@code setup}, {@code prompt}s, the {@code <Connect action>} when the
 * agent ends the session). The last two digits of the number choose the script, as with the simulator: 01 busy,
 * 02 no answer, 03 voicemail, 04 carrier failure, 05 asks not to be called again, 08 asks for a person, anything
 * else a short conversation.
 */
final class FakeCallee implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELAY_URL = Pattern.compile("<ConversationRelay[^>]* url=\"([^\"]+)\"");
    private static final Pattern CONNECT_ACTION = Pattern.compile("<Connect action=\"([^\"]+)\"");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RING = Duration.ofMillis(800);

    private final FakeCall call;
    private final String authToken;
    private final String accountSid;
    private final HttpClient http;

    FakeCallee(FakeCall call, String authToken, String accountSid, HttpClient http) {
        this.call = call;
        this.authToken = authToken;
        this.accountSid = accountSid;
        this.http = http;
    }

    @Override
    public void run() {
        try {
            status("initiated", Map.of());
            pause(RING);
            status("ringing", Map.of());
            pause(RING);
            if (hungUp()) {
                end("canceled", Map.of());
                return;
            }
            switch (call.script()) {
                case "01" -> end("busy", Map.of("SipResponseCode", "486"));
                case "02" -> end("no-answer", Map.of("SipResponseCode", "480"));
                case "04" -> end("failed", Map.of("SipResponseCode", "503"));
                case "03" -> machine();
                case "05" -> converse(List.of("Hello?", "Please don't call me again."));
                case "08" -> converse(List.of("Hello?", "Can I talk to a person, please?"));
                default -> converse(List.of("Hello?", "Sure, tell me more.", "Sounds good, thank you."));
            }
        } catch (Exception e) {
            System.err.println("fake call " + call.sid + " stopped: " + e);
        }
    }

    private void machine() throws Exception {
        answered();
        pause(Duration.ofSeconds(2)); // the greeting, then the beep
        post(call.first("AsyncAmdStatusCallback"), Map.of("CallSid", call.sid, "AccountSid", accountSid, "AnsweredBy", "machine_end_beep"));
        awaitUpdate(WAIT);
        pause(Duration.ofSeconds(1)); // the message the agent leaves
        completed();
    }

    private void converse(List<String> utterances) throws Exception {
        answered();
        post(call.first("AsyncAmdStatusCallback"), Map.of("CallSid", call.sid, "AccountSid", accountSid, "AnsweredBy", "human"));
        String twiml = call.first("Twiml");
        String relayUrl = unescape(find(RELAY_URL, twiml));
        String action = unescape(find(CONNECT_ACTION, twiml));
        String callId = find(Pattern.compile("<Parameter name=\"call_id\" value=\"([^\"]+)\""), twiml);
        Frames frames = new Frames();
        WebSocket socket = http.newWebSocketBuilder().header("X-Twilio-Signature", Signatures.sign(authToken, relayUrl, Map.of()))
                .buildAsync(URI.create(relayUrl), frames).get(10, TimeUnit.SECONDS);
        socket.sendText(JSON.createObjectNode().put("type", "setup").put("sessionId", "VX" + call.sid.substring(2))
                .put("callSid", call.sid).put("accountSid", accountSid).put("from", call.first("From")).put("to", call.to())
                .put("direction", "outbound-api").set("customParameters", JSON.createObjectNode().put("call_id", callId))
                .toString(), true).get(10, TimeUnit.SECONDS);
        JsonNode end = null;
        for (String words : utterances) {
            pause(Duration.ofMillis(600)); // the welcome greeting or the agent's last reply being spoken
            if (hungUp()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "call ended");
                completed();
                return;
            }
            socket.sendText(JSON.createObjectNode().put("type", "prompt").put("voicePrompt", words).put("lang", "en-US")
                    .put("last", true).toString(), true).get(10, TimeUnit.SECONDS);
            end = frames.awaitReplyOrEnd();
            if (end != null) {
                break;
            }
        }
        if (end == null) {
            end = frames.awaitEnd();
        }
        String handoff = end == null ? "{}" : end.path("handoffData").asText("{}");
        String next = post(action, Map.of("CallSid", call.sid, "AccountSid", accountSid, "SessionStatus", "ended", "HandoffData", handoff));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "session ended");
        if (next.contains("<Dial")) {
            pause(Duration.ofSeconds(2)); // talking to the person it was transferred to
        }
        completed();
    }

    private void answered() throws Exception {
        call.answeredAt = Instant.now();
        status("in-progress", Map.of());
    }

    private void completed() throws Exception {
        int seconds = (int) Math.max(1, Duration.between(call.answeredAt, Instant.now()).toSeconds());
        call.duration = seconds;
        end("completed", Map.of("CallDuration", String.valueOf(seconds)));
        String recordingSid = "RE" + call.sid.substring(2);
        post(call.first("RecordingStatusCallback"), Map.of("CallSid", call.sid, "AccountSid", accountSid, "RecordingSid", recordingSid,
                "RecordingStatus", "completed", "RecordingDuration", String.valueOf(seconds),
                "RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + accountSid + "/Recordings/" + recordingSid));
    }

    private void end(String status, Map<String, String> extra) throws Exception {
        if (call.duration == null) {
            call.duration = 0;
        }
        status(status, extra);
    }

    private void status(String status, Map<String, String> extra) throws Exception {
        call.status = status;
        Map<String, String> form = new LinkedHashMap<>(Map.of("CallSid", call.sid, "AccountSid", accountSid, "CallStatus", status,
                "SequenceNumber", String.valueOf(call.sequence.getAndIncrement()), "Direction", "outbound-api",
                "From", call.first("From"), "To", call.to()));
        form.putAll(extra);
        post(call.first("StatusCallback"), form);
    }

    /** The service asked Twilio to end the call ({@code Status=completed|canceled}), not to play new TwiML. */
    private boolean hungUp() {
        return call.update != null && call.update.startsWith("Status=");
    }

    private void awaitUpdate(Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        while (call.update == null && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    /** Posts a signed form callback; returns the body (TwiML for the Connect action). */
    private String post(String url, Map<String, String> form) throws Exception {
        if (url == null) {
            return "";
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", Signatures.sign(authToken, url, form))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            System.err.println("fake call " + call.sid + ": " + url + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text == null ? "" : text);
        if (!matcher.find()) {
            throw new IllegalStateException("the TwiML has no " + pattern.pattern() + ": " + text);
        }
        return matcher.group(1);
    }

    private static String unescape(String xml) {
        return xml.replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'");
    }

    private static void pause(Duration pause) throws InterruptedException {
        Thread.sleep(pause.toMillis());
    }

    /** The frames the service sends on the relay: a reply ends with {@code last: true}; {@code end} ends the session. */
    private static final class Frames implements WebSocket.Listener {

        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    System.err.println("unreadable relay frame: " + partial);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** Null when the agent finished a reply; the {@code end} frame when it ended the session. */
        JsonNode awaitReplyOrEnd() throws InterruptedException {
            long until = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < until) {
                JsonNode frame = received.poll(100, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    continue;
                }
                if (frame.path("type").asText().equals("end")) {
                    return frame;
                }
                if (frame.path("type").asText().equals("text") && frame.path("last").asBoolean()) {
                    JsonNode next = received.poll(300, TimeUnit.MILLISECONDS); // an end right after the goodbye
                    return next != null && next.path("type").asText().equals("end") ? next : null;
                }
            }
            return null;
        }

        JsonNode awaitEnd() throws InterruptedException {
            long until = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < until) {
                JsonNode frame = received.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null && frame.path("type").asText().equals("end")) {
                    return frame;
                }
            }
            return null;
        }
    }
}
