package io.outboundcalls.app.contacts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.FieldError;
import io.outboundcalls.app.web.JsonBodies;
import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.app.web.ListParams;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.contact.ContactRules;
import io.outboundcalls.command.contactimport.ContactImport;
import io.outboundcalls.command.contactimport.ContactImportProperties;
import io.outboundcalls.command.contactimport.ContactImportService;
import io.outboundcalls.command.contactimport.ContactImports;
import io.outboundcalls.command.contactlist.ContactLists;
import io.outboundcalls.command.contactlist.CreateContactListCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code POST /v1/contacts/import} (CSV upload or JSON) and the import job's progress and row errors. */
@Tag(name = "Contact imports", description = "Bulk imports of contacts from a CSV file or JSON")
@RestController
@RequestMapping("/v1/contacts")
class ContactImportController {

    private static final Set<String> FORM_FIELDS = Set.of("file", "list_id", "list_name", "default_country", "on_duplicate");
    private static final List<String> ON_DUPLICATE = List.of("skip", "update");
    private static final List<String> COLUMNS = List.of("phone_number", "first_name", "last_name", "email", "timezone");
    /** A JSON body is at most 1 MB anyway; this keeps one request's job small. Larger sets go by CSV. */
    private static final int MAX_JSON_CONTACTS = 10_000;

    private final ContactImportService service;
    private final ContactImports imports;
    private final ContactLists lists;
    private final CommandGateway commands;
    private final JsonBodies bodies;
    private final long maxFileSize;

    ContactImportController(ContactImportService service, ContactImports imports, ContactLists lists,
                            CommandGateway commands, JsonBodies bodies, ContactImportProperties properties) {
        this.service = service;
        this.imports = imports;
        this.lists = lists;
        this.commands = commands;
        this.bodies = bodies;
        this.maxFileSize = properties.maxFileSize().toBytes();
    }

    private record Options(String listId, String listName, String defaultCountry, String onDuplicate) {
    }

