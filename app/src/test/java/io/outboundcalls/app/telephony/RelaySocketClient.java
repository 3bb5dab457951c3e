package io.outboundcalls.app.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Plays Twilio's side of a ConversationRelay session: sends its frames, keeps every frame we answer with. */
final class RelaySocketClient implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static CompletableFuture<WebSocket> open(String url, String signature, RelaySocketClient client) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (signature != null) {
            builder.header("X-Twilio-Signature", signature);
        }
        return builder.buildAsync(URI.create(url), client);
    }

    RelaySocketClient connect(String url, String signature) throws Exception {
        socket = open(url, signature, this).get(10, TimeUnit.SECONDS);
        return this;
    }

    void send(String frame) throws Exception {
        socket.sendText(frame, true).get(5, TimeUnit.SECONDS);
    }

    void setup(String callId) throws Exception {
        send("{\"type\":\"setup\",\"sessionId\":\"VX1\",\"callSid\":\"CA1\",\"accountSid\":\"AC1\",\"from\":\"+15005550006\","
                + "\"to\":\"+14155550100\",\"direction\":\"outbound-api\",\"customParameters\":{\"call_id\":\"" + callId + "\"}}");
    }

    void prompt(String words) throws Exception {
        send("{\"type\":\"prompt\",\"voicePrompt\":\"" + words + "\",\"lang\":\"en-US\",\"last\":true}");
    }

    void hangUp() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    List<JsonNode> texts() {
        return received.stream().filter(frame -> frame.path("type").asText().equals("text")).toList();
    }

    JsonNode end() {
        return received.stream().filter(frame -> frame.path("type").asText().equals("end")).findFirst().orElse(null);
    }

    /** The text frames' tokens joined, each final one followed by "|". */
    String spoken() {
        StringBuilder text = new StringBuilder();
        texts().forEach(frame -> text.append(frame.path("token").asText()).append(frame.path("last").asBoolean() ? "|" : ""));
        return text.toString();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
