package io.outboundcalls.telephony.relay;

import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.events.call.TranscriptTurn;
import java.util.List;

/** A conversation as it ended, before its analysis. {@code transferNumber} only when it ended by a transfer. */
record FinishedConversation(DialRequest call, List<TranscriptTurn> transcript, EndedBy endedBy, String transferNumber) {
}
