package io.outboundcalls.query.campaign;

import io.outboundcalls.events.campaign.CampaignCancelledEvent;
import io.outboundcalls.events.campaign.CampaignCompletedEvent;
import io.outboundcalls.events.campaign.CampaignContactSkippedEvent;
import io.outboundcalls.events.campaign.CampaignContactsAddedEvent;
import io.outboundcalls.events.campaign.CampaignCreatedEvent;
import io.outboundcalls.events.campaign.CampaignPausedEvent;
import io.outboundcalls.events.campaign.CampaignResumedEvent;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.CampaignStartedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEndedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEvent;
import io.outboundcalls.platform.Json;
import io.outboundcalls.query.call.CampaignCallCounts;
import io.outboundcalls.query.common.AccountRows;
import io.outboundcalls.query.common.KeysetPager;
import io.outboundcalls.query.common.Page;
import io.outboundcalls.query.common.ReadModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The campaigns read model. Stats come from the counts the calls projection keeps with the calls
 * ({@link CampaignCallCounts}: contacts in progress, finished by a call, attempts, outcomes,
 * credits) and this projection's skipped contacts that no call finished: consistent with the calls
 * a client can list.
 */
@Component
@ReadModel
@ProcessingGroup(CampaignProjection.PROCESSING_GROUP)
public class CampaignProjection {

    public static final String PROCESSING_GROUP = "campaigns";
    private static final String SELECT = """
            select id, account_id, settings::text, status, waiting_reason, next_dial_at, total_contacts, started_at,
                   completed_at, created_at, updated_at from query.campaigns""";
    private static final String IN_FLIGHT = "('queued', 'ringing', 'in_progress')";

    private final JdbcTemplate jdbc;

    CampaignProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CampaignCreatedEvent e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                insert into query.campaigns (id, account_id, agent_id, status, settings, created_at, updated_at, version)
                values (?, ?, ?, 'draft', ?::jsonb, ?, ?, ?) on conflict (id) do nothing""",
                e.campaignId(), e.accountId(), e.settings().agentId(), Json.write(e.settings()), ts(at), ts(at), sequence);
    }

    @EventHandler
    void on(CampaignStartedEvent e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update("status = 'running', total_contacts = ?, started_at = ?", e.campaignId(), sequence, at, e.totalContacts(), ts(at));
    }

    /** Members who joined the list after the start count from now on; the version guard keeps a redelivery from counting twice. */
    @EventHandler
    void on(CampaignContactsAddedEvent e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update("total_contacts = total_contacts + ?", e.campaignId(), sequence, at, e.contactIds().size());
    }

    @EventHandler
    void on(CampaignPausedEvent e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update("status = 'paused', waiting_reason = null, next_dial_at = null", e.campaignId(), sequence, at);
    }

    @EventHandler
    void on(CampaignResumedEvent e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update("status = 'running'", e.campaignId(), sequence, at);
    }

    @EventHandler
    void on(CampaignCancelledEvent e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update("status = 'cancelled', waiting_reason = null, next_dial_at = null, completed_at = ?", e.campaignId(), sequence, at, ts(at));
    }

    @EventHandler
    void on(CampaignCompletedEvent e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update("status = 'completed', waiting_reason = null, next_dial_at = null, completed_at = ?", e.campaignId(), sequence, at, ts(at));
    }

    @EventHandler
    void on(CampaignWaitingEvent e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update("waiting_reason = ?, next_dial_at = ?", e.campaignId(), sequence, at, e.reason(), ts(e.nextDialAt()));
    }

    @EventHandler
    void on(CampaignWaitingEndedEvent e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update("waiting_reason = null, next_dial_at = null", e.campaignId(), sequence, at);
    }

    @EventHandler
    void on(CampaignContactSkippedEvent e) {
        jdbc.update("insert into query.campaign_skips (campaign_id, contact_id, reason) values (?, ?, ?) on conflict do nothing",
                e.campaignId(), e.contactId(), e.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate query.campaigns, query.campaign_skips");
    }

    @QueryHandler
    Optional<CampaignView> handle(FindCampaignQuery query) {
        return AccountRows.find(jdbc, SELECT + " where id = ?", this::map, query.campaignId(), query.accountId(),
                CampaignView::accountId);
    }

    @QueryHandler
    Page<CampaignView> handle(ListCampaignsQuery query) {
        List<String> where = new ArrayList<>(List.of("account_id = ?"));
        List<Object> args = new ArrayList<>(List.of(query.accountId()));
        if (query.status() != null) {
            where.add("status = ?");
            args.add(query.status());
        }
        if (query.agentId() != null) {
            where.add("agent_id = ?");
            args.add(query.agentId());
        }
        return KeysetPager.page(jdbc, SELECT, where, args, query.page(), this::map);
    }

    private void update(String assignments, String campaignId, long sequence, Instant at, Object... values) {
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(values));
        args.add(ts(at));
        args.add(sequence);
        args.add(campaignId);
        args.add(sequence);
        jdbc.update("update query.campaigns set " + assignments + ", updated_at = ?, version = ? where id = ? and version < ?",
                args.toArray());
    }

    private CampaignView map(ResultSet rs, int i) throws SQLException {
        String id = rs.getString(1);
        CampaignSettings settings = Json.read(rs.getString(3), CampaignSettings.class);
        String status = rs.getString(4);
        CampaignStats stats = stats(id, rs.getInt(7));
        return new CampaignView(id, rs.getString(2), settings, status, rs.getString(5), instant(rs, 6), stats,
                instant(rs, 8), instant(rs, 9), instant(rs, 10), instant(rs, 11));
    }

    /** Counts of the calls projection ({@link CampaignCallCounts}), and the skipped contacts no call finished. */
    private CampaignStats stats(String campaignId, int total) {
        CampaignCallCounts.Counts calls = CampaignCallCounts.of(jdbc, campaignId);
        int skipped = jdbc.queryForObject("""
                select count(*) from query.campaign_skips s where s.campaign_id = ? and not exists (
                    select 1 from query.calls c where c.contact_id = s.contact_id and c.campaign_id = s.campaign_id
                    and (c.status in %s or not coalesce(c.retryable, false)))""".formatted(IN_FLIGHT), Integer.class, campaignId);
        int completed = calls.finished() + skipped;
        int pending = Math.max(0, total - calls.inProgress() - completed);
        return new CampaignStats(total, pending, calls.inProgress(), completed, calls.attempts(), calls.outcomes(), calls.credits());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
