package io.outboundcalls.telephony.recording;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The default store: {@code telephony.recordings} in the service's own database (a call minute of WAV is about 1 MB). */
final class PostgresRecordingStore implements RecordingStore {

    private final JdbcTemplate jdbc;

    PostgresRecordingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(String callId, String contentType, byte[] content) {
        jdbc.update("insert into telephony.recordings (call_id, content_type, content) values (?, ?, ?) on conflict (call_id) do nothing",
                callId, contentType, content);
    }

    @Override
    public Optional<byte[]> find(String callId) {
        return jdbc.query("select content from telephony.recordings where call_id = ?", (rs, i) -> rs.getBytes(1), callId)
                .stream().findFirst();
    }
}
