package io.outboundcalls.query.call;

import com.fasterxml.jackson.core.type.TypeReference;
import io.outboundcalls.events.call.CallCompletedEvent;
import io.outboundcalls.events.call.CallFailedEvent;
import io.outboundcalls.events.call.CallPlacedEvent;
import io.outboundcalls.events.call.CallProviderAssignedEvent;
import io.outboundcalls.events.call.CallRecordingAddedEvent;
import io.outboundcalls.events.call.CallRingingEvent;
import io.outboundcalls.events.call.CallStartedEvent;
import io.outboundcalls.events.call.TranscriptTurn;
import io.outboundcalls.platform.Json;
import io.outboundcalls.query.common.AccountRows;
import io.outboundcalls.query.common.ApiJson;
import io.outboundcalls.query.common.KeysetPager;
import io.outboundcalls.query.common.Page;
import io.outboundcalls.query.common.ReadModel;
import io.outboundcalls.query.common.StoredJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The calls read model. Every update is guarded by the event's sequence number, so a
 * redelivered event never moves a call backwards.
 */
@Component
@ReadModel
@ProcessingGroup(CallProjection.PROCESSING_GROUP)
public class CallProjection {

    public static final String PROCESSING_GROUP = "calls";
    /** The status of a call that ended after we hung it up; its outcome says how far it got. */
    private static final String CANCELED = "canceled";
    private static final String COLUMNS = """
            id, account_id, campaign_id, agent_id, contact_id, to_number, from_number, attempt, status, answered_by,
                   outcome, end_reason, queued_at, started_at, answered_at, ended_at, duration_seconds, billed_seconds,
                   credits_charged, summary, analysis::text, recording_ref, created_at, version, provider, provider_call_id,
                   test_mode""";
    private static final String SELECT = "select " + COLUMNS + " from query.calls";
    /** Every write returns the row as it now is, whose JSON is then stored ({@link StoredJson}). */
    private static final String RETURNING = " returning " + COLUMNS;
    private static final RowMapper<CallView> ROW = CallProjection::map;
    private static final Function<String, List<TranscriptTurn>> TURNS = Json.reader(new TypeReference<List<TranscriptTurn>>() { });

    private final JdbcTemplate jdbc;
    private final StoredJson<CallView> stored;
    private final CampaignCallCounts counts;

    CallProjection(JdbcTemplate jdbc, ApiJson<CallView> json) {
        this.jdbc = jdbc;
        this.stored = new StoredJson<>(jdbc, json, "query.calls", SELECT, ROW, CallView::id, CallView::version);
        this.counts = new CampaignCallCounts(jdbc);
    }

    @EventHandler
    void on(CallPlacedEvent e, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<CallView> placed = stored.write("""
                insert into query.calls (id, account_id, campaign_id, agent_id, contact_id, to_number, from_number, attempt,
                    status, queued_at, created_at, updated_at, version, provider, test_mode)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""" + RETURNING,
                e.callId(), e.accountId(), e.campaignId(), e.agentId(), e.contactId(), e.to(), e.from(), e.attempt(),
                ts(e.queuedAt()), ts(at), ts(at), sequence, e.provider() == null ? "simulator" : e.provider(), e.inTestMode());
        placed.forEach(call -> counts.placed(call.campaignId()));
    }

    @EventHandler
    void on(CallProviderAssignedEvent e, @SequenceNumber long sequence, @Timestamp Instant at) {
        stored.write("update query.calls set provider = ?, provider_call_id = ?, updated_at = ?, version = ?, api_json = null"
                + " where id = ? and version < ?" + RETURNING,
                e.provider(), e.providerCallId(), ts(at), sequence, e.callId(), sequence);
    }

    /** A recording that came after the end: the call's row gets it (has_recording, GET …/recording) from now on. */
    @EventHandler
    void on(CallRecordingAddedEvent e, @SequenceNumber long sequence, @Timestamp Instant at) {
        stored.write("update query.calls set recording_ref = ?, updated_at = ?, version = ?, api_json = null"
                + " where id = ? and version < ?" + RETURNING,
                e.recordingRef(), ts(at), sequence, e.callId(), sequence);
    }

    @EventHandler
    void on(CallRingingEvent e, @SequenceNumber long sequence, @Timestamp Instant at) {
        stored.write("update query.calls set status = 'ringing', started_at = ?, updated_at = ?, version = ?, api_json = null"
                + " where id = ? and version < ?" + RETURNING,
                ts(e.at()), ts(at), sequence, e.callId(), sequence);
    }

