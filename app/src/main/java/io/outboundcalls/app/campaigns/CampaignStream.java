package io.outboundcalls.app.campaigns;

import io.outboundcalls.query.call.CallView;
import io.outboundcalls.query.call.FindCallQuery;
import io.outboundcalls.query.campaign.CampaignView;
import io.outboundcalls.webhooks.payload.CallResponse;
import io.outboundcalls.webhooks.payload.CampaignResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's stream of one campaign. A refresh sends the campaign when its object differs from
 * the last one sent, and each call whose row version it has not sent yet. Calls are found by
 * {@code updated_at} from a cursor kept a minute behind the newest row seen, so a row committed
 * late (its timestamp older than rows already seen) is still found; the versions sent keep that
 * overlap from sending a call twice.
 */
final class CampaignStream {

    /** Far above the projections' lag (p99 500 ms), so no committed change falls behind the cursor. */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final List<String> IN_FLIGHT = List.of("queued", "ringing", "in_progress");

    private record CallRow(String id, long version, Instant updatedAt) {
    }

    private final String accountId;
    private final String campaignId;
    private final SseEmitter emitter;
    private final QueryGateway queries;
    private final JdbcTemplate jdbc;
    private final CampaignStreams streams;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Map<String, CallRow> sent = new HashMap<>();
    private String lastCampaign;
    private Instant cursor = Instant.EPOCH;

    CampaignStream(String accountId, String campaignId, SseEmitter emitter, QueryGateway queries, JdbcTemplate jdbc,
                   CampaignStreams streams) {
        this.accountId = accountId;
        this.campaignId = campaignId;
        this.emitter = emitter;
        this.queries = queries;
        this.jdbc = jdbc;
        this.streams = streams;
    }

    String campaignId() {
        return campaignId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** The first events: the campaign, then the calls in flight; later changes come from {@link #refresh()}. */
    synchronized void snapshot(CampaignView view) {
        Instant start = Instant.now().minus(OVERLAP);
        sendCampaign(view);
        List<CallRow> inFlight = jdbc.query("""
                select id, version, updated_at from query.calls
                where campaign_id = ? and account_id = ? and status in (?, ?, ?) order by seq""",
                (rs, i) -> new CallRow(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()),
                campaignId, accountId, IN_FLIGHT.get(0), IN_FLIGHT.get(1), IN_FLIGHT.get(2));
        inFlight.forEach(this::sendCall);
        cursor = start;
    }

    /** @return true when no refresh was already waiting (the caller then schedules one) */
    boolean markPending() {
        return pending.compareAndSet(false, true);
    }

    synchronized void refresh() {
        pending.set(false);
        try {
            streams.find(accountId, campaignId).ifPresent(this::sendCampaign);
            List<CallRow> changed = jdbc.query("""
                    select id, version, updated_at from query.calls
                    where campaign_id = ? and account_id = ? and updated_at >= ? order by updated_at, seq""",
                    (rs, i) -> new CallRow(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()),
                    campaignId, accountId, Timestamp.from(cursor));
            for (CallRow row : changed) {
                CallRow previous = sent.get(row.id());
                if (previous == null || previous.version() < row.version()) {
                    sendCall(row);
                }
            }
            changed.stream().map(CallRow::updatedAt).max(Instant::compareTo)
                    .map(newest -> newest.minus(OVERLAP)).filter(c -> c.isAfter(cursor)).ifPresent(c -> cursor = c);
            sent.values().removeIf(row -> row.updatedAt().isBefore(cursor));
        } catch (RuntimeException e) {
            emitter.completeWithError(e);
        }
    }

    void heartbeat() {
        try {
            synchronized (this) {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            }
        } catch (IOException | IllegalStateException e) {
            streams.close(this);
        }
    }

    private void sendCampaign(CampaignView view) {
        String campaign = streams.write(CampaignResponse.of(view));
        if (!campaign.equals(lastCampaign)) {
            send("campaign", campaign);
            lastCampaign = campaign;
        }
    }

    private void sendCall(CallRow row) {
        Optional<CallView> call = queries.query(new FindCallQuery(accountId, row.id()),
                ResponseTypes.optionalInstanceOf(CallView.class)).join();
        call.ifPresent(view -> send("call", streams.write(CallResponse.of(view))));
        sent.put(row.id(), row);
    }

    private void send(String event, String data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            streams.close(this);
        }
    }
}
