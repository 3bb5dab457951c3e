package io.outboundcalls.telephony.relay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.outboundcalls.command.contact.OptOutContactCommand;
import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.command.telephony.PromptVariables;
import io.outboundcalls.telephony.llm.ChatCompletion;
import io.outboundcalls.telephony.llm.ChatMessage;
import io.outboundcalls.telephony.llm.ChatStream;
import io.outboundcalls.telephony.llm.ChatStreamListener;
import io.outboundcalls.telephony.llm.LlmException;
import io.outboundcalls.telephony.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live call's conversation: the callee's words in, the model's reply streamed out token by token, the
 * transcript kept as it was heard. Frames, model callbacks and timers arrive on different threads; each
 * takes this object's lock briefly (never across I/O that waits) and callbacks of a reply that was
 * cancelled meanwhile are recognized by their generation and dropped, so nothing stale is ever spoken.
 */
final class Conversation {

    static final String SILENCE_GOODBYE = "It seems I've lost you. Thank you for your time, goodbye.";
    static final String TURN_LIMIT_GOODBYE = "I'm afraid I have to end our call here. Thank you for your time, goodbye.";
    static final String ERROR_GOODBYE = "I'm sorry, I'm having technical difficulties and have to end the call. Goodbye.";
    static final String TOOL_GOODBYE = "Goodbye.";

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final DialRequest call;
    private final RelaySocket socket;
    private final ConversationServices services;
    private final long startNanos = System.nanoTime();
    private final Transcript transcript = new Transcript();
    private final List<ChatMessage> history = new ArrayList<>();
    private final ArrayNode tools;
    private int generation;
    private ChatStream reply;
    private Transcript.Turn replyTurn;
    private int contactTurns;
    private ScheduledFuture<?> silenceTimer;
    private boolean utteranceOpen;
    private boolean ended;

    Conversation(DialRequest call, RelaySocket socket, ConversationServices services) {
        this.call = call;
        this.socket = socket;
        this.services = services;
        this.tools = ConversationTools.forAgent(call.agent());
        history.add(ChatMessage.system(PromptVariables.fill(call.agent().prompt(), call.contact())));
    }

    String callId() {
        return call.callId();
    }

    /** Twilio speaks the welcome greeting itself: it is the agent's first turn. */
    synchronized void start() {
        String greeting = PromptVariables.fill(call.agent().firstMessage(), call.contact()).strip();
        if (!greeting.isEmpty()) {
            transcript.agent(greeting, 0);
            history.add(ChatMessage.assistant(greeting));
        }
        armSilenceTimer();
    }

    synchronized void onPrompt(String words) {
        if (ended || words.isBlank()) {
            return;
        }
        stopSilenceTimer();
        finishReplyAsHeard();
        transcript.contact(words, nowMs());
        history.add(ChatMessage.user(words));
        if (++contactTurns > services.settings().maxTurns()) {
            end(EndedBy.TURN_LIMIT, TURN_LIMIT_GOODBYE, null);
            return;
        }
        startReply();
    }

    synchronized void onDtmf(String digit) {
        onPrompt("(pressed the key " + digit + ")");
    }

    /** Cancels the reply being generated; the transcript and the model's history keep only what was heard. */
    synchronized void onInterrupt(String spoken, long durationMs) {
        if (ended) {
            return;
        }
        stopSilenceTimer();
        boolean streaming = replyTurn != null;
        Transcript.Turn heard = streaming ? replyTurn : transcript.lastAgentTurn();
        replyTurn = null;
        utteranceOpen = false;
        cancelReply();
        if (heard == null) {
            return;
        }
        heard.cutTo(spoken, durationMs);
        if (!streaming && !history.isEmpty() && history.get(history.size() - 1).role().equals("assistant")) {
            history.remove(history.size() - 1);
        }
        if (!spoken.isBlank()) {
            history.add(ChatMessage.assistant(spoken));
        }
    }

    /** The websocket closed without our {@code end}: the callee hung up (or Twilio ended the call). */
    synchronized void onClosed() {
        if (!ended) {
            finishReplyAsHeard();
            end(EndedBy.CALLEE_HUNG_UP, null, null);
        }
    }

