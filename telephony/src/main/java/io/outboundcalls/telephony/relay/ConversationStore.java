package io.outboundcalls.telephony.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.outboundcalls.events.call.TranscriptTurn;
import io.outboundcalls.platform.Json;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code telephony.conversations}: one final row per call, written once (a second session for the call changes nothing). */
@Repository
@ConditionalOnProperty(name = "outboundcalls.telephony.provider", havingValue = "twilio")
class ConversationStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ConversationStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(FinishedConversation conversation, CallAnalysis.Result analysis) {
        jdbc.update("insert into telephony.conversations (call_id, transcript, summary, analysis, ended_by, transfer_number, finished_at)"
                        + " values (?, ?::jsonb, ?, ?::jsonb, ?, ?, ?) on conflict (call_id) do nothing",
                conversation.call().callId(), transcriptJson(conversation.transcript()), analysis.summary(),
                json(analysis.fields()), conversation.endedBy().column(), conversation.transferNumber(),
                Timestamp.from(clock.instant()));
    }

    static String transcriptJson(List<TranscriptTurn> transcript) {
        ArrayNode turns = Json.MAPPER.createArrayNode();
        transcript.forEach(turn -> turns.addObject().put("role", turn.role()).put("text", turn.text())
                .put("start_ms", turn.startMs()).put("end_ms", turn.endMs()));
        return turns.toString();
    }

    private static String json(Map<String, Object> value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Analysis values are strings, numbers and booleans", e);
        }
    }
}
