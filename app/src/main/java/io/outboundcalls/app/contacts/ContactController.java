package io.outboundcalls.app.contacts;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiGateway;
import io.outboundcalls.app.web.ApiList;
import io.outboundcalls.app.web.Deleted;
import io.outboundcalls.app.web.ListParams;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.common.PhoneNumbers;
import io.outboundcalls.command.contact.ContactChanges;
import io.outboundcalls.command.contact.ContactRules;
import io.outboundcalls.command.contact.CreateContactCommand;
import io.outboundcalls.command.contact.DeleteContactCommand;
import io.outboundcalls.command.contact.UpdateContactCommand;
import io.outboundcalls.events.contact.ContactDetails;
import io.outboundcalls.query.common.Page;
import io.outboundcalls.query.contact.ContactProjection;
import io.outboundcalls.query.contact.ContactView;
import io.outboundcalls.query.contact.FindContactQuery;
import io.outboundcalls.query.contact.ListContactsQuery;
import io.outboundcalls.webhooks.payload.ContactResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
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

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/contacts}: commands go to the Contact aggregate, reads come from the contacts projection. */
@Tag(name = "Contacts", description = "People to call; phone numbers are unique per account")
@RestController
@RequestMapping("/v1/contacts")
class ContactController {

    private static final Set<String> STATUSES = Set.of("new", "in_campaign", "reached", "unreachable", "opted_out");

    private final ApiGateway api;

    ContactController(ApiGateway api) {
        this.api = api;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createContact", summary = "Create a contact")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContactBodies.Create.class)))
    ContactResponse create(Principal principal, HttpServletRequest request) {
        ContactChanges c = ContactRequests.create(api.body(request));
        String contactId = Ids.newId("contact");
        ContactDetails details = new ContactDetails(c.phoneNumber(), c.rawPhoneNumber(), c.firstName(), c.lastName(),
                c.email(), c.metadata() == null ? Map.of() : c.metadata());
        api.send(new CreateContactCommand(contactId, principal.accountId(), details, c.timezone(),
                Boolean.TRUE.equals(c.doNotCall()), c.listIds() == null ? Set.of() : c.listIds()));
        return read(principal, contactId);
    }

    @GetMapping
    @Operation(operationId = "listContacts", summary = "List contacts")
    @Parameter(in = ParameterIn.QUERY, name = "list_id", description = "Only members of this contact list", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "status", description = "Only contacts in this status",
            schema = @Schema(allowableValues = {"new", "in_campaign", "reached", "unreachable", "opted_out"}))
    @Parameter(in = ParameterIn.QUERY, name = "phone_number", description = "Only the contact with this number (any common format)", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "do_not_call", description = "Only contacts with this do_not_call flag",
            schema = @Schema(type = "boolean"))
    ApiList<ContactResponse> list(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request, "list_id", "status", "phone_number", "do_not_call");
        var page = params.page("contact");
        String listId = params.string("list_id", 40);
        String status = params.enumValue("status", STATUSES);
        String phone = params.string("phone_number", 64);
        Boolean doNotCall = params.bool("do_not_call");
        params.throwIfInvalid();
        if (phone != null) {
            // the filter matches what is stored: E.164, so "+1 (415) 555-2671" finds +14155552671
            phone = PhoneNumbers.toE164(phone, ContactRules.DEFAULT_COUNTRY).orElse(phone);
        }
        Page<ContactView> result = api.page(
                new ListContactsQuery(principal.accountId(), listId, status, phone, doNotCall, page), ContactView.class);
        return ApiList.of(result, ContactResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getContact", summary = "Retrieve a contact")
    ContactResponse get(Principal principal, @PathVariable String id) {
        return ContactResponse.of(find(principal, id).orElseThrow(() -> ApiException.notFound("contact", id)));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateContact", summary = "Update a contact")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContactBodies.Update.class)))
    ContactResponse update(Principal principal, @PathVariable String id, HttpServletRequest request) {
        ContactChanges changes = ContactRequests.update(api.body(request));
        requireContactId(id);
        api.send(new UpdateContactCommand(id, principal.accountId(), changes));
        return read(principal, id);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteContact", summary = "Delete a contact")
    Deleted delete(Principal principal, @PathVariable String id) {
        requireContactId(id);
        api.send(new DeleteContactCommand(id, principal.accountId()));
        api.awaitProjection(ContactProjection.PROCESSING_GROUP, id);
        return new Deleted(id, "contact", true);
    }

    private ContactResponse read(Principal principal, String contactId) {
        api.awaitProjection(ContactProjection.PROCESSING_GROUP, contactId);
        return ContactResponse.of(find(principal, contactId).orElseThrow(() -> ApiException.notFound("contact", contactId)));
    }

    private Optional<ContactView> find(Principal principal, String id) {
        return api.findOne(new FindContactQuery(principal.accountId(), id), ContactView.class);
    }

    private static void requireContactId(String id) {
        if (!Ids.hasPrefix(id, "contact")) {
            throw ApiException.notFound("contact", id);
        }
    }
}
