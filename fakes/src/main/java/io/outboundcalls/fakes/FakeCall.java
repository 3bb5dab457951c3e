package io.outboundcalls.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** One call Twilio was asked to place: the form it was given, and where the call is now. */
final class FakeCall {

    final String sid;
    final Map<String, List<String>> form;
    final Instant created = Instant.now();
    final AtomicInteger sequence = new AtomicInteger();
    volatile String status = "queued";
    volatile Instant answeredAt;
    volatile Integer duration;
    /** The service asked for the call to end ({@code Status=completed|canceled}) or gave it new TwiML (a voicemail). */
    volatile String update;

    FakeCall(String sid, Map<String, List<String>> form) {
        this.sid = sid;
        this.form = form;
    }

    String first(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String to() {
        return first("To");
    }

    /** The callee's behaviour, by the last two digits of the number, as the simulator's magic numbers. */
    String script() {
        String to = to() == null ? "" : to();
        return to.length() < 2 ? "" : to.substring(to.length() - 2);
    }
}
