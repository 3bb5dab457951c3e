package io.outboundcalls.events.campaign;

import java.util.List;

/** At most {@code maxAttempts} per contact, the next no sooner than {@code delayMinutes} after the last ended. */
public record RetryRules(int maxAttempts, int delayMinutes, List<String> retryOn) {

    public static final List<String> DEFAULT_RETRY_ON = List.of("no_answer", "busy", "failed");
}