    private void startReply() {
        int current = ++generation;
        replyTurn = null;
        reply = services.llm().stream(List.copyOf(history), tools, new ChatStreamListener() {
            @Override
            public void onText(String delta) {
                replyText(current, delta);
            }

            @Override
            public void onComplete(ChatCompletion completion) {
                replyDone(current, completion);
            }

            @Override
            public void onFailure(LlmException failure) {
                replyFailed(current, failure);
            }
        });
    }

    private synchronized void replyText(int of, String delta) {
        if (of != generation || ended) {
            return;
        }
        if (replyTurn == null) {
            replyTurn = transcript.agent("", nowMs());
        }
        replyTurn.append(delta, nowMs());
        utteranceOpen = true;
        socket.send(RelayFrames.text(delta, false));
    }

    private synchronized void replyDone(int of, ChatCompletion completion) {
        if (of != generation || ended) {
            return;
        }
        boolean spoke = replyTurn != null;
        if (utteranceOpen) {
            socket.send(RelayFrames.text("", true));
            utteranceOpen = false;
        }
        finishReplyAsHeard();
        for (ToolCall tool : completion.toolCalls()) {
            if (act(tool, spoke)) {
                return;
            }
        }
        armSilenceTimer();
    }

    private synchronized void replyFailed(int of, LlmException failure) {
        if (of != generation || ended) {
            return;
        }
        log.warn("The model failed on call {}: {}", call.callId(), failure.getMessage());
        finishReplyAsHeard();
        end(EndedBy.LLM_ERROR, ERROR_GOODBYE, null);
    }

    /** True when the tool ended the call. A tool the agent was not offered is ignored. */
    private boolean act(ToolCall tool, boolean spoke) {
        String goodbye = spoke ? null : TOOL_GOODBYE;
        switch (tool.name()) {
            case ConversationTools.END_CALL -> end(EndedBy.END_CALL, goodbye, null);
            case ConversationTools.OPT_OUT -> {
                services.commands().send(new OptOutContactCommand(call.contactId(), call.accountId(), call.campaignId(), call.callId()))
                        .exceptionally(error -> {
                            log.error("Opting out the contact of call {} failed", call.callId(), error);
                            return null;
                        });
                end(EndedBy.OPT_OUT, goodbye, null);
            }
            case ConversationTools.TRANSFER -> {
                if (!ConversationTools.offersTransfer(call.agent())) {
                    return false;
                }
                end(EndedBy.TRANSFER, goodbye, call.agent().transferNumber());
            }
            default -> {
                log.warn("Call {}: the model called an unknown tool {}", call.callId(), tool.name());
                return false;
            }
        }
        return true;
    }

    /** Says the goodbye (when given), then hands the transcript over; the session ends once it is stored. */
    private void end(EndedBy reason, String goodbye, String transferNumber) {
        ended = true;
        stopSilenceTimer();
        cancelReply();
        if (goodbye != null) {
            transcript.agent(goodbye, nowMs());
            // after a reply cut short by a failure the goodbye continues the same utterance
            socket.send(RelayFrames.text(utteranceOpen ? " " + goodbye : goodbye, true));
            utteranceOpen = false;
        }
        boolean hangUpOurselves = reason != EndedBy.CALLEE_HUNG_UP;
        services.ending().finish(new FinishedConversation(call, transcript.snapshot(), reason, transferNumber), () -> {
            if (hangUpOurselves) {
                socket.send(RelayFrames.end(reason == EndedBy.TRANSFER ? "transfer" : "hangup", reason.column(), transferNumber));
            }
        });
    }

    private void cancelReply() {
        generation++;
        if (reply != null) {
            reply.cancel();
            reply = null;
        }
    }

    /** The reply so far stays in the transcript and goes into the model's history as the agent's words. */
    private void finishReplyAsHeard() {
        if (replyTurn != null && !replyTurn.text().isBlank()) {
            history.add(ChatMessage.assistant(replyTurn.text()));
        }
        replyTurn = null;
        if (reply != null) {
            cancelReply();
        }
    }

    private void armSilenceTimer() {
        stopSilenceTimer();
        int armedAt = generation;
        silenceTimer = services.timers().schedule(() -> silence(armedAt),
                services.settings().silenceTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void silence(int armedAt) {
        if (!ended && armedAt == generation) {
            end(EndedBy.SILENCE, SILENCE_GOODBYE, null);
        }
    }

    private void stopSilenceTimer() {
        if (silenceTimer != null) {
            silenceTimer.cancel(false);
            silenceTimer = null;
        }
    }

    private long nowMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
