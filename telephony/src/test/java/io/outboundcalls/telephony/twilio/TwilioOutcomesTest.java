package io.outboundcalls.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.outboundcalls.events.call.CallOutcome;
import org.junit.jupiter.api.Test;

class TwilioOutcomesTest {

    @Test
    void callsThatNeverConnectedMapToTheirOutcome() {
        assertThat(TwilioOutcomes.notConnected("busy", null).outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(TwilioOutcomes.notConnected("no-answer", null).outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(TwilioOutcomes.notConnected("failed", null).outcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(TwilioOutcomes.notConnected("canceled", null).outcome()).isEqualTo(CallOutcome.FAILED);
    }

    @Test
    void sipTemporarilyUnavailableIsANoAnswerAndBusyHereIsBusy() {
        assertThat(TwilioOutcomes.notConnected("failed", 480).outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(TwilioOutcomes.notConnected("failed", 486).outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(TwilioOutcomes.notConnected("failed", 503).endReason()).contains("SIP 503");
    }

    @Test
    void answeredByVerdicts() {
        assertThat(TwilioOutcomes.answeredBy("human")).isEqualTo("human");
        assertThat(TwilioOutcomes.answeredBy("machine_end_beep")).isEqualTo("voicemail");
        assertThat(TwilioOutcomes.answeredBy("fax")).isEqualTo("voicemail");
        assertThat(TwilioOutcomes.answeredBy("unknown")).isEqualTo("unknown");
        assertThat(TwilioOutcomes.answeredBy(null)).isEqualTo("unknown");
        assertThat(TwilioOutcomes.isEndOfGreeting("machine_end_silence")).isTrue();
        assertThat(TwilioOutcomes.isEndOfGreeting("machine_start")).isFalse();
    }

    @Test
    void connectedOutcomes() {
        assertThat(TwilioOutcomes.connected("machine_end_other", null, 20, 600)).isEqualTo(CallOutcome.VOICEMAIL);
        assertThat(TwilioOutcomes.connected("human", "opt_out", 20, 600)).isEqualTo(CallOutcome.OPTED_OUT);
        assertThat(TwilioOutcomes.connected("human", "transfer", 20, 600)).isEqualTo(CallOutcome.TRANSFERRED);
        assertThat(TwilioOutcomes.connected("human", "callee_hung_up", 600, 600)).isEqualTo(CallOutcome.MAX_DURATION);
        assertThat(TwilioOutcomes.connected(null, "end_call", 42, 600)).isEqualTo(CallOutcome.COMPLETED);
        assertThat(TwilioOutcomes.connected(null, null, 42, 600)).isEqualTo(CallOutcome.COMPLETED);
    }
}
