package io.outboundcalls.command.dialer;

import io.outboundcalls.platform.Json;
import io.outboundcalls.command.call.HangUpCallCommand;
import io.outboundcalls.command.call.ReportCallEndedCommand;
import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.DebitCreditsCommand;
import io.outboundcalls.events.call.CallHangUpRequestedEvent;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.campaign.CampaignSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An attempt given back before its dial ({@link DialGuard}) may have left its credit
 * reservation, and perhaps its Call (queued, never dialed), for the next claim of the same
 * attempt. When no claim will come (the contact is done, or the campaign cancelled or
 * completed), this ends that Call as not dialed, which settles its reservation at zero, or
 * releases a reservation that has no Call: no credits stay held for a call nobody will make.
 */
@Component
class AbandonedAttempts {

    private static final Logger log = LoggerFactory.getLogger(AbandonedAttempts.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    AbandonedAttempts(JdbcTemplate jdbc, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    void settle() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select cc.campaign_id, cc.contact_id, cc.account_id, cc.held_call_id, cc.released_reason, c.settings::text as settings,
                    c.status
                from dialer.campaign_contacts cc join dialer.campaigns c on c.campaign_id = cc.campaign_id
                where cc.held_call_id is not null and (cc.state = 'done' or c.status in ('cancelled', 'completed'))
                limit ?""", BATCH);
        for (Map<String, Object> row : rows) {
            String callId = (String) row.get("held_call_id");
            try {
                settle(callId, (String) row.get("account_id"), (String) row.get("campaign_id"),
                        Json.read((String) row.get("settings"), CampaignSettings.class).agentId(),
                        (String) row.get("released_reason"), "cancelled".equals(row.get("status")));
                jdbc.update("update dialer.campaign_contacts set held_call_id = null where campaign_id = ? and contact_id = ? and held_call_id = ?",
                        row.get("campaign_id"), row.get("contact_id"), callId);
            } catch (RuntimeException e) {
                log.warn("Settling the abandoned attempt {} failed: {}", callId, e.toString());
            }
        }
    }

    /** A cancelled campaign's queued Call ends {@code canceled}, as its live ones do. */
    private void settle(String callId, String accountId, String campaignId, String agentId, String reason, boolean cancelled) {
        try {
            if (cancelled) {
                commands.sendAndWait(new HangUpCallCommand(callId, accountId, CallHangUpRequestedEvent.CAMPAIGN_CANCELLED, clock.instant()));
            }
            commands.sendAndWait(ReportCallEndedCommand.notConnected(callId, CallOutcome.FAILED, "not dialed: " + reason, clock.instant()));
            return; // the call's end settles its reservation (DialerEffects)
        } catch (RuntimeException e) {
            if (!CallPlacer.causedBy(e, AggregateNotFoundException.class)) {
                throw e;
            }
        }
        try {
            commands.sendAndWait(new DebitCreditsCommand(CreditAccountIds.of(accountId), accountId, callId, 0, callId, campaignId, agentId));
        } catch (RuntimeException e) {
            boolean nothingHeld = CallPlacer.causedBy(e, NoHandlerForCommandException.class)
                    || CallPlacer.causedBy(e, AggregateNotFoundException.class) || isNotFound(e);
            if (!nothingHeld) {
                throw e;
            }
        }
    }

    /** No such reservation (the attempt never reserved, or it was settled already). */
    private static boolean isNotFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CommandRejectedException rejected && rejected.kind() == CommandRejectedException.Kind.NOT_FOUND) {
                return true;
            }
        }
        return false;
    }
}
