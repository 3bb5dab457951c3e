package io.outboundcalls.command.contactimport;

import io.outboundcalls.command.common.PhoneNumbers;
import io.outboundcalls.command.common.StorableText;
import io.outboundcalls.command.contact.ContactRules;
import io.outboundcalls.command.contact.ContactTimezones;
import io.outboundcalls.command.contact.ImportRow;
import io.outboundcalls.command.contact.ImportRowError;
import io.outboundcalls.events.contact.ContactDetails;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one CSV row into a contact, or into the list of what is wrong with it (the same rules as POST /v1/contacts). */
final class ImportRowValidator {

    private final List<CsvContactReader.Column> columns;
    private final String defaultCountry;

    ImportRowValidator(List<CsvContactReader.Column> columns, String defaultCountry) {
        this.columns = columns;
        this.defaultCountry = defaultCountry;
    }

    record Result(ImportRow row, List<ImportRowError> errors) {
    }

    Result validate(int rowNumber, List<String> values) {
        List<ImportRowError> errors = new ArrayList<>();
        String phone = null;
        String firstName = null;
        String lastName = null;
        String email = null;
        String timezone = null;
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < columns.size() && i < values.size(); i++) {
            CsvContactReader.Column column = columns.get(i);
            String value = values.get(i);
            if (value.isEmpty() || column.field() == null && column.metadataKey() == null) {
                continue;
            }
            String unstorable = StorableText.problem(value);
            if (unstorable != null) {
                String name = column.field() != null ? column.field() : column.metadataKey();
                errors.add(new ImportRowError(rowNumber, name, StorableText.INVALID_STRING, "The cell " + unstorable,
                        abbreviate(StorableText.replaced(value))));
                continue;
            }
            if (column.metadataKey() != null) {
                if (value.length() > ContactRules.MAX_METADATA_VALUE) {
                    errors.add(new ImportRowError(rowNumber, column.metadataKey(), "too_long",
                            "Metadata values are at most " + ContactRules.MAX_METADATA_VALUE + " characters", abbreviate(value)));
                } else {
                    metadata.put(column.metadataKey(), value);
                }
                continue;
            }
            switch (column.field()) {
                case "phone_number" -> phone = value;
                case "first_name" -> firstName = name(rowNumber, "first_name", value, errors);
                case "last_name" -> lastName = name(rowNumber, "last_name", value, errors);
                case "email" -> {
                    if (ContactRules.isValidEmail(value)) {
                        email = value;
                    } else {
                        errors.add(new ImportRowError(rowNumber, "email", "invalid_email", "Not a valid email address", abbreviate(value)));
                    }
                }
                case "timezone" -> {
                    if (ContactTimezones.isValid(value)) {
                        timezone = value;
                    } else {
                        errors.add(new ImportRowError(rowNumber, "timezone", "invalid_timezone",
                                "Not an IANA time zone such as America/New_York", abbreviate(value)));
                    }
                }
                default -> {
                }
            }
        }
        PhoneNumbers.Parsed number = null;
        if (phone == null && errors.stream().noneMatch(e -> e.column().equals("phone_number"))) {
            errors.add(0, new ImportRowError(rowNumber, "phone_number", "parameter_missing", "The phone number is empty", null));
        } else if (phone != null) {
            number = PhoneNumbers.parse(phone, defaultCountry);
            if (number == null) {
                errors.add(0, new ImportRowError(rowNumber, "phone_number", "invalid_phone_number",
                        "Not a valid phone number for default country " + defaultCountry, abbreviate(phone)));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new ImportRow(rowNumber, new ContactDetails(number.e164(), phone, firstName, lastName, email, metadata),
                timezone, ContactTimezones.resolve(number.number(), number.type(), timezone)), List.of());
    }

    private static String name(int rowNumber, String column, String value, List<ImportRowError> errors) {
        if (value.length() > ContactRules.MAX_NAME) {
            errors.add(new ImportRowError(rowNumber, column, "too_long", "At most " + ContactRules.MAX_NAME + " characters",
                    abbreviate(value)));
            return null;
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 200 ? value : StorableText.prefix(value, 200) + "…";
    }
}
