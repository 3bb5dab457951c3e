package io.outboundcalls.telephony.twilio;

import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AnalysisSettings;
import io.outboundcalls.events.agent.VoicemailSettings;
import io.outboundcalls.events.contact.ContactDetails;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A dial request and settings as the dialer and configuration would give them. */
final class TwilioFixtures {

    static final TwilioProperties PROPERTIES = new TwilioProperties("AC00000000000000000000000000000000", "token", null, null,
            "https://api.twilio.com", "https://calls.example.com/", "+15005550006");
    static final TwilioCallSettings SETTINGS = new TwilioCallSettings(Duration.ofSeconds(25), Duration.ofSeconds(30), 3,
            Duration.ofMillis(10));

    private TwilioFixtures() {
    }

    static AgentSettings agent(String firstMessage, String voice) {
        return new AgentSettings("Ava", "You help {{first_name}}.", firstMessage, voice, "en-GB", 120,
                new VoicemailSettings(VoicemailSettings.LEAVE_MESSAGE, "Hi {{first_name}}, call us back."), "+442079460999",
                new AnalysisSettings(true, List.of()), Map.of());
    }

    static DialRequest request(String from, AgentSettings agent) {
        return new DialRequest("call_01ABC", "acct_1", "camp_1", "contact_1", "+442079460001", from, 1, agent,
                new ContactDetails("+442079460001", "020 7946 0001", "Zoë", "O'Neil", null, Map.of("product", "solar & wind")));
    }
}
