package io.outboundcalls.command.dialer;

import io.outboundcalls.command.call.HangUpCallCommand;
import io.outboundcalls.command.telephony.CallGateway;
import io.outboundcalls.events.call.CallHangUpRequestedEvent;
import io.outboundcalls.events.campaign.CampaignCancelledEvent;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every hang-up goes through the telephony port, from a recorded request: the API's, or a
 * cancelled campaign's for each call it still holds. A tracking processor, so a crash in between
 * is retried (the port's hang-up is idempotent). The calls' ends come back as the provider
 * reports them, like any other end: slots free, credits settled at the billed seconds.
 */
@Component
@ProcessingGroup(DialerEffects.PROCESSING_GROUP)
class CallHangUps {

    private final CallGateway gateway;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CallHangUps(CallGateway gateway, CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.gateway = gateway;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(CallHangUpRequestedEvent event) {
        gateway.hangUp(event.callId());
    }

    /**
     * The calls of the campaign's held slots (live, or about to be dialed) and of attempts given
     * back undialed. A slot whose Call does not exist yet cannot be dialed any more: the last check
     * before the dial sees the campaign cancelled, and {@link CallPlacer} hangs up a dial that
     * passed that check just before the cancel.
     */
    @EventHandler
    void on(CampaignCancelledEvent event) {
        List<String> callIds = jdbc.queryForList("""
                select coalesce(call_id, held_call_id) from dialer.campaign_contacts
                where campaign_id = ? and (state = 'dialing' or held_call_id is not null)""", String.class, event.campaignId());
        for (String callId : callIds) {
            hangUp(callId, event.accountId());
        }
    }

    private void hangUp(String callId, String accountId) {
        try {
            commands.sendAndWait(new HangUpCallCommand(callId, accountId, CallHangUpRequestedEvent.CAMPAIGN_CANCELLED, clock.instant()));
        } catch (RuntimeException e) {
            if (!CallPlacer.causedBy(e, AggregateNotFoundException.class)) {
                throw e;
            }
        }
    }
}
