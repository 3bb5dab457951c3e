package io.outboundcalls.events.call;

/** One utterance: {@code role} is {@code agent} or {@code contact}; offsets from the answer, in ms. */
public record TranscriptTurn(String role, String text, long startMs, long endMs) {
}
