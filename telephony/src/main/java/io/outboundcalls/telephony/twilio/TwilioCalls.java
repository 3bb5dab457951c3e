package io.outboundcalls.telephony.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.telephony.PlacedCalls;
import io.outboundcalls.platform.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code telephony.twilio_calls}: written when a call is placed, moved by its callbacks. Callbacks of one call
 * are serialized by locking its row ({@link #lock}), whichever node they reach.
 */
class TwilioCalls implements PlacedCalls {

    private static final String COLUMNS = """
            call_id, request::text, call_sid, status, last_sequence, answered, answered_by, voicemail_at is not null,
            duration_seconds, sip_response_code, completed_at, recording_state, outcome, finished_at""";

    private final JdbcTemplate jdbc;

    TwilioCalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What is known of a call about to be placed: whether an earlier try may have reached Twilio, and when it was. */
    record Registration(State state, Instant firstTry) {

        enum State {
            /** Never tried before. */
            NEW,
            /** Tried before, and Twilio may or may not have created it: look before creating it again. */
            UNCERTAIN,
            /** Twilio named it, or it ended: never placed again. */
            PLACED
        }
    }

    /** Records the call before it is placed, so that a second try knows of the first. */
    Registration register(DialRequest request) {
        boolean first = jdbc.update("insert into telephony.twilio_calls (call_id, request) values (?, ?::jsonb) on conflict (call_id) do nothing",
                request.callId(), write(request)) == 1;
        return jdbc.query("select call_sid is not null or finished_at is not null, placed_at from telephony.twilio_calls where call_id = ?",
                (rs, i) -> new Registration(rs.getBoolean(1) ? Registration.State.PLACED
                        : first ? Registration.State.NEW : Registration.State.UNCERTAIN, rs.getTimestamp(2).toInstant()),
                request.callId()).get(0);
    }

    /** Whether one of our calls is Twilio's call {@code callSid}. */
    boolean claimed(String callSid) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from telephony.twilio_calls where call_sid = ?)",
                Boolean.class, callSid));
    }

    void named(String callId, String callSid) {
        jdbc.update("update telephony.twilio_calls set call_sid = ? where call_id = ? and call_sid is null", callSid, callId);
    }

    @Override
    public Optional<DialRequest> find(String callId) {
        return row(callId).map(PlacedCall::request);
    }

    Optional<PlacedCall> row(String callId) {
        return jdbc.query("select " + COLUMNS + " from telephony.twilio_calls where call_id = ?", TwilioCalls::map, callId)
                .stream().findFirst();
    }

    /** The row, locked until the surrounding transaction ends. */
    Optional<PlacedCall> lock(String callId) {
        return jdbc.query("select " + COLUMNS + " from telephony.twilio_calls where call_id = ? for update", TwilioCalls::map, callId)
                .stream().findFirst();
    }

    void status(String callId, String status, int sequence) {
        jdbc.update("update telephony.twilio_calls set status = ?, last_sequence = ? where call_id = ?", status, sequence, callId);
    }

    void answered(String callId) {
        jdbc.update("update telephony.twilio_calls set answered = true where call_id = ?", callId);
    }

    void ended(String callId, Integer durationSeconds, Integer sipResponseCode, Instant at) {
        jdbc.update("""
                update telephony.twilio_calls set completed_at = coalesce(completed_at, ?), duration_seconds = ?,
                    sip_response_code = ? where call_id = ?""", Timestamp.from(at), durationSeconds, sipResponseCode, callId);
    }

    void answeredBy(String callId, String verdict) {
        jdbc.update("update telephony.twilio_calls set answered_by = ? where call_id = ?", verdict, callId);
    }

    void voicemailHandled(String callId, Instant at) {
        jdbc.update("update telephony.twilio_calls set voicemail_at = ? where call_id = ?", Timestamp.from(at), callId);
    }

    void recording(String callId, String state) {
        jdbc.update("update telephony.twilio_calls set recording_state = ? where call_id = ? and recording_state is null", state, callId);
    }

    void finished(String callId, String outcome, Instant at) {
        jdbc.update("update telephony.twilio_calls set outcome = ?, finished_at = ?, status = case when status = 'placing' then 'failed' else status end where call_id = ?",
                outcome, Timestamp.from(at), callId);
    }

    /** Calls whose final status came in more than {@code wait} ago and whose end is still to report. */
    List<String> overdue(Duration wait, Instant now) {
        return jdbc.queryForList("""
                select call_id from telephony.twilio_calls where finished_at is null and completed_at is not null
                and completed_at < ? order by completed_at limit 100""", String.class, Timestamp.from(now.minus(wait)));
    }

    private static PlacedCall map(ResultSet rs, int i) throws SQLException {
        return new PlacedCall(rs.getString(1), read(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getBoolean(6), rs.getString(7), rs.getBoolean(8), (Integer) rs.getObject(9), (Integer) rs.getObject(10),
                instant(rs.getTimestamp(11)), rs.getString(12), rs.getString(13), instant(rs.getTimestamp(14)));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static String write(DialRequest request) {
        try {
            return Json.MAPPER.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a dial request", e);
        }
    }

    private static DialRequest read(String json) {
        try {
            return Json.MAPPER.readValue(json, DialRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored dial request", e);
        }
    }
}
