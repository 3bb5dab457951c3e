package io.outboundcalls.query.call;

import io.outboundcalls.events.call.TranscriptTurn;
import java.util.List;

public record TranscriptView(String callId, List<TranscriptTurn> turns) {
}
