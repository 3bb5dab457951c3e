package io.outboundcalls.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Twilio's side of one ConversationRelay session: {@code setup}, then one {@code prompt} at a time, the next
 * one a random pause (a callee who thinks) after the previous reply's {@code last: true}. For each prompt it
 * keeps the time from just before sending it to the arrival of the first {@code text} frame.
 */
final class RelaySession implements WebSocket.Listener {

    private final String callId;
    private final ScheduledExecutorService pauses;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    /** guarded by this: one turn at a time */
    private Queue<Turn> played;
    private int turnsLeft;
    private int turnNumber;
    private long sentAt;
    private boolean awaitingFirst;
    private CompletableFuture<Void> turns = new CompletableFuture<>();
    private Pace pace;

    RelaySession(String callId, ScheduledExecutorService pauses) {
        this.callId = callId;
        this.pauses = pauses;
    }

    CompletableFuture<RelaySession> open(HttpClient http, String url, String signature) {
        return http.newWebSocketBuilder().header("X-Twilio-Signature", signature).buildAsync(URI.create(url), this)
                .thenCompose(opened -> {
                    socket = opened;
                    return opened.sendText("{\"type\":\"setup\",\"sessionId\":\"VX" + callId + "\",\"callSid\":\"CA" + callId
                            + "\",\"accountSid\":\"ACbench\",\"from\":\"+15005550006\",\"to\":\"+14155550100\","
                            + "\"direction\":\"outbound-api\",\"customParameters\":{\"call_id\":\"" + callId + "\"}}", true);
                })
                .thenApply(sent -> this);
    }

    /** One prompt: its marker (in its words, so the mock model can name it), when it was sent, when the first text came. */
    record Turn(String marker, long sentAt, long firstTextAt) {
    }

    /**
     * How long the callee takes between the reply's {@code last: true} and its next prompt, drawn uniformly from
     * {@code [minMs, maxMs)}: on a phone the reply is spoken first (a few words take a second or two) and the
     * callee's answer is heard to its end before ConversationRelay sends it.
     */
    record Pace(int minMs, int maxMs) {

        /** a phone call's pace: the reply spoken, then the callee's answer, 1 to 3 s in all */
        static final Pace PHONE = new Pace(1_000, 3_000);
        /** about ten times a phone call's pace: no time to speak the reply, a callee who answers at once */
        static final Pace STRESS = new Pace(0, 200);

        long next() {
            return minMs + ThreadLocalRandom.current().nextInt(maxMs - minMs);
        }

        double meanSeconds() {
            return (minMs + maxMs) / 2000.0;
        }
    }

    /** Plays {@code count} turns into {@code into}, each prompt a {@code pace} pause after the previous reply. */
    synchronized CompletableFuture<Void> play(int count, Pace pace, Queue<Turn> into) {
        this.pace = pace;
        played = into;
        turnsLeft = count;
        turns = new CompletableFuture<>();
        schedulePrompt();
        return turns;
    }

    private void schedulePrompt() {
        pauses.schedule(this::prompt, pace.next(), TimeUnit.MILLISECONDS);
    }

    private synchronized void prompt() {
        turnsLeft--;
        turnNumber++;
        awaitingFirst = true;
        sentAt = System.nanoTime();
        socket.sendText("{\"type\":\"prompt\",\"voicePrompt\":\"Tell me more [" + marker()
                + "]\",\"lang\":\"en-US\",\"last\":true}", true)
                .whenComplete((sent, error) -> {
                    if (error != null) {
                        fail("sending a prompt: " + error);
                    }
                });
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            frame(text);
        }
        webSocket.request(1);
        return null;
    }

    private synchronized void frame(String text) {
        long now = System.nanoTime();
        JsonNode frame;
        try {
            frame = Http.JSON.readTree(text);
        } catch (IOException e) {
            fail("an unreadable frame: " + text);
            return;
        }
        String type = frame.path("type").asText();
        if (!type.equals("text")) {
            fail("an unexpected " + type + " frame: " + Load.abbreviate(text));
            return;
        }
        if (awaitingFirst) {
            awaitingFirst = false;
            played.add(new Turn(marker(), sentAt, now));
        }
        if (frame.path("last").asBoolean()) {
            if (turnsLeft > 0) {
                schedulePrompt();
            } else {
                turns.complete(null);
            }
        }
    }

    private String marker() {
        return callId + "#" + turnNumber;
    }

    private void fail(String why) {
        turns.completeExceptionally(new IllegalStateException("call " + callId + ": " + why));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        fail("the service closed the session (" + statusCode + " " + reason + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        fail("websocket error " + error);
    }

    CompletableFuture<WebSocket> hangUp() {
        return socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }
}
