package io.outboundcalls.webhooks.payload;

import io.outboundcalls.events.call.TranscriptTurn;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A call's transcript: {@code GET /v1/calls/:id/transcript} and the {@code transcript} of
 * {@code call.completed}; {@code text} is one {@code role: words} line per turn.
 */
public record TranscriptResponse(String callId, String object, List<Turn> turns, String text) {

    public record Turn(String role, String text, long startMs, long endMs) {
    }

    public static TranscriptResponse of(String callId, List<TranscriptTurn> turns) {
        List<TranscriptTurn> safe = turns == null ? List.of() : turns;
        return new TranscriptResponse(callId, "transcript",
                safe.stream().map(t -> new Turn(t.role(), t.text(), t.startMs(), t.endMs())).toList(), text(safe));
    }

    /** The plain-text transcript, as {@code text/plain} serves it (without the final newline). */
    public static String text(List<TranscriptTurn> turns) {
        return turns.stream().map(turn -> turn.role() + ": " + turn.text()).collect(Collectors.joining("\n"));
    }
}
