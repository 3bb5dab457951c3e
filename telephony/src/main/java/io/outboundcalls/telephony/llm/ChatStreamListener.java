package io.outboundcalls.telephony.llm;

/**
 * Receives one streamed completion as it arrives, on the HTTP client's threads: any number of
 * {@link #onText} then exactly one of {@link #onComplete} or {@link #onFailure} — none after the stream
 * was cancelled.
 */
public interface ChatStreamListener {

    void onText(String delta);

    void onComplete(ChatCompletion completion);

    void onFailure(LlmException failure);
}
