package io.outboundcalls.telephony.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.outboundcalls.events.call.TranscriptTurn;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads {@code telephony.conversations}, which the relay writes once a conversation is over (TELEPHONY.md contract 3). */
class Conversations {

    /** What the relay recorded of one conversation. */
    record Conversation(List<TranscriptTurn> transcript, String summary, Map<String, Object> analysis, String endedBy,
                        String transferNumber) {
    }

    /** Turns are stored with snake_case offsets ({@code start_ms}, {@code end_ms}). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final JdbcTemplate jdbc;

    Conversations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Conversation> find(String callId) {
        return jdbc.query("select transcript::text, summary, analysis::text, ended_by, transfer_number from telephony.conversations where call_id = ?",
                (rs, i) -> new Conversation(read(rs.getString(1), new TypeReference<List<TranscriptTurn>>() { }), rs.getString(2),
                        read(rs.getString(3), new TypeReference<Map<String, Object>>() { }), rs.getString(4), rs.getString(5)),
                callId).stream().findFirst();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored conversation", e);
        }
    }
}
