package io.outboundcalls.app.contacts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.command.contactimport.ContactImport;

import java.time.Instant;

@JsonPropertyOrder({"id", "object"})
record ContactImportResponse(String id, String object, String status, String listId, String source, String defaultCountry,
                             String onDuplicate, int totalRows, int processedRows, int created, int updated, int skipped,
                             int failedRows, String failureReason, Instant createdAt, Instant updatedAt,
                             Instant completedAt) {

    static ContactImportResponse of(ContactImport i) {
        return new ContactImportResponse(i.id(), "contact_import", i.status(), i.listId(), i.source(), i.defaultCountry(),
                i.onDuplicate(), i.totalRows(), i.processedRows(), i.created(), i.updated(), i.skipped(), i.failedRows(),
                i.failureReason(), i.createdAt(), i.updatedAt(), i.completedAt());
    }
}
