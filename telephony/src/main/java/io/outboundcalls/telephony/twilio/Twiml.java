package io.outboundcalls.telephony.twilio;

import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.command.telephony.PromptVariables;
import io.outboundcalls.events.agent.AgentSettings;
import java.util.regex.Pattern;

/** The TwiML documents we give Twilio, built as text with every attribute and text escaped. */
final class Twiml {

    /** Twilio's limit on the {@code Twiml} parameter of Calls.json. */
    static final int MAX_LENGTH = 4_000;
    /** Voices {@code <Say>} speaks: Twilio's basic ones and the Polly and Google families. */
    private static final Pattern SAY_VOICE = Pattern.compile("^(man|woman|alice|(Polly|Google)\\..+)$");

    private Twiml() {
    }

    /**
     * The call's document: connect the callee to our relay websocket, greeted by the agent's first message
     * (variables filled); when the session ends Twilio asks the {@code <Connect action>} what next. A greeting
     * that would make the document too long for Calls.json is shortened at a word.
     */
    static String relay(TwilioUrls urls, DialRequest request) {
        AgentSettings agent = request.agent();
        String greeting = PromptVariables.fill(agent.firstMessage(), request.contact());
        String document = relay(urls, request, agent, greeting);
        while (document.length() > MAX_LENGTH && !greeting.isEmpty()) {
            int cut = greeting.lastIndexOf(' ', Math.max(0, greeting.length() - (document.length() - MAX_LENGTH) - 1));
            greeting = cut <= 0 ? "" : greeting.substring(0, cut);
            document = relay(urls, request, agent, greeting);
        }
        return document;
    }

    private static String relay(TwilioUrls urls, DialRequest request, AgentSettings agent, String greeting) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect action=\"")
                .append(escape(urls.callback(TwilioUrls.RELAY_ENDED, request.callId()))).append("\">")
                .append("<ConversationRelay url=\"").append(escape(urls.relay())).append('"');
        if (!greeting.isEmpty()) {
            xml.append(" welcomeGreeting=\"").append(escape(greeting)).append('"');
        }
        xml.append(" language=\"").append(escape(agent.language() == null ? "en-US" : agent.language())).append('"');
        if (agent.voice() != null && !agent.voice().isBlank()) {
            xml.append(" voice=\"").append(escape(agent.voice())).append('"');
        }
        return xml.append(" interruptible=\"any\" dtmfDetection=\"true\"><Parameter name=\"call_id\" value=\"")
                .append(escape(request.callId())).append("\"/></ConversationRelay></Connect></Response>").toString();
    }

    /** Leaves the message on the machine, then hangs up. */
    static String voicemail(String message, AgentSettings agent) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say");
        if (agent.voice() != null && SAY_VOICE.matcher(agent.voice()).matches()) {
            xml.append(" voice=\"").append(escape(agent.voice())).append('"');
        }
        xml.append(" language=\"").append(escape(agent.language() == null ? "en-US" : agent.language())).append("\">");
        return xml.append(escape(message)).append("</Say><Hangup/></Response>").toString();
    }

    static String dial(String number) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial>" + escape(number) + "</Dial></Response>";
    }

    static String hangUp() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
