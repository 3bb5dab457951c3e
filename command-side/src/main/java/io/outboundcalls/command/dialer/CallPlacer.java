package io.outboundcalls.command.dialer;

import io.outboundcalls.command.call.PlaceCallCommand;
import io.outboundcalls.command.campaign.MarkCampaignWaitingCommand;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.CreditPricing;
import io.outboundcalls.command.credits.InsufficientCreditsException;
import io.outboundcalls.command.credits.ReserveCreditsCommand;
import io.outboundcalls.command.telephony.CallGateway;
import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.CampaignWaitingEvent;
import io.outboundcalls.events.contact.ContactDetails;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a claimed slot into a call: reserve the agent's longest call in credits, create the Call
 * aggregate (its derived id makes a second creation fail, which we read as "already placed"),
 * then dial. Refused credits give the slot back and make the campaign wait for a purchase.
 */
@Component
class CallPlacer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallPlacer.class);

    private final CommandGateway commands;
    private final DialerDirectory directory;
    private final CallGateway gateway;
    private final CreditPricing pricing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ExecutorService executor;

    CallPlacer(CommandGateway commands, DialerDirectory directory, CallGateway gateway, CreditPricing pricing,
               JdbcTemplate jdbc, Clock clock, DialerProperties properties) {
        this.commands = commands;
        this.directory = directory;
        this.gateway = gateway;
        this.pricing = pricing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.executor = Executors.newFixedThreadPool(properties.placementThreads(), runnable -> {
            Thread thread = new Thread(runnable, "dialer-place");
            thread.setDaemon(true);
            return thread;
        });
    }

    void placeAll(String campaignId, String accountId, CampaignSettings settings, List<DialerEngine.Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        CompletableFuture.allOf(claims.stream()
                .map(claim -> CompletableFuture.runAsync(() -> place(campaignId, accountId, settings, claim), executor))
                .toArray(CompletableFuture[]::new)).join();
    }

    void place(String campaignId, String accountId, CampaignSettings settings, DialerEngine.Claim claim) {
        try {
            AgentSettings agent = directory.agent(settings.agentId()).orElseThrow();
            ContactDetails contact = directory.contact(claim.contactId()).orElseThrow();
            if (!reserve(campaignId, accountId, claim, pricing.creditsFor(agent.maxDurationSeconds()))) {
                return;
            }
            if (!create(campaignId, accountId, settings, claim, agent)) {
                return;
            }
            gateway.dial(new DialRequest(claim.callId(), accountId, campaignId, claim.phone(), settings.fromNumber(),
                    claim.attempt(), agent, contact));
        } catch (RuntimeException e) {
            // the slot stays claimed; the sweep re-drives it after recover-after
            log.warn("Placing call {} failed: {}", claim.callId(), e.toString());
        }
    }

    /** Re-drives a claim whose node died: the same reservation and call ids, so nothing is doubled. */
    void recover(String campaignId, String accountId, CampaignSettings settings, DialerEngine.Claim claim, boolean placed) {
        if (!placed) {
            place(campaignId, accountId, settings, claim);
            return;
        }
        AgentSettings agent = directory.agent(settings.agentId()).orElseThrow();
        ContactDetails contact = directory.contact(claim.contactId()).orElseThrow();
        gateway.dial(new DialRequest(claim.callId(), accountId, campaignId, claim.phone(), settings.fromNumber(),
                claim.attempt(), agent, contact));
    }

    private boolean reserve(String campaignId, String accountId, DialerEngine.Claim claim, long credits) {
        ReserveCreditsCommand command = new ReserveCreditsCommand(CreditAccountIds.of(accountId), accountId, claim.callId(),
                credits, campaignId, claim.callId());
        try {
            // another node moving the account past this node's cached copy is a lost race: the gateway retries it, reloaded
            commands.sendAndWait(command);
            return true;
        } catch (RuntimeException e) {
            if (causedBy(e, NoHandlerForCommandException.class)) {
                return true; // no credits module in this deployment: calls are not metered
            }
            // an account that never bought credits has no credit account yet: nothing is available
            if (!causedBy(e, InsufficientCreditsException.class) && !causedBy(e, AggregateNotFoundException.class)) {
                throw e;
            }
        }
        jdbc.update("""
                update dialer.campaign_contacts set state = 'pending', attempts = attempts - 1, call_id = null, claimed_at = null
                where call_id = ? and state = 'dialing' and not placed""", claim.callId());
        jdbc.update("update dialer.campaigns set credits_blocked = true where campaign_id = ?", campaignId);
        commands.send(new MarkCampaignWaitingCommand(campaignId, accountId, CampaignWaitingEvent.INSUFFICIENT_CREDITS, null));
        return false;
    }

    private boolean create(String campaignId, String accountId, CampaignSettings settings, DialerEngine.Claim claim,
                           AgentSettings agent) {
        try {
            commands.sendAndWait(new PlaceCallCommand(claim.callId(), accountId, campaignId, claim.contactId(),
                    settings.agentId(), claim.phone(), settings.fromNumber(), claim.attempt(),
                    settings.retryRules().maxAttempts(), settings.retryRules().retryOn(),
                    pricing.creditsFor(agent.maxDurationSeconds()), clock.instant()));
            return true;
        } catch (RuntimeException e) {
            if (callExists(claim.callId())) {
                return false; // this attempt was placed before: the event store refused a twin
            }
            throw e;
        }
    }

    private boolean callExists(String callId) {
        return !jdbc.queryForList("select 1 from eventstore.domain_event_entry where aggregateIdentifier = ? limit 1", callId).isEmpty();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
