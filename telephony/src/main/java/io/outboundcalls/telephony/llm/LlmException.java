package io.outboundcalls.telephony.llm;

/** The model server failed: an HTTP error, a stream cut short or stalled, or an answer we cannot read. */
public class LlmException extends RuntimeException {

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
