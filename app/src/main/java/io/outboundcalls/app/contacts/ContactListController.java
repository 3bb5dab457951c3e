package io.outboundcalls.app.contacts;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiList;
import io.outboundcalls.app.web.Deleted;
import io.outboundcalls.app.web.JsonBodies;
import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.app.web.ListParams;
import io.outboundcalls.app.web.ReadYourWrites;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.contactlist.CreateContactListCommand;
import io.outboundcalls.command.contactlist.DeleteContactListCommand;
import io.outboundcalls.query.common.Page;
import io.outboundcalls.query.common.PageResponseType;
import io.outboundcalls.query.contact.ContactListView;
import io.outboundcalls.query.contact.FindContactListQuery;
import io.outboundcalls.query.contact.ListContactListsQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
@RestController
@RequestMapping("/v1/contact_lists")
class ContactListController {

    static final String PROJECTION = "contacts";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final JsonBodies bodies;

    ContactListController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, JsonBodies bodies) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.bodies = bodies;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContactListResponse create(Principal principal, HttpServletRequest request) {
        JsonFields f = bodies.read(request);
        String name = f.requiredString("name", 200);
        f.throwIfInvalid();
        String listId = Ids.newId("list");
        commands.sendAndWait(new CreateContactListCommand(listId, principal.accountId(), name));
        readYourWrites.await(PROJECTION, listId);
        return ContactListResponse.of(find(principal, listId)
                .orElseGet(() -> new ContactListView(listId, principal.accountId(), name, 0, Instant.now())));
    }

    @GetMapping
    ApiList<ContactListResponse> list(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        var page = params.page("list");
        params.throwIfInvalid();
        Page<ContactListView> result = queries.query(new ListContactListsQuery(principal.accountId(), page),
                PageResponseType.pageOf(ContactListView.class)).join();
        return ApiList.of(result, ContactListResponse::of);
    }

    @GetMapping("/{id}")
    ContactListResponse get(Principal principal, @PathVariable String id) {
        return ContactListResponse.of(find(principal, id).orElseThrow(() -> ApiException.notFound("contact list", id)));
    }

    @DeleteMapping("/{id}")
    Deleted delete(Principal principal, @PathVariable String id) {
        if (!Ids.hasPrefix(id, "list")) {
            throw ApiException.notFound("contact list", id);
        }
        commands.sendAndWait(new DeleteContactListCommand(id, principal.accountId()));
        readYourWrites.await(PROJECTION, id);
        return new Deleted(id, "contact_list", true);
    }

    private Optional<ContactListView> find(Principal principal, String id) {
        return queries.query(new FindContactListQuery(principal.accountId(), id),
                ResponseTypes.optionalInstanceOf(ContactListView.class)).join();
    }
}
