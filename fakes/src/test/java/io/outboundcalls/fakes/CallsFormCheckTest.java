package io.outboundcalls.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallsFormCheckTest {

    /** The form the Twilio adapter sends (CallForm), field for field. */
    private static Map<String, List<String>> adapterForm() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        put(form, "To", "+14155550100");
        put(form, "From", "+15005550006");
        put(form, "Twiml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect action=\"https://calls.example.com/x\">"
                + "<ConversationRelay url=\"wss://calls.example.com/telephony/twilio/relay\"/></Connect></Response>");
        put(form, "StatusCallback", "https://calls.example.com/telephony/twilio/status/call_1");
        put(form, "StatusCallbackMethod", "POST");
        for (String event : List.of("initiated", "ringing", "answered", "completed")) {
            put(form, "StatusCallbackEvent", event);
        }
        put(form, "MachineDetection", "DetectMessageEnd");
        put(form, "AsyncAmd", "true");
        put(form, "AsyncAmdStatusCallback", "https://calls.example.com/telephony/twilio/amd/call_1");
        put(form, "AsyncAmdStatusCallbackMethod", "POST");
        put(form, "Record", "true");
        put(form, "RecordingStatusCallback", "https://calls.example.com/telephony/twilio/recording/call_1");
        put(form, "RecordingStatusCallbackMethod", "POST");
        put(form, "RecordingStatusCallbackEvent", "completed");
        put(form, "RecordingStatusCallbackEvent", "absent");
        put(form, "Timeout", "30");
        put(form, "TimeLimit", "600");
        return form;
    }

    private static void put(Map<String, List<String>> form, String name, String value) {
        form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private static Map<String, List<String>> with(String name, String value) {
        Map<String, List<String>> form = adapterForm();
        if (value == null) {
            form.remove(name);
        } else {
            form.put(name, new ArrayList<>(List.of(value)));
        }
        return form;
    }

    @Test
    void acceptsTheAdaptersForm() {
        assertThat(CallsFormCheck.refusal(adapterForm())).isNull();
        assertThat(CallsFormCheck.refusal(with("Twiml", null))).extracting(CallsFormCheck.Refusal::code).isEqualTo(21205);
        Map<String, List<String>> byUrl = with("Twiml", null);
        put(byUrl, "Url", "https://calls.example.com/twiml");
        assertThat(CallsFormCheck.refusal(byUrl)).isNull();
    }

    @Test
    void refusesMissingOrInvalidNumbersWithTwiliosCodes() {
        assertThat(CallsFormCheck.refusal(with("To", null)).code()).isEqualTo(21201);
        assertThat(CallsFormCheck.refusal(with("To", "4155550100")).code()).isEqualTo(21211);
        assertThat(CallsFormCheck.refusal(with("From", null)).code()).isEqualTo(21213);
        assertThat(CallsFormCheck.refusal(with("From", "+0123")).code()).isEqualTo(21212);
    }

    @Test
    void refusesInstructionsAndCallbacksTwilioCouldNotUse() {
        assertThat(CallsFormCheck.refusal(with("Twiml", "hello")).code()).isEqualTo(21200);
        assertThat(CallsFormCheck.refusal(with("Twiml", "<Response>" + "x".repeat(4_000) + "</Response>")).code()).isEqualTo(21200);
        assertThat(CallsFormCheck.refusal(with("StatusCallback", "/relative")).code()).isEqualTo(21200);
        assertThat(CallsFormCheck.refusal(with("StatusCallbackMethod", "PUT")).code()).isEqualTo(21200);
        assertThat(CallsFormCheck.refusal(with("StatusCallbackEvent", "queued")).code()).isEqualTo(21200);
        assertThat(CallsFormCheck.refusal(with("RecordingStatusCallbackEvent", "started")).code()).isEqualTo(21200);
        assertThat(CallsFormCheck.refusal(with("MachineDetection", "Detect")).code()).isEqualTo(21200);
        assertThat(CallsFormCheck.refusal(with("Record", "yes")).code()).isEqualTo(21200);
    }

    @Test
    void refusesRingTimeoutsAndTimeLimitsOutOfRange() {
        assertThat(CallsFormCheck.refusal(with("Timeout", "601")).code()).isEqualTo(21200);
        assertThat(CallsFormCheck.refusal(with("Timeout", "ten")).code()).isEqualTo(21200);
        assertThat(CallsFormCheck.refusal(with("TimeLimit", "0")).code()).isEqualTo(21200);
        assertThat(CallsFormCheck.refusal(with("TimeLimit", "86400"))).isNull();
    }
}
