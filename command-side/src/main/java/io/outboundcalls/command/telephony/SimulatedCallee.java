package io.outboundcalls.command.telephony;

import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AnalysisField;
import io.outboundcalls.events.agent.VoicemailSettings;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.call.TranscriptTurn;
import io.outboundcalls.events.contact.ContactDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens on a simulated call, decided by the last two digits of the number dialed
 * (documented in docs/campaigns.md): 01 busy, 02 no answer, 03 voicemail, 04 failure,
 * 05 the callee opts out, 06 a call that runs until the agent's max_duration_seconds,
 * 07 busy on the first attempt then answered, 08 asks for a person (transferred when the agent
 * has a transfer_number); anything else is a normal conversation. Times are simulated seconds.
 */
final class SimulatedCallee {

    /** The plan of one call: when it rings, is answered, ends, and what was said. */
    record Plan(long ringMs, String answeredBy, long endMs, CallOutcome outcome, String endReason,
                List<TranscriptTurn> transcript, String summary, Map<String, Object> analysis) {

        boolean connected() {
            return answeredBy != null;
        }

        long talkMs() {
            return endMs - ringMs;
        }
    }

    private static final long GAP_MS = 600;
    private static final long NO_ANSWER_MS = 30_000;

    private SimulatedCallee() {
    }

    static Plan plan(DialRequest request) {
        String digits = request.to().replaceAll("\\D", "");
        String magic = digits.length() >= 2 ? digits.substring(digits.length() - 2) : digits;
        int hash = Math.floorMod(request.to().hashCode(), 1000);
        long ringMs = (3 + hash % 6) * 1000L;
        AgentSettings agent = request.agent();
        Map<String, String> vars = variables(request.contact());
        switch (magic) {
            case "01":
                return notConnected(2_000, CallOutcome.BUSY, "busy signal");
            case "02":
                return notConnected(NO_ANSWER_MS, CallOutcome.NO_ANSWER, "no answer after 30 seconds of ringing");
            case "04":
                return notConnected(1_000, CallOutcome.FAILED, "carrier could not connect the call");
            case "07":
                if (request.attempt() == 1) {
                    return notConnected(2_000, CallOutcome.BUSY, "busy signal");
                }
                break;
            case "03":
                return voicemail(ringMs, agent, vars);
            default:
                break;
        }
        Conversation talk = new Conversation();
        talk.agent(opening(agent, vars));
        talk.contact("Hi, yes, this is " + firstNameOr(vars, "me") + ". What is this about?");
        CallOutcome outcome = CallOutcome.COMPLETED;
        String endReason = "conversation ended";
        if (magic.equals("05")) {
            talk.contact("Please take me off your list and do not call me again.");
            talk.agent("I understand. I have removed your number and you will not be called again. Goodbye.");
            outcome = CallOutcome.OPTED_OUT;
            endReason = "callee asked not to be called again";
        } else if (magic.equals("08") && agent.transferNumber() != null) {
            talk.contact("Could I speak to a person, please?");
            talk.agent("Of course, I am transferring you to a colleague now.");
            outcome = CallOutcome.TRANSFERRED;
            endReason = "transferred to " + agent.transferNumber();
        } else {
            talk.agent("I am calling because " + lowerFirst(firstSentence(fill(agent.prompt(), vars))));
            talk.contact("That sounds interesting. Can you send me the details?");
            if (magic.equals("06")) {
                long limitMs = agent.maxDurationSeconds() * 1000L;
                while (talk.at + 5_000 < limitMs && talk.turns.size() < 40) {
                    talk.agent("Certainly. Let me go through the details one by one.");
                    talk.contact("Go on, I have plenty of questions about every part of it.");
                }
                talk.cutAt(limitMs);
                outcome = CallOutcome.MAX_DURATION;
                endReason = "max_duration_seconds reached";
            } else {
                talk.agent("Of course, I will send everything " + (vars.containsKey("email") ? "to " + vars.get("email") : "right away")
                        + ". Thank you for your time" + (vars.containsKey("first_name") ? ", " + vars.get("first_name") : "") + ". Goodbye!");
                talk.contact("Thanks, goodbye.");
            }
        }
        long end = ringMs + talk.at;
        return new Plan(ringMs, "human", end, outcome, endReason, talk.turns,
                agent.analysis().summary() ? summary(outcome, vars) : null, analysis(agent, outcome, hash));
    }