    @EventHandler
    void on(CallStartedEvent e, @SequenceNumber long sequence, @Timestamp Instant at) {
        stored.write("""
                update query.calls set status = 'in_progress', answered_by = ?, answered_at = ?,
                    started_at = coalesce(started_at, ?), updated_at = ?, version = ?, api_json = null
                where id = ? and version < ?""" + RETURNING,
                e.answeredBy(), ts(e.answeredAt()), ts(e.answeredAt()), ts(at), sequence, e.callId(), sequence);
    }

    @EventHandler
    void on(CallCompletedEvent e, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<CallView> ended = stored.write("""
                update query.calls set status = ?, outcome = ?, answered_by = ?, end_reason = ?, retryable = ?,
                    ended_at = ?, duration_seconds = ?, billed_seconds = ?, credits_charged = ?, summary = ?,
                    analysis = ?::jsonb, recording_ref = ?, updated_at = ?, version = ?, api_json = null
                where id = ? and version < ?""" + RETURNING,
                e.wasCanceled() ? CANCELED : "completed", e.outcome().apiName(), e.answeredBy(), e.endReason(), e.retryable(), ts(e.endedAt()), e.durationSeconds(),
                e.billedSeconds(), e.creditsCharged(), e.summary(), Json.write(e.analysis() == null ? Map.of() : e.analysis()),
                e.recordingRef(), ts(at), sequence, e.callId(), sequence);
        ended.forEach(call -> counts.ended(call.campaignId(), call.outcome(), e.retryable(), e.creditsCharged()));
        jdbc.update("insert into query.call_transcripts (call_id, turns) values (?, ?::jsonb) on conflict (call_id) do nothing",
                e.callId(), Json.write(e.transcript() == null ? List.of() : e.transcript()));
    }

    @EventHandler
    void on(CallFailedEvent e, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<CallView> ended = stored.write("""
                update query.calls set status = ?, outcome = ?, end_reason = ?, retryable = ?, ended_at = ?,
                    duration_seconds = 0, billed_seconds = 0, credits_charged = 0, updated_at = ?, version = ?, api_json = null
                where id = ? and version < ?""" + RETURNING,
                e.wasCanceled() ? CANCELED : e.outcome().apiName(), e.outcome().apiName(), e.endReason(), e.retryable(),
                ts(e.endedAt()), ts(at),
                sequence, e.callId(), sequence);
        ended.forEach(call -> counts.ended(call.campaignId(), call.outcome(), e.retryable(), 0));
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate query.calls, query.call_transcripts, query.campaign_call_counts");
    }

    @QueryHandler
    Optional<CallView> handle(FindCallQuery query) {
        return AccountRows.find(jdbc, SELECT + " where id = ?", ROW, query.callId(), query.accountId(), CallView::accountId);
    }

    @QueryHandler
    Optional<TranscriptView> handle(FindTranscriptQuery query) {
        // the account is compared here, not in the statement (AccountRows says why)
        return jdbc.query("""
                select t.turns::text, c.account_id from query.call_transcripts t join query.calls c on c.id = t.call_id
                where t.call_id = ?""", (rs, i) -> query.accountId().equals(rs.getString(2))
                        ? new TranscriptView(query.callId(), TURNS.apply(rs.getString(1))) : null, query.callId())
                .stream().filter(Objects::nonNull).findFirst();
    }

    /**
     * Newest first by the projection's sequence; cursors are call ids, resolved to their sequence. Answered as
     * the API's JSON object of each call, as stored ({@link StoredJson}).
     */
    @QueryHandler
    Page<String> handle(ListCallsQuery q) {
        List<String> where = new ArrayList<>(List.of("account_id = ?"));
        List<Object> args = new ArrayList<>(List.of(q.accountId()));
        filter(where, args, "campaign_id", q.campaignId());
        filter(where, args, "contact_id", q.contactId());
        filter(where, args, "agent_id", q.agentId());
        filter(where, args, "status", q.status());
        filter(where, args, "outcome", q.outcome());
        return stored.complete(KeysetPager.page(jdbc, stored.select(), where, args, q.page(), stored.rows(),
                KeysetPager.Key.sequence("query.calls", q.accountId())));
    }

    private static void filter(List<String> where, List<Object> args, String column, String value) {
        if (value != null) {
            where.add(column + " = ?");
            args.add(value);
        }
    }

    private static CallView map(ResultSet rs, int i) throws SQLException {
        return new CallView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), instant(rs, 13), instant(rs, 14), instant(rs, 15), instant(rs, 16), longOrNull(rs, 17),
                longOrNull(rs, 18), longOrNull(rs, 19), rs.getString(20), analysis(rs.getString(21)), rs.getString(22),
                instant(rs, 23), rs.getLong(24), rs.getString(25), rs.getString(26), rs.getBoolean(27));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> analysis(String json) {
        return json == null ? null : Json.read(json, Map.class);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static java.sql.Timestamp ts(Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }
}
