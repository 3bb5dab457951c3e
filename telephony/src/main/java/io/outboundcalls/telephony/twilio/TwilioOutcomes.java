package io.outboundcalls.telephony.twilio;

import io.outboundcalls.events.call.CallOutcome;
import java.util.Set;

/** Twilio's words for how a call went, in ours (docs/telephony.md). */
final class TwilioOutcomes {

    /** CallStatus values after which nothing more happens on the call. */
    static final Set<String> FINAL = Set.of("completed", "busy", "failed", "no-answer", "canceled");
    /** SIP "temporarily unavailable": in practice a phone that was not answered. */
    private static final int SIP_TEMPORARILY_UNAVAILABLE = 480;
    /** SIP "busy here" and "busy everywhere". */
    private static final Set<Integer> SIP_BUSY = Set.of(486, 600);

    /** A call that never connected. */
    record NotConnected(CallOutcome outcome, String endReason) {
    }

    private TwilioOutcomes() {
    }

    static boolean isFinal(String callStatus) {
        return FINAL.contains(callStatus);
    }

    static NotConnected notConnected(String callStatus, Integer sipResponseCode) {
        String sip = sipResponseCode == null ? "" : " (SIP " + sipResponseCode + ")";
        return switch (callStatus) {
            case "busy" -> new NotConnected(CallOutcome.BUSY, "busy signal" + sip);
            case "no-answer" -> new NotConnected(CallOutcome.NO_ANSWER, "no answer" + sip);
            case "canceled" -> new NotConnected(CallOutcome.FAILED, "canceled before it was answered");
            default -> {
                if (sipResponseCode != null && sipResponseCode == SIP_TEMPORARILY_UNAVAILABLE) {
                    yield new NotConnected(CallOutcome.NO_ANSWER, "no answer" + sip);
                }
                if (sipResponseCode != null && SIP_BUSY.contains(sipResponseCode)) {
                    yield new NotConnected(CallOutcome.BUSY, "busy signal" + sip);
                }
                yield new NotConnected(CallOutcome.FAILED, "the carrier could not connect the call" + sip);
            }
        };
    }

    /** Twilio's AnsweredBy as our {@code answered_by}: human, voicemail (a machine or fax) or unknown. */
    static String answeredBy(String verdict) {
        if (verdict == null) {
            return "unknown";
        }
        if (verdict.equals("human")) {
            return "human";
        }
        return isMachine(verdict) ? "voicemail" : "unknown";
    }

    static boolean isMachine(String verdict) {
        return verdict != null && (verdict.startsWith("machine_") || verdict.equals("fax"));
    }

    /** With DetectMessageEnd, the greeting is over: the moment to speak to the machine. */
    static boolean isEndOfGreeting(String verdict) {
        return verdict != null && verdict.startsWith("machine_end_");
    }

    /**
     * A connected call's outcome: a machine is a voicemail; then how the conversation ended ({@code endedBy}
     * as the relay recorded it, null without a conversation); a call that lasted the agent's TimeLimit was cut.
     */
    static CallOutcome connected(String verdict, String endedBy, long durationSeconds, int maxDurationSeconds) {
        if (isMachine(verdict)) {
            return CallOutcome.VOICEMAIL;
        }
        if ("opt_out".equals(endedBy)) {
            return CallOutcome.OPTED_OUT;
        }
        if ("transfer".equals(endedBy)) {
            return CallOutcome.TRANSFERRED;
        }
        if (maxDurationSeconds > 0 && durationSeconds >= maxDurationSeconds) {
            return CallOutcome.MAX_DURATION;
        }
        return CallOutcome.COMPLETED;
    }

    static String endReason(CallOutcome outcome, String endedBy, String transferNumber, boolean voicemailLeft) {
        return switch (outcome) {
            case VOICEMAIL -> voicemailLeft ? "voicemail: message left" : "voicemail: hung up without a message";
            case OPTED_OUT -> "callee asked not to be called again";
            case TRANSFERRED -> "transferred" + (transferNumber == null ? "" : " to " + transferNumber);
            case MAX_DURATION -> "max_duration_seconds reached";
            default -> switch (endedBy == null ? "" : endedBy) {
                case "end_call" -> "the agent ended the conversation";
                case "silence" -> "ended after a silence";
                case "turn_limit" -> "ended at the turn limit";
                case "llm_error" -> "ended politely: the language model failed";
                case "callee_hung_up" -> "the callee hung up";
                default -> "call ended without a conversation record";
            };
        };
    }
}
