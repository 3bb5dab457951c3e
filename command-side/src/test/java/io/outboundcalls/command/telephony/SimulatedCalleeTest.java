package io.outboundcalls.command.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AnalysisSettings;
import io.outboundcalls.events.agent.VoicemailSettings;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.contact.ContactDetails;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedCalleeTest {

    private static final AgentSettings AGENT = new AgentSettings("Ava", "You sell {{product}} to {{first_name}}. Be brief.",
            "Hi {{first_name}}, it's Ava about your {{product}} order.", null, "en-US", 300,
            new VoicemailSettings(VoicemailSettings.LEAVE_MESSAGE, "Hi {{first_name}}, please call us back."), null,
            AnalysisSettings.DEFAULT, Map.of());
    private static final ContactDetails CONTACT = new ContactDetails("+442079460000", "020 7946 0000", "Jane", "Doe",
            "jane@example.com", Map.of("product", "solar panel"));

    private static SimulatedCallee.Plan plan(String number, int attempt) {
        return SimulatedCallee.plan(new DialRequest("call_1", "acct_1", "camp_1", "cont_1", number, null, attempt, AGENT, CONTACT));
    }

    @Test
    void magicNumbersDecideTheOutcome() {
        assertThat(plan("+442079460001", 1).outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(plan("+442079460002", 1).outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(plan("+442079460003", 1).outcome()).isEqualTo(CallOutcome.VOICEMAIL);
        assertThat(plan("+442079460004", 1).outcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(plan("+442079460005", 1).outcome()).isEqualTo(CallOutcome.OPTED_OUT);
        assertThat(plan("+442079460006", 1).outcome()).isEqualTo(CallOutcome.MAX_DURATION);
        assertThat(plan("+442079460007", 1).outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(plan("+442079460007", 2).outcome()).isEqualTo(CallOutcome.COMPLETED);
        assertThat(plan("+442079460010", 1).outcome()).isEqualTo(CallOutcome.COMPLETED);
    }

    @Test
    void theTranscriptFillsVariablesFromContactFieldsAndMetadata() {
        SimulatedCallee.Plan plan = plan("+442079460010", 1);
        assertThat(plan.transcript().get(0).text()).isEqualTo("Hi Jane, it's Ava about your solar panel order.");
        assertThat(plan.transcript()).anyMatch(turn -> turn.text().contains("you sell solar panel to Jane."));
        assertThat(plan.transcript()).extracting("role").contains("agent", "contact");
        assertThat(plan.summary()).isNotBlank();
    }

    @Test
    void aLongCallStopsAtTheAgentsMaximumDuration() {
        SimulatedCallee.Plan plan = plan("+442079460006", 1);
        assertThat(plan.talkMs()).isBetween(300_000L, 301_000L);
    }

    @Test
    void voicemailLeavesTheAgentsMessage() {
        SimulatedCallee.Plan plan = plan("+442079460003", 1);
        assertThat(plan.answeredBy()).isEqualTo("voicemail");
        assertThat(plan.transcript()).anyMatch(turn -> turn.text().equals("Hi Jane, please call us back."));
    }

    @Test
    void theRecordingIsAValidWavOfTheCallsLength() {
        byte[] wav = Wav.tone(2_500);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 4)).isEqualTo("WAVE");
        assertThat(b.getInt(24)).isEqualTo(8000);
        assertThat(b.getInt(40)).isEqualTo(2_500 * 16);
        assertThat(wav).hasSize(44 + 2_500 * 16);
    }
}
