package io.outboundcalls.app.contacts;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiGateway;
import io.outboundcalls.app.web.ApiList;
import io.outboundcalls.app.web.Deleted;
import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.app.web.ListParams;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.contactlist.CreateContactListCommand;
import io.outboundcalls.command.contactlist.DeleteContactListCommand;
import io.outboundcalls.query.common.Page;
import io.outboundcalls.query.contact.ContactListView;
import io.outboundcalls.query.contact.ContactProjection;
import io.outboundcalls.query.contact.FindContactListQuery;
import io.outboundcalls.query.contact.ListContactListsQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

/** {@code /v1/contact_lists}: named sets of contacts that campaigns call. */
@Tag(name = "Contact lists", description = "Named groups of contacts that campaigns call")
@RestController
@RequestMapping("/v1/contact_lists")
class ContactListController {

    private final ApiGateway api;

    ContactListController(ApiGateway api) {
        this.api = api;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createContactList", summary = "Create a contact list")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContactBodies.CreateList.class)))
    ContactListResponse create(Principal principal, HttpServletRequest request) {
        JsonFields f = api.body(request);
        String name = f.requiredString("name", 200);
        f.throwIfInvalid();
        String listId = Ids.newId("list");
        api.send(new CreateContactListCommand(listId, principal.accountId(), name));
        api.awaitProjection(ContactProjection.PROCESSING_GROUP, listId);
        return ContactListResponse.of(find(principal, listId)
                .orElseGet(() -> new ContactListView(listId, principal.accountId(), name, 0, Instant.now())));
    }

    @GetMapping
    @Operation(operationId = "listContactLists", summary = "List contact lists")
    ApiList<ContactListResponse> list(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        var page = params.page("list");
        params.throwIfInvalid();
        Page<ContactListView> result = api.page(new ListContactListsQuery(principal.accountId(), page), ContactListView.class);
        return ApiList.of(result, ContactListResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getContactList", summary = "Retrieve a contact list")
    ContactListResponse get(Principal principal, @PathVariable String id) {
        return ContactListResponse.of(find(principal, id).orElseThrow(() -> ApiException.notFound("contact list", id)));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteContactList", summary = "Delete a contact list")
    Deleted delete(Principal principal, @PathVariable String id) {
        if (!Ids.hasPrefix(id, "list")) {
            throw ApiException.notFound("contact list", id);
        }
        api.send(new DeleteContactListCommand(id, principal.accountId()));
        api.awaitProjection(ContactProjection.PROCESSING_GROUP, id);
        return new Deleted(id, "contact_list", true);
    }

    private Optional<ContactListView> find(Principal principal, String id) {
        return api.findOne(new FindContactListQuery(principal.accountId(), id), ContactListView.class);
    }
}
