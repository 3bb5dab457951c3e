package io.outboundcalls.telephony.twilio;

import io.outboundcalls.telephony.twilio.TwilioRestClient.TwilioCall;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places a call with Twilio at most once. Calls.json takes no idempotency key, so an answer that never came back (a
 * timeout, a dropped connection, a 5xx, this node stopping between Twilio's 201 and our record of its sid) leaves it
 * unknown whether Twilio created the call, and creating it again could ring the callee twice. So before any second
 * creation we read Twilio's list of calls to the same number from the same caller id: one created since our first
 * try that no other of our calls has claimed is this one. Only a 429, which Twilio never processed, is sent again
 * without looking.
 */
final class SingleCallCreation {

    private static final Logger log = LoggerFactory.getLogger(SingleCallCreation.class);
    /** Our database's clock and Twilio's may disagree by this much about when the first try was made. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final TwilioRestClient rest;
    private final TwilioCalls calls;
    private final TwilioCallSettings settings;

    SingleCallCreation(TwilioRestClient rest, TwilioCalls calls, TwilioCallSettings settings) {
        this.rest = rest;
        this.calls = calls;
        this.settings = settings;
    }

    /**
     * Twilio's call for this form: the one an earlier try created, when {@code uncertain} says there was an earlier
     * try whose outcome is unknown, else a new one. A 5xx or a lost answer is tried again, after looking.
     */
    TwilioCall place(String callId, Form form, Instant firstTry, boolean uncertain) {
        if (uncertain) {
            Optional<TwilioCall> earlier = createdSince(form, firstTry);
            if (earlier.isPresent()) {
                log.info("Call {} was created by Twilio as {} before this node knew: not placing it again", callId, earlier.get().sid());
                return earlier.get();
            }
        }
        Duration pause = settings.restBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return rest.createCall(form);
            } catch (TwilioApiException e) {
                if (e.httpStatus() < 500 || attempt >= settings.restAttempts()) {
                    throw e;
                }
                log.info("Creating call {} with Twilio: {}; looking before trying again", callId, e.getMessage());
            } catch (UncheckedIOException e) {
                if (attempt >= settings.restAttempts()) {
                    throw e;
                }
                log.info("Creating call {} with Twilio: {}; looking before trying again", callId, e.getMessage());
            }
            sleep(pause);
            pause = pause.multipliedBy(2);
            Optional<TwilioCall> created = createdSince(form, firstTry);
            if (created.isPresent()) {
                return created.get();
            }
        }
    }

    private Optional<TwilioCall> createdSince(Form form, Instant firstTry) {
        Instant since = firstTry.minus(CLOCK_SKEW);
        return rest.listCalls(form.first("To"), form.first("From")).stream()
                .filter(call -> call.sid() != null && call.created() != null && !call.created().isBefore(since))
                .filter(call -> !calls.claimed(call.sid()))
                .min(Comparator.comparing(TwilioCall::created));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to create a call again", e);
        }
    }
}
