package io.outboundcalls.app.agents;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiGateway;
import io.outboundcalls.app.web.Deleted;
import io.outboundcalls.app.web.ListParams;
import io.outboundcalls.app.web.StoredList;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.agent.CreateAgentCommand;
import io.outboundcalls.command.agent.DeleteAgentCommand;
import io.outboundcalls.command.agent.UpdateAgentCommand;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.query.agent.AgentProjection;
import io.outboundcalls.query.agent.AgentView;
import io.outboundcalls.query.agent.FindAgentQuery;
import io.outboundcalls.query.agent.ListAgentsQuery;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /v1/agents}: commands go to the Agent aggregate, reads come from the agents projection. */
@Tag(name = "Agents", description = "AI voice agents: the prompt, voice and analysis a campaign calls with")
@RestController
@RequestMapping("/v1/agents")
class AgentController {

    private final ApiGateway api;

    AgentController(ApiGateway api) {
        this.api = api;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createAgent", summary = "Create an agent")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AgentBodies.Create.class)))
    AgentResponse create(Principal principal, HttpServletRequest request) {
        AgentSettings settings = AgentRequests.create(api.body(request));
        String agentId = Ids.newId("agent");
        api.send(new CreateAgentCommand(agentId, principal.accountId(), settings));
        api.awaitProjection(AgentProjection.PROCESSING_GROUP, agentId);
        Instant now = Instant.now();
        return AgentResponse.of(find(principal, agentId)
                .orElseGet(() -> new AgentView(agentId, principal.accountId(), settings, now, now, 0)));
    }

    @GetMapping
    @Operation(operationId = "listAgents", summary = "List agents")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AgentList.class)))
    StoredList list(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        var page = params.page("agent");
        params.throwIfInvalid();
        return new StoredList(api.page(new ListAgentsQuery(principal.accountId(), page), String.class));
    }

    /** The schema of {@link #list}'s answer, which is the stored JSON of each agent in this envelope. */
    @Schema(name = "ApiListAgentResponse")
    @JsonPropertyOrder({"object", "data", "has_more"})
    record AgentList(String object, List<AgentResponse> data, boolean hasMore) {
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAgent", summary = "Retrieve an agent")
    AgentResponse get(Principal principal, @PathVariable String id) {
        return AgentResponse.of(find(principal, id).orElseThrow(() -> ApiException.notFound("agent", id)));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateAgent", summary = "Update an agent")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AgentBodies.Update.class)))
    AgentResponse update(Principal principal, @PathVariable String id, HttpServletRequest request) {
        AgentRequests.Patch patch = AgentRequests.update(api.body(request));
        requireAgentId(id);
        api.send(new UpdateAgentCommand(id, principal.accountId(), patch.changes(), patch.fields()));
        api.awaitProjection(AgentProjection.PROCESSING_GROUP, id);
        return get(principal, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "deleteAgent", summary = "Delete an agent")
    @ApiResponse(responseCode = "409", description = "agent_in_use: a running or paused campaign uses the agent")
    Deleted delete(Principal principal, @PathVariable String id) {
        requireAgentId(id);
        api.send(new DeleteAgentCommand(id, principal.accountId()));
        api.awaitProjection(AgentProjection.PROCESSING_GROUP, id);
        return new Deleted(id, "agent", true);
    }

    private Optional<AgentView> find(Principal principal, String id) {
        return api.findOne(new FindAgentQuery(principal.accountId(), id), AgentView.class);
    }

    /** Ids of other types can never be agents; answering 404 early also keeps them out of the event store. */
    private static void requireAgentId(String id) {
        if (!Ids.hasPrefix(id, "agent")) {
            throw ApiException.notFound("agent", id);
        }
    }
}
