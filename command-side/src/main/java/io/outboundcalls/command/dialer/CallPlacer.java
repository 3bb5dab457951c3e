package io.outboundcalls.command.dialer;

import io.outboundcalls.command.call.HangUpCallCommand;
import io.outboundcalls.command.call.PlaceCallCommand;
import io.outboundcalls.command.campaign.MarkCampaignWaitingCommand;
import io.outboundcalls.platform.NamedThreads;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.CreditPricing;
import io.outboundcalls.command.credits.InsufficientCreditsException;
import io.outboundcalls.command.credits.ReserveCreditsCommand;
import io.outboundcalls.command.telephony.CallGateway;
import io.outboundcalls.command.telephony.CallStatus;
import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.call.CallHangUpRequestedEvent;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.CampaignWaitingEvent;
import io.outboundcalls.events.contact.ContactDetails;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
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
 * aggregate (its derived id makes a second creation fail: the call of this attempt already
 * exists, never dialed), check it may be dialed and mark it dialed, then dial. A slot recovered
 * from another node is checked before the reservation too; a fresh one was checked by the claim
 * that made it, moments before, so checking it again would only add a transaction per call. Every
 * step is idempotent per attempt, so a recovered slot goes through the same steps. Refused
 * credits give the slot back and make the campaign wait for a purchase. A campaign cancelled
 * while the dial was on its way has the call hung up at once. A test-mode campaign's calls
 * reserve nothing: they are charged nothing.
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
    private final DialGuard guard;
    private final DialerLeases leases;
    private final ExecutorService executor;

    CallPlacer(CommandGateway commands, DialerDirectory directory, CallGateway gateway, CreditPricing pricing,
               JdbcTemplate jdbc, Clock clock, DialGuard guard, DialerLeases leases, DialerProperties properties) {
        this.commands = commands;
        this.directory = directory;
        this.gateway = gateway;
        this.pricing = pricing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.guard = guard;
        this.leases = leases;
        this.executor = Executors.newFixedThreadPool(properties.placementThreads(), NamedThreads.named("dialer-place"));
    }

    /** Slots this node's tick has just claimed, in the transaction that checked them. */
    void placeAll(List<Slot> slots) {
        inParallel(slots, slot -> place(slot, true));
    }

    void recoverAll(List<Slot> slots) {
        inParallel(slots, this::recover);
    }

    /**
     * {@code claimedJustNow}: the claim's own checks are the first ones. Whatever changed since
     * (a pause, an opt-out) is seen by the check before the dial, which gives the slot back; the
     * attempt's reservation and Call then wait for its next claim, as after any release.
     */
    void place(Slot slot, boolean claimedJustNow) {
        try {
            if (!claimedJustNow && guard.confirm(slot, false) != DialGuard.Verdict.DIAL) {
                return;
            }
            AgentSettings agent = directory.agent(slot.settings().agentId()).orElseThrow();
            boolean testMode = slot.settings().inTestMode();
            if (!testMode && !reserve(slot, pricing.creditsFor(agent.maxDurationSeconds()))) {
                return;
            }
            DialRequest request = request(slot, agent);
            create(slot, agent, gateway.provider(request));
            if (guard.confirm(slot, true) != DialGuard.Verdict.DIAL) {
                return;
            }
            gateway.dial(request);
            hangUpIfCancelledMeanwhile(slot);
        } catch (RuntimeException e) {
            // its lease runs out and a node recovers it, asking the provider first
            leases.abandon(slot);
            log.warn("Placing call {} failed: {}", slot.callId(), e.toString());
        }
    }

    /**
     * A slot taken over from a node that died or hung: a call the provider never received is
     * placed (checked like a fresh one); a call it has, live or over, is followed from here, so
     * nobody is rung twice, however long the call.
     */
    void recover(Slot slot) {
        try {
            CallStatus status = gateway.status(slot.callId());
            if (!status.reachedProvider()) {
                place(slot, false);
                return;
            }
            log.info("Recovered call {} is {} at the provider: following it", slot.callId(), status.state());
            gateway.follow(request(slot, directory.agent(slot.settings().agentId()).orElseThrow()));
        } catch (RuntimeException e) {
            leases.abandon(slot);
            log.warn("Recovering call {} failed: {}", slot.callId(), e.toString());
        }
    }

    /**
     * A cancel committed after the last check but before this dial reached the provider: the
     * cancel's own hang-up may have come first and found no call, so the call is hung up again,
     * now that the provider has it.
     */
    private void hangUpIfCancelledMeanwhile(Slot slot) {
        List<String> status = jdbc.queryForList("select status from dialer.campaigns where campaign_id = ?", String.class,
                slot.campaignId());
        if (status.contains("cancelled")) {
            commands.sendAndWait(new HangUpCallCommand(slot.callId(), slot.accountId(), CallHangUpRequestedEvent.CAMPAIGN_CANCELLED,
                    clock.instant()));
        }
    }

    private DialRequest request(Slot slot, AgentSettings agent) {
        ContactDetails contact = directory.contact(slot.contactId()).orElseThrow();
        CampaignSettings settings = slot.settings();
        return new DialRequest(slot.callId(), slot.accountId(), slot.campaignId(), slot.contactId(), slot.phone(),
                settings.fromNumber(), slot.attempt(), agent, contact, settings.inTestMode());
    }

    private boolean reserve(Slot slot, long credits) {
        ReserveCreditsCommand command = new ReserveCreditsCommand(CreditAccountIds.of(slot.accountId()), slot.accountId(),
                slot.callId(), credits, slot.campaignId(), slot.callId());
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
        guard.release(slot, CampaignWaitingEvent.INSUFFICIENT_CREDITS);
        jdbc.update("update dialer.campaigns set credits_blocked = true where campaign_id = ?", slot.campaignId());
        commands.send(new MarkCampaignWaitingCommand(slot.campaignId(), slot.accountId(), CampaignWaitingEvent.INSUFFICIENT_CREDITS, null));
        return false;
    }

    /** Creates this attempt's Call; one that already exists is this attempt's, given back before it was dialed. */
    private void create(Slot slot, AgentSettings agent, String provider) {
        CampaignSettings settings = slot.settings();
        try {
            commands.sendAndWait(new PlaceCallCommand(slot.callId(), slot.accountId(), slot.campaignId(), slot.contactId(),
                    settings.agentId(), slot.phone(), settings.fromNumber(), slot.attempt(),
                    settings.retryRules().maxAttempts(), settings.retryRules().retryOn(),
                    settings.inTestMode() ? 0 : pricing.creditsFor(agent.maxDurationSeconds()), clock.instant(), provider,
                    settings.inTestMode()));
        } catch (RuntimeException e) {
            if (!callExists(slot.callId())) {
                throw e;
            }
        }
    }

    private boolean callExists(String callId) {
        return !jdbc.queryForList("select 1 from eventstore.domain_event_entry where aggregateIdentifier = ? limit 1", callId).isEmpty();
    }

    private void inParallel(List<Slot> slots, Consumer<Slot> step) {
        if (slots.isEmpty()) {
            return;
        }
        CompletableFuture.allOf(slots.stream()
                .map(slot -> CompletableFuture.runAsync(() -> step.accept(slot), executor))
                .toArray(CompletableFuture[]::new)).join();
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
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
