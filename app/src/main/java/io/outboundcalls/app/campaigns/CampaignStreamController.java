package io.outboundcalls.app.campaigns;

import io.outboundcalls.command.account.AccountRegistry.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /v1/campaigns/:id/stream}: Server-Sent Events ({@link CampaignStreams}). While open
 * it holds one of the account's concurrent-request slots (the rate-limit filter releases it when
 * the stream ends).
 */
@RestController
class CampaignStreamController {

    private final CampaignStreams streams;

    CampaignStreamController(CampaignStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/v1/campaigns/{id}/stream")
    SseEmitter stream(Principal principal, @PathVariable String id) {
        return streams.open(principal, id);
    }
}
