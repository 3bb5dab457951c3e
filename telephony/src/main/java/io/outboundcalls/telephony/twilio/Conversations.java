package io.outboundcalls.telephony.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.events.call.TranscriptTurn;
import io.outboundcalls.platform.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads {@code telephony.conversations}, which the relay writes once a conversation is over (docs/telephony-conversation.md). */
class Conversations {

    /** What the relay recorded of one conversation. */
    record Conversation(List<TranscriptTurn> transcript, String summary, Map<String, Object> analysis, String endedBy,
                        String transferNumber) {
    }

    private final JdbcTemplate jdbc;

    Conversations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Conversation> find(String callId) {
        return jdbc.query("select transcript::text, summary, analysis::text, ended_by, transfer_number from telephony.conversations where call_id = ?",
                (rs, i) -> new Conversation(turns(rs.getString(1)), rs.getString(2), analysis(rs.getString(3)), rs.getString(4),
                        rs.getString(5)), callId).stream().findFirst();
    }

    /** Turns are stored as {@code {"role", "text", "start_ms", "end_ms"}}. */
    private static List<TranscriptTurn> turns(String json) {
        List<TranscriptTurn> turns = new ArrayList<>();
        for (JsonNode turn : read(json)) {
            turns.add(new TranscriptTurn(turn.path("role").asText(), turn.path("text").asText(), turn.path("start_ms").asLong(),
                    turn.path("end_ms").asLong()));
        }
        return turns;
    }

    private static Map<String, Object> analysis(String json) {
        return Json.MAPPER.convertValue(read(json), new TypeReference<Map<String, Object>>() { });
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored conversation", e);
        }
    }
}