    @PostMapping("/import")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "importContacts", summary = "Import contacts (CSV upload or JSON)")
    @RequestBody(required = true, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ContactBodies.JsonImport.class)),
            @Content(mediaType = "multipart/form-data", schema = @Schema(type = "object", requiredProperties = "file",
                    description = ContactBodies.CSV), schemaProperties = {
                    @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary")),
                    @SchemaProperty(name = "list_id", schema = @Schema(type = "string")),
                    @SchemaProperty(name = "list_name", schema = @Schema(type = "string")),
                    @SchemaProperty(name = "default_country", schema = @Schema(type = "string", defaultValue = "US")),
                    @SchemaProperty(name = "on_duplicate", schema = @Schema(type = "string", allowableValues = {"skip", "update"}))})})
    ContactImportResponse start(Principal principal, HttpServletRequest request) throws IOException {
        if (request instanceof MultipartHttpServletRequest multipart) {
            return fromCsv(principal, multipart);
        }
        return fromJson(principal, bodies.read(request));
    }

    private ContactImportResponse fromCsv(Principal principal, MultipartHttpServletRequest request) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        request.getParameterMap().keySet().stream().filter(name -> !FORM_FIELDS.contains(name)).sorted().forEach(name ->
                errors.add(new FieldError(name, "unknown_parameter", "Unknown parameter '" + name + "'")));
        MultipartFile file = request.getFile("file");
        if (file == null) {
            errors.add(new FieldError("file", "parameter_missing", "'file' is required: the CSV to import"));
        } else if (file.getSize() > maxFileSize) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large", "file",
                    "The file is " + file.getSize() + " bytes; the limit is " + maxFileSize + " bytes");
        }
        Options options = options(request.getParameter("list_id"), request.getParameter("list_name"),
                request.getParameter("default_country"), request.getParameter("on_duplicate"), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String listId = targetList(principal, options);
        return ContactImportResponse.of(service.start(principal.accountId(), listId, ContactImport.CSV,
                options.defaultCountry(), options.onDuplicate(), file::getInputStream));
    }

    private ContactImportResponse fromJson(Principal principal, JsonFields f) throws IOException {
        List<Map<String, String>> contacts = f.optionalObjectList("contacts", MAX_JSON_CONTACTS, ContactImportController::contact);
        if (contacts == null) {
            f.error("contacts", "parameter_missing", "'contacts' is required (or upload a CSV as multipart/form-data 'file')");
        }
        List<FieldError> errors = new ArrayList<>();
        Options options = options(f.optionalString("list_id", 40), f.optionalString("list_name", 200),
                f.optionalString("default_country", 2), f.optionalString("on_duplicate", 10), errors);
        errors.forEach(e -> f.error(e.param(), e.code(), e.detail()));
        f.throwIfInvalid();
        byte[] csv = toCsv(contacts);
        String listId = targetList(principal, options);
        return ContactImportResponse.of(service.start(principal.accountId(), listId, ContactImport.JSON,
                options.defaultCountry(), options.onDuplicate(), () -> new ByteArrayInputStream(csv)));
    }

    @GetMapping("/imports/{id}")
    @Operation(operationId = "getContactImport", summary = "Retrieve an import and its progress")
    ContactImportResponse get(Principal principal, @PathVariable String id) {
        return ContactImportResponse.of(find(principal, id));
    }

    @JsonPropertyOrder({"object", "data", "has_more"})
    record ErrorList(String object, List<ContactImports.RowErrorView> data, boolean hasMore) {
    }

    /** Row errors in row order; {@code limit} counts rows (a row's errors are never split), {@code starting_after_row} pages. */
    @GetMapping("/imports/{id}/errors")
    @Operation(operationId = "listContactImportErrors", summary = "List the row errors of an import")
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = "How many rows to return (a row's errors are never split)",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
    @Parameter(in = ParameterIn.QUERY, name = "starting_after_row", description = "The page after this row number",
            schema = @Schema(type = "integer"))
    ErrorList errors(Principal principal, @PathVariable String id, HttpServletRequest request) {
        ListParams params = ListParams.of(request, "starting_after_row");
        int limit = params.page("imp").limit();
        String after = params.string("starting_after_row", 10);
        int afterRow = 0;
        if (after != null) {
            try {
                afterRow = Integer.parseInt(after);
            } catch (NumberFormatException e) {
                params.error("starting_after_row", "invalid_type", "'starting_after_row' must be a row number");
            }
        }
        params.throwIfInvalid();
        find(principal, id);
        List<ContactImports.RowErrorView> rows = imports.errors(id, afterRow, limit + 1);
        long distinctRows = rows.stream().mapToInt(ContactImports.RowErrorView::row).distinct().count();
        if (distinctRows > limit) {
            int lastRow = rows.get(rows.size() - 1).row();
            rows = rows.stream().filter(e -> e.row() != lastRow).toList();
        }
        return new ErrorList("list", rows, distinctRows > limit);
    }

    private ContactImport find(Principal principal, String id) {
        if (!Ids.hasPrefix(id, "imp")) {
            throw ApiException.notFound("contact import", id);
        }
        return imports.find(principal.accountId(), id).orElseThrow(() -> ApiException.notFound("contact import", id));
    }

    private static Options options(String listId, String listName, String country, String onDuplicate, List<FieldError> errors) {
        listId = blankToNull(listId);
        listName = blankToNull(listName);
        country = blankToNull(country);
        onDuplicate = blankToNull(onDuplicate);
        if (listId != null && listName != null) {
            errors.add(new FieldError("list_name", "invalid_request", "Give either 'list_id' or 'list_name', not both"));
        }
        if (listId != null && !Ids.hasPrefix(listId, "list")) {
            errors.add(new FieldError("list_id", "list_not_found", "No such contact list: '" + listId + "'"));
        }
        if (listName != null && listName.length() > 200) {
            errors.add(new FieldError("list_name", "too_long", "'list_name' must be at most 200 characters"));
        }
        if (country != null && !ContactRules.isCountry(country)) {
            errors.add(new FieldError("default_country", "invalid_country",
                    "'default_country' must be an ISO-3166 alpha-2 code such as US or GB"));
        }
        if (onDuplicate != null && !ON_DUPLICATE.contains(onDuplicate)) {
            errors.add(new FieldError("on_duplicate", "invalid_value", "'on_duplicate' must be one of skip, update"));
        }
        return new Options(listId, listName,
                country == null ? ContactRules.DEFAULT_COUNTRY : country.toUpperCase(Locale.ROOT),
                onDuplicate == null ? "skip" : onDuplicate);
    }

    /** The list the contacts join: an existing list of this account, or a new one named {@code list_name}. */
    private String targetList(Principal principal, Options options) {
        if (options.listId() != null) {
            lists.requireOwned(principal.accountId(), List.of(options.listId()), "list_id");
            return options.listId();
        }
        if (options.listName() != null) {
            String listId = Ids.newId("list");
            commands.sendAndWait(new CreateContactListCommand(listId, principal.accountId(), options.listName()));
            return listId;
        }
        return null;
    }

    private static Map<String, String> contact(JsonFields c) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String column : COLUMNS) {
            String value = c.optionalString(column, 1_000);
            if (value != null) {
                values.put(column, value);
            }
        }
        Map<String, String> metadata = c.optionalStringMap("metadata", ContactRules.MAX_METADATA_KEYS);
        if (metadata != null) {
            metadata.forEach((key, value) -> {
                if (COLUMNS.contains(key.toLowerCase(Locale.ROOT))) {
                    c.error("metadata." + key, "invalid_value", "'" + key + "' is a contact field, not a metadata key");
                } else if (!value.isEmpty()) {
                    values.put("metadata." + key, value);
                }
            });
        }
        return values;
    }

    /** JSON contacts become the same CSV a spreadsheet would give, so one job handles both. */
    private static byte[] toCsv(List<Map<String, String>> contacts) throws IOException {
        Set<String> metadataKeys = new TreeSet<>();
        contacts.forEach(c -> c.keySet().stream().filter(k -> k.startsWith("metadata.")).forEach(metadataKeys::add));
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(metadataKeys);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            printer.printRecord(header.stream().map(h -> h.startsWith("metadata.") ? h.substring(9) : h).toList());
            for (Map<String, String> contact : contacts) {
                printer.printRecord(header.stream().map(h -> contact.getOrDefault(h, "")).toList());
            }
        }
        return out.toByteArray();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
