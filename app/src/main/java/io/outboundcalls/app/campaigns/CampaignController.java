package io.outboundcalls.app.campaigns;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiGateway;
import io.outboundcalls.app.web.ApiList;
import io.outboundcalls.app.web.ListParams;
import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.account.AccountRegistry.AccountRecord;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.campaign.CancelCampaignCommand;
import io.outboundcalls.command.campaign.CreateCampaignCommand;
import io.outboundcalls.command.campaign.PauseCampaignCommand;
import io.outboundcalls.command.campaign.ResumeCampaignCommand;
import io.outboundcalls.command.campaign.StartCampaignCommand;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.query.campaign.CampaignProjection;
import io.outboundcalls.query.campaign.CampaignView;
import io.outboundcalls.query.campaign.FindCampaignQuery;
import io.outboundcalls.query.campaign.ListCampaignsQuery;
import io.outboundcalls.query.common.Page;
import io.outboundcalls.webhooks.payload.CampaignResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/campaigns}: commands go to the Campaign aggregate, reads come from the campaigns projection. */
@Tag(name = "Campaigns", description = "Outbound calling campaigns: an agent calls a contact list within a schedule")
@RestController
@RequestMapping("/v1/campaigns")
class CampaignController {

    private static final Set<String> STATUSES = Set.of("draft", "running", "paused", "completed", "cancelled");

    private final ApiGateway api;
    private final AccountRegistry accounts;

    CampaignController(ApiGateway api, AccountRegistry accounts) {
        this.api = api;
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCampaign", summary = "Create a campaign (draft)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CampaignBodies.Create.class),
            examples = @ExampleObject(name = "reference", summary = "The published reference's example", value = CampaignBodies.EXAMPLE)))
    @ApiResponse(responseCode = "404", description = "resource_missing: no such agent_id or contact_list_id")
    CampaignResponse create(Principal principal, HttpServletRequest request) {
        // the Campaign aggregate judges the settings, then whether the agent and the list exist (404 resource_missing)
        CampaignSettings settings = CampaignRequests.create(api.body(request));
        String campaignId = Ids.newId("camp");
        LegalCallingWindow legal = accounts.findAccount(principal.accountId()).map(AccountRecord::legalCallingWindow)
                .orElse(LegalCallingWindow.DEFAULT);
        api.send(new CreateCampaignCommand(campaignId, principal.accountId(), settings, legal));
        api.awaitProjection(CampaignProjection.PROCESSING_GROUP, campaignId);
        return get(principal, campaignId);
    }

    @GetMapping
    @Operation(operationId = "listCampaigns", summary = "List campaigns")
    @Parameter(in = ParameterIn.QUERY, name = "status", description = "Only campaigns in this status",
            schema = @Schema(allowableValues = {"draft", "running", "paused", "completed", "cancelled"}))
    @Parameter(in = ParameterIn.QUERY, name = "agent_id", description = "Only campaigns of this agent", schema = @Schema(type = "string"))
    ApiList<CampaignResponse> list(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request, "status", "agent_id");
        var page = params.page("camp");
        String status = params.enumValue("status", STATUSES);
        String agentId = params.string("agent_id", 100);
        params.throwIfInvalid();
        Page<CampaignView> result = api.page(new ListCampaignsQuery(principal.accountId(), status, agentId, page), CampaignView.class);
        return ApiList.of(result, CampaignResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCampaign", summary = "Retrieve a campaign")
    CampaignResponse get(Principal principal, @PathVariable String id) {
        return CampaignResponse.of(find(principal, id).orElseThrow(() -> ApiException.notFound("campaign", id)));
    }

    @PostMapping("/{id}/start")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "startCampaign", summary = "Start a draft campaign")
    @ApiResponse(responseCode = "409", description = "campaign_not_startable, or the list is empty, or the agent is deleted")
    CampaignResponse start(Principal principal, @PathVariable String id) {
        return transition(principal, id, new StartCampaignCommand(id, principal.accountId()));
    }

    @PostMapping("/{id}/pause")
    @Operation(operationId = "pauseCampaign", summary = "Pause a running campaign (calls in flight finish)")
    CampaignResponse pause(Principal principal, @PathVariable String id) {
        return transition(principal, id, new PauseCampaignCommand(id, principal.accountId()));
    }

    @PostMapping("/{id}/resume")
    @Operation(operationId = "resumeCampaign", summary = "Resume a paused campaign")
    CampaignResponse resume(Principal principal, @PathVariable String id) {
        return transition(principal, id, new ResumeCampaignCommand(id, principal.accountId()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelCampaign", summary = "Cancel a campaign (calls in flight are hung up)")
    CampaignResponse cancel(Principal principal, @PathVariable String id) {
        return transition(principal, id, new CancelCampaignCommand(id, principal.accountId()));
    }

    /** start, pause, resume, cancel: the aggregate refuses an illegal transition with 409. */
    private CampaignResponse transition(Principal principal, String id, Object command) {
        requireCampaignId(id);
        api.send(command);
        api.awaitProjection(CampaignProjection.PROCESSING_GROUP, id);
        return get(principal, id);
    }

    private Optional<CampaignView> find(Principal principal, String id) {
        return api.findOne(new FindCampaignQuery(principal.accountId(), id), CampaignView.class);
    }

    private static void requireCampaignId(String id) {
        if (!Ids.hasPrefix(id, "camp")) {
            throw ApiException.notFound("campaign", id);
        }
    }
}
