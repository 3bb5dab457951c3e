package io.outboundcalls.query.campaign;

import io.outboundcalls.events.campaign.CampaignSettings;
import java.time.Instant;

public record CampaignView(String id, String accountId, CampaignSettings settings, String status, String waitingReason,
                           Instant nextDialAt, CampaignStats stats, Instant startedAt, Instant completedAt,
                           Instant createdAt, Instant updatedAt) {
}
