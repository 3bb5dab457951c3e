package io.outboundcalls.telephony.relay;

import static io.outboundcalls.platform.NamedThreads.numbered;

import io.outboundcalls.telephony.CallFinisher;
import io.outboundcalls.telephony.llm.LlmClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * After a session: the analysis completion (asynchronous, no thread waits on it), then on a small pool of
 * its own the row in {@code telephony.conversations}, then — the row stored — the {@code end} frame that
 * makes Twilio hang up or transfer, then the finisher. The row before {@code end}, so Twilio's
 * {@code <Connect action>} callback always finds it; the pause the analysis adds lets Twilio finish speaking
 * the goodbye.
 */
@Component
@ConditionalOnProperty(name = "outboundcalls.telephony.provider", havingValue = "twilio")
class ConversationEnding implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConversationEnding.class);
    private static final int THREADS = 2;

    private final LlmClient llm;
    private final ConversationStore store;
    private final CallFinisher finisher;
    private final ExecutorService executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), numbered("conversation-end"));

    ConversationEnding(LlmClient llm, ConversationStore store, CallFinisher finisher) {
        this.llm = llm;
        this.store = store;
        this.finisher = finisher;
    }

    /** Returns at once; {@code afterStored} runs once the row is in (the {@code end} frame). */
    void finish(FinishedConversation conversation, Runnable afterStored) {
        String callId = conversation.call().callId();
        CallAnalysis.analyze(llm, callId, conversation.call().agent(), conversation.transcript())
                .thenAcceptAsync(analysis -> {
                    store.insert(conversation, analysis);
                    afterStored.run();
                    finisher.conversationFinished(callId);
                }, executor)
                .exceptionally(error -> {
                    log.error("Call {}: storing the conversation failed", callId, error);
                    afterStored.run();
                    return null;
                });
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
