package io.outboundcalls.command.dialer;

import io.outboundcalls.command.contact.ChangeContactStatusCommand;
import io.outboundcalls.command.contact.OptOutContactCommand;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.DebitCreditsCommand;
import io.outboundcalls.events.call.CallCompletedEvent;
import io.outboundcalls.events.call.CallFailedEvent;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.call.CallPlacedEvent;
import io.outboundcalls.events.contact.ContactStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a call's progress means elsewhere: the credits reserved for it are settled at the billed
 * seconds (0 when it never connected; a test-mode campaign's calls reserved nothing and settle
 * nothing), and the contact's status follows it. A tracking processor,
 * so a crash in between is retried; every command here is idempotent on the receiving side.
 * Not a read model, so never rebuilt: a replay would send every past settlement and status again.
 */
@Component
@ProcessingGroup(DialerEffects.PROCESSING_GROUP)
public class DialerEffects {

    public static final String PROCESSING_GROUP = "dialer-effects";

    /** Campaigns seen here, bounded: a few hundred bytes each, cleared when full. */
    private static final int KNOWN_CAMPAIGNS = 10_000;

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Map<String, Boolean> testMode = new ConcurrentHashMap<>();

    DialerEffects(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CallPlacedEvent event) {
        if (event.attempt() == 1) {
            send(new ChangeContactStatusCommand(event.contactId(), event.accountId(), ContactStatus.IN_CAMPAIGN,
                    event.campaignId(), event.callId()));
        }
    }

    @EventHandler
    void on(CallCompletedEvent event) {
        settle(event.campaignId(), new DebitCreditsCommand(CreditAccountIds.of(event.accountId()), event.accountId(), event.callId(),
                event.billedSeconds(), event.callId(), event.campaignId(), event.agentId()));
        if (event.outcome() == CallOutcome.OPTED_OUT) {
            send(new OptOutContactCommand(event.contactId(), event.accountId(), event.campaignId(), event.callId()));
        } else if (event.outcome().reachedAPerson()) {
            status(event.contactId(), event.accountId(), ContactStatus.REACHED, event.campaignId(), event.callId());
        } else if (!event.retryable()) {
            status(event.contactId(), event.accountId(), ContactStatus.UNREACHABLE, event.campaignId(), event.callId());
        }
    }

    @EventHandler
    void on(CallFailedEvent event) {
        settle(event.campaignId(), new DebitCreditsCommand(CreditAccountIds.of(event.accountId()), event.accountId(), event.callId(),
                0, event.callId(), event.campaignId(), event.agentId()));
        // a call we hung up before anyone answered says nothing about whether the contact can be reached
        if (!event.retryable() && !event.wasCanceled()) {
            status(event.contactId(), event.accountId(), ContactStatus.UNREACHABLE, event.campaignId(), event.callId());
        }
    }

    private void settle(String campaignId, DebitCreditsCommand debit) {
        if (!inTestMode(campaignId)) {
            send(debit);
        }
    }

    /**
     * From the dialer's copy of the campaign's settings, written when the campaign was created
     * (before any call); no event changes them, so the answer is kept.
     */
    private boolean inTestMode(String campaignId) {
        Boolean known = testMode.get(campaignId);
        if (known != null) {
            return known;
        }
        List<Boolean> rows = jdbc.queryForList("select coalesce((settings ->> 'testMode')::boolean, false) from dialer.campaigns"
                + " where campaign_id = ?", Boolean.class, campaignId);
        boolean answer = !rows.isEmpty() && rows.get(0);
        if (!rows.isEmpty()) { // a campaign not yet in the dialer's table is asked again
            if (testMode.size() >= KNOWN_CAMPAIGNS) {
                testMode.clear();
            }
            testMode.put(campaignId, answer);
        }
        return answer;
    }

    private void status(String contactId, String accountId, ContactStatus status, String campaignId, String callId) {
        send(new ChangeContactStatusCommand(contactId, accountId, status, campaignId, callId));
    }

    /**
     * A deployment without the contacts or credits module, or a contact deleted meanwhile, has
     * nothing to update: that is not a reason to stop this processor.
     */
    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (NoHandlerForCommandException | AggregateNotFoundException e) {
            // nothing to follow the call
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof AggregateNotFoundException) && !(e instanceof io.outboundcalls.command.common.ResourceNotFoundException)) {
                throw e;
            }
        }
    }
}
