package io.outboundcalls.fakes;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks Twilio makes on a {@code POST Calls.json} form before it creates a call, with its error codes:
 * a caller that sends a form real Twilio would refuse is refused here too (400), never dialed.
 */
final class CallsFormCheck {

    /** Twilio's refusal: its error code and message. */
    record Refusal(int code, String message) {
    }

    private static final int MAX_TWIML_LENGTH = 4_000;
    private static final String E164 = "\\+[1-9]\\d{6,14}";
    private static final Set<String> METHODS = Set.of("GET", "POST");
    private static final Set<String> STATUS_EVENTS = Set.of("initiated", "ringing", "answered", "completed");
    private static final Set<String> RECORDING_EVENTS = Set.of("in-progress", "completed", "absent");
    private static final Set<String> MACHINE_DETECTION = Set.of("Enable", "DetectMessageEnd");
    private static final Set<String> BOOLEANS = Set.of("true", "false");

    private CallsFormCheck() {
    }

    /** Null when Twilio would create the call. */
    static Refusal refusal(Map<String, List<String>> form) {
        String to = first(form, "To");
        if (to == null || to.isBlank()) {
            return new Refusal(21201, "No 'To' number is specified");
        }
        if (!to.matches(E164)) {
            return new Refusal(21211, "The 'To' number " + to + " is not a valid phone number.");
        }
        String from = first(form, "From");
        if (from == null || from.isBlank()) {
            return new Refusal(21213, "'From' phone number is required");
        }
        if (!from.matches(E164)) {
            return new Refusal(21212, "The 'From' number " + from + " is not a valid phone number, shortcode, or alphanumeric sender ID.");
        }
        String url = first(form, "Url");
        String twiml = first(form, "Twiml");
        if ((url == null || url.isBlank()) && (twiml == null || twiml.isBlank()) && first(form, "ApplicationSid") == null) {
            return new Refusal(21205, "A 'Url', 'Twiml' or 'ApplicationSid' parameter is required.");
        }
        if (url != null && !absoluteHttp(url)) {
            return new Refusal(21205, "Url is not a valid URL: " + url);
        }
        if (twiml != null && !twiml.strip().startsWith("<Response") && !twiml.strip().startsWith("<?xml")) {
            return new Refusal(21200, "Twiml is not a TwiML document");
        }
        if (twiml != null && twiml.length() > MAX_TWIML_LENGTH) {
            return new Refusal(21200, "Twiml is " + twiml.length() + " characters long; the limit is " + MAX_TWIML_LENGTH);
        }
        for (String callback : List.of("StatusCallback", "AsyncAmdStatusCallback", "RecordingStatusCallback")) {
            String value = first(form, callback);
            if (value != null && !absoluteHttp(value)) {
                return new Refusal(21200, "Invalid " + callback + ": " + value);
            }
        }
        for (String method : List.of("Method", "StatusCallbackMethod", "AsyncAmdStatusCallbackMethod", "RecordingStatusCallbackMethod")) {
            Refusal refusal = oneOf(form, method, METHODS);
            if (refusal != null) {
                return refusal;
            }
        }
        Refusal refusal = allOf(form, "StatusCallbackEvent", STATUS_EVENTS);
        if (refusal == null) {
            refusal = allOf(form, "RecordingStatusCallbackEvent", RECORDING_EVENTS);
        }
        if (refusal == null) {
            refusal = oneOf(form, "MachineDetection", MACHINE_DETECTION);
        }
        for (String flag : List.of("AsyncAmd", "Record")) {
            if (refusal == null) {
                refusal = oneOf(form, flag, BOOLEANS);
            }
        }
        if (refusal == null) {
            refusal = integer(form, "Timeout", 1, 600);
        }
        if (refusal == null) {
            refusal = integer(form, "TimeLimit", 1, 86_400);
        }
        return refusal;
    }

    private static Refusal oneOf(Map<String, List<String>> form, String name, Set<String> allowed) {
        String value = first(form, name);
        return value == null || allowed.contains(value) ? null : invalid(name, value);
    }

    private static Refusal allOf(Map<String, List<String>> form, String name, Set<String> allowed) {
        for (String value : form.getOrDefault(name, List.of())) {
            if (!allowed.contains(value)) {
                return invalid(name, value);
            }
        }
        return null;
    }

    private static Refusal integer(Map<String, List<String>> form, String name, int min, int max) {
        String value = first(form, name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            return number >= min && number <= max ? null : invalid(name, value);
        } catch (NumberFormatException e) {
            return invalid(name, value);
        }
    }

    private static Refusal invalid(String name, String value) {
        return new Refusal(21200, "Invalid parameter " + name + ": " + value);
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
