package io.outboundcalls.telephony.twilio;

import static io.outboundcalls.telephony.twilio.TwilioFixtures.agent;
import static io.outboundcalls.telephony.twilio.TwilioFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TwimlTest {

    @Test
    void connectsToTheRelayGreetedByTheFirstMessageWithVariablesFilled() throws Exception {
        String xml = Twiml.relay(new TwilioUrls("https://calls.example.com"),
                request(null, agent("Hi {{first_name}}, about {{product}} \"today\"", "en-GB-Journey-D")));

        Document doc = parse(xml);
        Element connect = (Element) doc.getElementsByTagName("Connect").item(0);
        assertThat(connect.getAttribute("action")).isEqualTo("https://calls.example.com/telephony/twilio/relay-ended?call_id=call_01ABC");
        Element relay = (Element) doc.getElementsByTagName("ConversationRelay").item(0);
        assertThat(relay.getAttribute("url")).isEqualTo("wss://calls.example.com/telephony/twilio/relay");
        assertThat(relay.getAttribute("welcomeGreeting")).isEqualTo("Hi Zoë, about solar & wind \"today\"");
        assertThat(relay.getAttribute("language")).isEqualTo("en-GB");
        assertThat(relay.getAttribute("voice")).isEqualTo("en-GB-Journey-D");
        assertThat(relay.getAttribute("interruptible")).isEqualTo("any");
        assertThat(relay.getAttribute("dtmfDetection")).isEqualTo("true");
        Element parameter = (Element) doc.getElementsByTagName("Parameter").item(0);
        assertThat(parameter.getAttribute("name")).isEqualTo("call_id");
        assertThat(parameter.getAttribute("value")).isEqualTo("call_01ABC");
    }

    @Test
    void aPlainHttpBaseGivesAPlainWebsocket() {
        assertThat(new TwilioUrls("http://127.0.0.1:8080/").relay()).isEqualTo("ws://127.0.0.1:8080/telephony/twilio/relay");
    }

    @Test
    void aGreetingTooLongForCallsJsonIsShortenedAtAWord() throws Exception {
        String xml = Twiml.relay(new TwilioUrls("https://calls.example.com"), request(null, agent("word ".repeat(2_000), null)));
        assertThat(xml.length()).isLessThanOrEqualTo(Twiml.MAX_LENGTH);
        assertThat(((Element) parse(xml).getElementsByTagName("ConversationRelay").item(0)).getAttribute("welcomeGreeting"))
                .startsWith("word word").doesNotEndWith(" ");
    }

    @Test
    void voicemailSaysTheMessageThenHangsUp() throws Exception {
        Document doc = parse(Twiml.voicemail("Hi <Zoë> & co", agent("Hi", "Polly.Amy")));
        Element say = (Element) doc.getElementsByTagName("Say").item(0);
        assertThat(say.getTextContent()).isEqualTo("Hi <Zoë> & co");
        assertThat(say.getAttribute("voice")).isEqualTo("Polly.Amy");
        assertThat(doc.getElementsByTagName("Hangup").getLength()).isEqualTo(1);
        assertThat(((Element) parse(Twiml.voicemail("x", agent("Hi", "en-GB-Journey-D"))).getElementsByTagName("Say").item(0))
                .hasAttribute("voice")).isFalse();
    }

    @Test
    void dialAndHangUp() throws Exception {
        assertThat(parse(Twiml.dial("+442079460999")).getElementsByTagName("Dial").item(0).getTextContent()).isEqualTo("+442079460999");
        assertThat(parse(Twiml.hangUp()).getElementsByTagName("Hangup").getLength()).isEqualTo(1);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
