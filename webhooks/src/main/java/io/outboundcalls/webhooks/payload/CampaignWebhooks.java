package io.outboundcalls.webhooks.payload;

import io.outboundcalls.events.campaign.CampaignCompletedEvent;
import io.outboundcalls.query.call.CallProjection;
import io.outboundcalls.query.campaign.CampaignProjection;
import io.outboundcalls.query.campaign.CampaignView;
import io.outboundcalls.query.campaign.FindCampaignQuery;
import io.outboundcalls.webhooks.EventTypes;
import io.outboundcalls.webhooks.outbox.PublicEvent;
import io.outboundcalls.webhooks.outbox.PublicEventMapper;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code campaign.completed}: the campaign with its final stats (from the campaigns and calls read models). */
@Component
class CampaignWebhooks implements PublicEventMapper {

    private final QueryGateway queries;
    private final WebhookData webhookData;

    CampaignWebhooks(QueryGateway queries, WebhookData webhookData) {
        this.queries = queries;
        this.webhookData = webhookData;
    }

    @Override
    public Set<Class<?>> payloadTypes() {
        return Set.of(CampaignCompletedEvent.class);
    }

    @Override
    public Optional<PublicEvent> map(EventMessage<?> event) {
        if (!(event.getPayload() instanceof CampaignCompletedEvent e)) {
            return Optional.empty();
        }
        return Optional.of(PublicEvent.of(EventTypes.CAMPAIGN_COMPLETED, e.accountId(), () -> {
            webhookData.awaitProjection(event, CampaignProjection.PROCESSING_GROUP, e.campaignId());
            // the final stats are counted from the calls read model: it must have seen every call before this event
            webhookData.awaitProjection(event, CallProjection.PROCESSING_GROUP, null);
            return queries.query(new FindCampaignQuery(e.accountId(), e.campaignId()),
                            ResponseTypes.optionalInstanceOf(CampaignView.class)).join()
                    .<Object>map(CampaignResponse::of)
                    // never block the outbox: without a read-model row, send what identifies the campaign
                    .orElseGet(() -> Map.of("id", e.campaignId(), "object", "campaign", "status", "completed"));
        }));
    }
}
