package io.outboundcalls.events.campaign;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Contacts that joined the campaign's list after it started became members of the campaign:
 * the dialer calls them under the campaign's rules and {@code stats.total_contacts} counts them.
 * Each contact joins a campaign at most once; one event carries at most a batch of them.
 */
@Revision("1")
public record CampaignContactsAddedEvent(String campaignId, String accountId, List<String> contactIds) {

    public CampaignContactsAddedEvent {
        contactIds = List.copyOf(contactIds);
    }
}