    private static Plan voicemail(long ringMs, AgentSettings agent, Map<String, String> vars) {
        Conversation talk = new Conversation();
        talk.contact("You have reached the voicemail of " + firstNameOr(vars, "this number") + ". Please leave a message after the tone.");
        VoicemailSettings voicemail = agent.voicemail() == null ? VoicemailSettings.DEFAULT : agent.voicemail();
        String reason = "voicemail: hung up without a message";
        if (VoicemailSettings.LEAVE_MESSAGE.equals(voicemail.action()) && voicemail.message() != null) {
            talk.agent(fill(voicemail.message(), vars));
            reason = "voicemail: message left";
        }
        return new Plan(ringMs, "voicemail", ringMs + talk.at, CallOutcome.VOICEMAIL, reason, talk.turns,
                agent.analysis().summary() ? summary(CallOutcome.VOICEMAIL, vars) : null, Map.of());
    }

    private static Plan notConnected(long endMs, CallOutcome outcome, String reason) {
        return new Plan(endMs, null, endMs, outcome, reason, List.of(), null, Map.of());
    }

    private static String opening(AgentSettings agent, Map<String, String> vars) {
        if (agent.firstMessage() != null && !agent.firstMessage().isBlank()) {
            return fill(agent.firstMessage(), vars);
        }
        return "Hello" + (vars.containsKey("first_name") ? " " + vars.get("first_name") : "") + ", this is " + agent.name() + " calling.";
    }

    /** Spoken text: the filled template on one line. */
    static String fill(String template, Map<String, String> vars) {
        return PromptVariables.fill(template, vars).replaceAll("\\s+", " ").strip();
    }

    static Map<String, String> variables(ContactDetails contact) {
        return PromptVariables.of(contact);
    }

    private static String firstNameOr(Map<String, String> vars, String fallback) {
        return vars.getOrDefault("first_name", fallback);
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String sentence = end > 0 ? text.substring(0, end + 1) : text;
        return sentence.length() > 300 ? sentence.substring(0, 300) + "…" : sentence;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String summary(CallOutcome outcome, Map<String, String> vars) {
        String who = vars.containsKey("first_name") ? vars.get("first_name") : "the contact";
        return switch (outcome) {
            case VOICEMAIL -> "Reached the voicemail of " + who + ".";
            case OPTED_OUT -> "Spoke with " + who + ", who asked not to be called again.";
            case TRANSFERRED -> "Spoke with " + who + ", who asked for a person and was transferred.";
            case MAX_DURATION -> "Long conversation with " + who + "; the call reached the agent's maximum duration.";
            default -> "Spoke with " + who + ", who was interested and asked for the details.";
        };
    }

    private static Map<String, Object> analysis(AgentSettings agent, CallOutcome outcome, int hash) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (AnalysisField field : agent.analysis().fields()) {
            Object value = switch (field.type() == null ? "string" : field.type()) {
                case "boolean" -> outcome == CallOutcome.COMPLETED;
                case "number" -> hash % 10;
                case "enum" -> field.options().isEmpty() ? null : field.options().get(hash % field.options().size());
                default -> "simulated " + field.name().replace('_', ' ');
            };
            values.put(field.name(), value);
        }
        return values;
    }

    /** Turns one after the other, each as long as it takes to say (0.4 s a word, at least a second). */
    private static final class Conversation {
        final List<TranscriptTurn> turns = new ArrayList<>();
        long at;

        void agent(String text) {
            add("agent", text);
        }

        void contact(String text) {
            add("contact", text);
        }

        private void add(String role, String text) {
            long length = Math.max(1_000, text.split("\\s+").length * 400L);
            turns.add(new TranscriptTurn(role, text, at, at + length));
            at += length + GAP_MS;
        }

        /** The line is cut when the limit is reached: the last turn ends there. */
        void cutAt(long limitMs) {
            TranscriptTurn last = turns.get(turns.size() - 1);
            turns.set(turns.size() - 1, new TranscriptTurn(last.role(), last.text(), last.startMs(), Math.max(last.startMs(), limitMs)));
            at = limitMs;
        }
    }
}
