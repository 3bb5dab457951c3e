package io.outboundcalls.command.dialer;

import io.outboundcalls.events.campaign.CampaignSettings;

/**
 * One claimed slot: the attempt it is for, and the lease token of this holder. Every step that
 * acts on the slot checks the token first, so a holder whose slot was taken over does nothing.
 */
record Slot(String campaignId, String accountId, CampaignSettings settings, String contactId, int attempt, String callId,
            String phone, String token) {
}
