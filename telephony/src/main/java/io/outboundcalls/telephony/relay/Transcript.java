package io.outboundcalls.telephony.relay;

import io.outboundcalls.events.call.TranscriptTurn;
import java.util.ArrayList;
import java.util.List;

/** The turns of one session, times in ms since the session's setup; the agent's last turn can still be cut short. */
final class Transcript {

    private final List<Turn> turns = new ArrayList<>();

    Turn agent(String text, long startMs) {
        return add("agent", text, startMs);
    }

    Turn contact(String text, long atMs) {
        return add("contact", text, atMs);
    }

    /** The agent's latest turn, if the callee has not spoken since. */
    Turn lastAgentTurn() {
        return turns.isEmpty() || !turns.get(turns.size() - 1).role.equals("agent") ? null : turns.get(turns.size() - 1);
    }

    /** Turns with text; a reply interrupted before its first word is not a turn. */
    List<TranscriptTurn> snapshot() {
        return turns.stream().filter(turn -> !turn.text.isBlank())
                .map(turn -> new TranscriptTurn(turn.role, turn.text.strip(), turn.startMs, Math.max(turn.startMs, turn.endMs)))
                .toList();
    }

    private Turn add(String role, String text, long startMs) {
        Turn turn = new Turn(role, text, startMs);
        turns.add(turn);
        return turn;
    }

    static final class Turn {
        private final String role;
        private String text;
        private final long startMs;
        private long endMs;

        private Turn(String role, String text, long startMs) {
            this.role = role;
            this.text = text;
            this.startMs = startMs;
            this.endMs = startMs;
        }

        void append(String more, long atMs) {
            text = text + more;
            endMs = atMs;
        }

        /** Only this much was heard, ending {@code durationMs} after the turn began. */
        void cutTo(String spoken, long durationMs) {
            text = spoken;
            endMs = startMs + durationMs;
        }

        String text() {
            return text;
        }
    }
}
