package io.outboundcalls.app.webhooks;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiList;
import io.outboundcalls.app.web.Deleted;
import io.outboundcalls.app.web.JsonBodies;
import io.outboundcalls.app.web.ListParams;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.query.common.KeysetPager;
import io.outboundcalls.query.common.PageRequest;
import io.outboundcalls.webhooks.delivery.Deliveries;
import io.outboundcalls.webhooks.delivery.WebhookDelivery;
import io.outboundcalls.webhooks.endpoint.TooManyEndpointsException;
import io.outboundcalls.webhooks.endpoint.UrlGuard;
import io.outboundcalls.webhooks.endpoint.WebhookEndpoint;
import io.outboundcalls.webhooks.endpoint.WebhookEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/webhook_endpoints}: the endpoint registry and each endpoint's delivery log. Endpoints
 * are a plain table in the webhooks module (not event-sourced: they hold secrets), so writes are
 * visible to the next read at once.
 */
@Tag(name = "Webhook endpoints", description = "Where events are delivered, signed (Standard Webhooks)")
@RestController
@RequestMapping("/v1/webhook_endpoints")
class WebhookEndpointController {

    private static final String RESOURCE = "webhook_endpoint";

    private final WebhookEndpoints endpoints;
    private final Deliveries deliveries;
    private final UrlGuard guard;
    private final JsonBodies bodies;
    private final JdbcTemplate jdbc;

    WebhookEndpointController(WebhookEndpoints endpoints, Deliveries deliveries, UrlGuard guard, JsonBodies bodies,
                              JdbcTemplate jdbc) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
        this.bodies = bodies;
        this.jdbc = jdbc;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookEndpointBodies.Create.class)))
    WebhookEndpointResponse create(Principal principal, HttpServletRequest request) {
        WebhookEndpointRequests.Create body = WebhookEndpointRequests.create(bodies.read(request), guard);
        try {
            return WebhookEndpointResponse.of(endpoints.create(Ids.newId("we"), principal.accountId(), body.url(),
                    body.description(), body.enabledEvents()));
        } catch (TooManyEndpointsException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "too_many_endpoints", null, e.getMessage());
        }
    }

    @GetMapping
    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints")
    ApiList<WebhookEndpointResponse> list(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        PageRequest page = params.page("we");
        params.throwIfInvalid();
        return ApiList.of(KeysetPager.page(jdbc, WebhookEndpoints.SELECT, List.of("account_id = ?"),
                List.of(principal.accountId()), page, WebhookEndpoints.MAPPER), WebhookEndpointResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhookEndpoint", summary = "Retrieve a webhook endpoint")
    WebhookEndpointResponse get(Principal principal, @PathVariable String id) {
        return WebhookEndpointResponse.of(find(principal, id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateWebhookEndpoint", summary = "Update a webhook endpoint")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookEndpointBodies.Update.class)))
    WebhookEndpointResponse update(Principal principal, @PathVariable String id, HttpServletRequest request) {
        WebhookEndpoints.Changes changes = WebhookEndpointRequests.update(bodies.read(request), guard);
        requireEndpointId(id);
        return WebhookEndpointResponse.of(endpoints.update(principal.accountId(), id, changes)
                .orElseThrow(() -> ApiException.notFound(RESOURCE, id)));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint")
    Deleted delete(Principal principal, @PathVariable String id) {
        requireEndpointId(id);
        if (!endpoints.delete(principal.accountId(), id)) {
            throw ApiException.notFound(RESOURCE, id);
        }
        return new Deleted(id, RESOURCE, true);
    }

    @PostMapping("/{id}/roll_secret")
    @Operation(operationId = "rollWebhookEndpointSecret", summary = "Roll the signing secret")
    WebhookEndpointResponse rollSecret(Principal principal, @PathVariable String id) {
        requireEndpointId(id);
        return WebhookEndpointResponse.of(endpoints.rollSecret(principal.accountId(), id)
                .orElseThrow(() -> ApiException.notFound(RESOURCE, id)));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List delivery attempts to an endpoint")
    @Parameter(in = ParameterIn.QUERY, name = "status", description = "Only deliveries in this status",
            schema = @Schema(allowableValues = {"pending", "succeeded", "failed"}))
    @Parameter(in = ParameterIn.QUERY, name = "event_id", description = "Only deliveries of this event", schema = @Schema(type = "string"))
    ApiList<WebhookDeliveryResponse> deliveries(Principal principal, @PathVariable String id, HttpServletRequest request) {
        ListParams params = ListParams.of(request, "status", "event_id");
        PageRequest page = params.page("dlv");
        String status = params.enumValue("status",
                Set.of(WebhookDelivery.PENDING, WebhookDelivery.SUCCEEDED, WebhookDelivery.FAILED));
        String eventId = params.string("event_id", 40);
        params.throwIfInvalid();
        find(principal, id);
        List<String> conditions = new ArrayList<>(List.of("endpoint_id = ?"));
        List<Object> args = new ArrayList<>(List.of(id));
        if (status != null) {
            conditions.add("status = ?");
            args.add(status);
        }
        if (eventId != null) {
            conditions.add("event_id = ?");
            args.add(eventId);
        }
        return ApiList.of(KeysetPager.page(jdbc, Deliveries.SELECT, conditions, args, page, Deliveries.MAPPER),
                WebhookDeliveryResponse::of);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/resend")
    @Operation(operationId = "resendWebhookDelivery", summary = "Deliver an event again")
    WebhookDeliveryResponse resend(Principal principal, @PathVariable String id, @PathVariable String deliveryId) {
        WebhookEndpoint endpoint = find(principal, id);
        if (!WebhookEndpoint.ENABLED.equals(endpoint.status())) {
            throw ApiException.conflict("endpoint_disabled",
                    "The endpoint is disabled; enable it (PATCH status=enabled) before resending");
        }
        return WebhookDeliveryResponse.of(deliveries.resend(id, deliveryId)
                .orElseThrow(() -> ApiException.notFound("webhook_delivery", deliveryId)));
    }

    private WebhookEndpoint find(Principal principal, String id) {
        requireEndpointId(id);
        return endpoints.find(principal.accountId(), id).orElseThrow(() -> ApiException.notFound(RESOURCE, id));
    }

    private static void requireEndpointId(String id) {
        if (!Ids.hasPrefix(id, "we")) {
            throw ApiException.notFound(RESOURCE, id);
        }
    }
}
