package io.outboundcalls.telephony.twilio;

/** Twilio refused a request: its HTTP status and, from its JSON error, {@code code} and {@code message}. */
class TwilioApiException extends RuntimeException {

    private final int httpStatus;
    private final Integer code;

    TwilioApiException(int httpStatus, Integer code, String message) {
        super("Twilio answered " + httpStatus + (code == null ? "" : " (error " + code + ")") + ": " + message);
        this.httpStatus = httpStatus;
        this.code = code;
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
