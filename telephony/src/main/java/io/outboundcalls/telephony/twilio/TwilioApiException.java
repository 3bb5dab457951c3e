package io.outboundcalls.telephony.twilio;

/** Twilio refused a request: its HTTP status and, from its JSON error, {@code code} and {@code message}. */
class TwilioApiException extends RuntimeException {

    private final int httpStatus;
    private final Integer code;
    private final String twilioMessage;

    TwilioApiException(int httpStatus, Integer code, String twilioMessage) {
        super("Twilio answered " + httpStatus + (code == null ? "" : " (error " + code + ")") + ": " + twilioMessage);
        this.httpStatus = httpStatus;
        this.code = code;
        this.twilioMessage = twilioMessage;
    }

    /** What a call's {@code end_reason} says of a refusal: Twilio's code (else the HTTP status) and message. */
    String endReason() {
        return "twilio error " + (code == null ? "http " + httpStatus : code) + ": " + twilioMessage;
    }

    int httpStatus() {
        return httpStatus;
    }

    Integer code() {
        return code;
    }

    /** Never processed (429) or a failure on Twilio's side (5xx): the same request may be sent again. */
    boolean retryable() {
        return httpStatus == 429 || httpStatus >= 500;
    }
}
