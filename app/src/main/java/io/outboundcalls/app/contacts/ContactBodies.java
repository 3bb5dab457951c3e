package io.outboundcalls.app.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The contact, list and import bodies as the OpenAPI document describes them; {@link ContactRequests},
 * {@link ContactListController} and {@link ContactImportController} read and check them.
 */
final class ContactBodies {

    /** The multipart form of an import (described inline: generators turn it into form parameters). */
    static final String CSV = "A CSV file (UTF-8, header row: phone_number, first_name, last_name, email, timezone; "
            + "other columns become metadata) and the list it joins";
    private static final String PHONE = "Any common format; stored as E.164. A national number is read in default_country";

    private ContactBodies() {
    }

    @Schema(name = "CreateContactRequest", requiredProperties = "phone_number")
    record Create(@Schema(description = PHONE, example = "+14155552671") String phoneNumber,
                  @Schema(description = "ISO-3166 alpha-2 country of a national phone_number", example = "US", defaultValue = "US")
                  String defaultCountry,
                  String firstName, String lastName, String email,
                  @Schema(description = "IANA time zone; inferred from the number when left out", example = "America/New_York")
                  String timezone,
                  @Schema(description = "Usable as {{variables}} in agent prompts") Map<String, String> metadata,
                  Boolean doNotCall,
                  @Schema(description = "Contact lists (list_…) the contact belongs to") List<String> listIds) {
    }

    @Schema(name = "UpdateContactRequest", description = "Only the fields sent change")
    record Update(@Schema(description = PHONE) String phoneNumber, String defaultCountry, String firstName, String lastName,
                  String email, String timezone, Map<String, String> metadata, Boolean doNotCall, List<String> listIds) {
    }

    @Schema(name = "CreateContactListRequest", requiredProperties = "name")
    record CreateList(@Schema(maxLength = 200, example = "Q1 prospects") String name) {
    }

    @Schema(name = "ImportContactsRequest", description = "Contacts as JSON; list_id or list_name names the list they join")
    record JsonImport(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ImportedContact> contacts,
                      String listId, String listName,
                      @Schema(example = "US", defaultValue = "US") String defaultCountry,
                      @Schema(allowableValues = {"skip", "update"}, defaultValue = "skip") String onDuplicate) {
    }

    @Schema(name = "ImportedContact", requiredProperties = "phone_number")
    record ImportedContact(String phoneNumber, String firstName, String lastName, String email, String timezone,
                           Map<String, String> metadata) {
    }
}
