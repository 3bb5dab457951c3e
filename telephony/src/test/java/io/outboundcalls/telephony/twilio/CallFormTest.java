package io.outboundcalls.telephony.twilio;

import static io.outboundcalls.telephony.twilio.TwilioFixtures.PROPERTIES;
import static io.outboundcalls.telephony.twilio.TwilioFixtures.SETTINGS;
import static io.outboundcalls.telephony.twilio.TwilioFixtures.agent;
import static io.outboundcalls.telephony.twilio.TwilioFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallFormTest {

    @Test
    void placesTheCallWithEveryCallbackDetectionRecordingAndLimit() {
        Form form = CallForm.of(request("+442079460100", agent("Hi {{first_name}}", null)), PROPERTIES, SETTINGS);

        assertThat(form.first("To")).isEqualTo("+442079460001");
        assertThat(form.first("From")).isEqualTo("+442079460100");
        assertThat(form.first("StatusCallback")).isEqualTo("https://calls.example.com/telephony/twilio/status?call_id=call_01ABC");
        assertThat(form.first("StatusCallbackMethod")).isEqualTo("POST");
        assertThat(form.values("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered", "completed");
        assertThat(form.first("MachineDetection")).isEqualTo("DetectMessageEnd");
        assertThat(form.first("AsyncAmd")).isEqualTo("true");
        assertThat(form.first("AsyncAmdStatusCallback")).isEqualTo("https://calls.example.com/telephony/twilio/amd?call_id=call_01ABC");
        assertThat(form.first("Record")).isEqualTo("true");
        assertThat(form.first("RecordingStatusCallback")).isEqualTo("https://calls.example.com/telephony/twilio/recording?call_id=call_01ABC");
        assertThat(form.values("RecordingStatusCallbackEvent")).containsExactly("completed", "absent");
        assertThat(form.first("Timeout")).isEqualTo("25");
        assertThat(form.first("TimeLimit")).isEqualTo("120");
        assertThat(form.first("Twiml")).startsWith("<?xml").contains("<ConversationRelay url=\"wss://calls.example.com/telephony/twilio/relay\"");
    }

    @Test
    void withoutACampaignCallerIdTheConfiguredOneCalls() {
        assertThat(CallForm.of(request(null, agent("Hi", null)), PROPERTIES, SETTINGS).first("From")).isEqualTo("+15005550006");
    }

    @Test
    void repeatedFieldsAreEncodedOncePerValue() {
        String encoded = new Form().add("StatusCallbackEvent", "initiated").add("StatusCallbackEvent", "ringing")
                .add("Twiml", "<Say>a & b</Say>").add("Skipped", null).encode();
        assertThat(encoded).isEqualTo("StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&Twiml=%3CSay%3Ea+%26+b%3C%2FSay%3E");
    }
}
