package io.outboundcalls.command.contact;

import io.outboundcalls.command.contactimport.ContactImports;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.events.contact.DoNotCallReason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.outboundcalls.command.contact.ContactChanges.*;

/**
 * Writes one import batch in a single unit of work: one query finds which numbers already have
 * a contact, one batched insert claims the new ones (a number taken meanwhile rolls the batch
 * back), one query finds which of them are suppressed, existing contacts are loaded through the
 * repository and changed, and each new contact is created by the {@link Contact} aggregate
 * through the repository, so all the batch's events commit with its progress. One command per
 * row would be an order of magnitude slower; {@link ContactRepository} keeps a unit of work of
 * 1,000 new aggregates cheap to commit.
 */
@Component
class ContactImportBatchHandler {

    private final Repository<Contact> repository;
    private final PhoneNumberClaims claims;
    private final ContactImports imports;
    private final NumberSuppressions suppressions;

    ContactImportBatchHandler(Repository<Contact> repository, PhoneNumberClaims claims, ContactImports imports,
                              NumberSuppressions suppressions) {
        this.repository = repository;
        this.claims = claims;
        this.imports = imports;
        this.suppressions = suppressions;
    }

    @CommandHandler
    void handle(ImportContactsBatchCommand command) throws Exception {
        List<ImportRow> rows = command.rows();
        Map<String, String> owners = claims.owners(command.accountId(), rows.stream().map(r -> r.details().phoneNumber()).toList());
        Map<String, String> newIds = new LinkedHashMap<>();
        Map<String, ImportRow> newRows = new HashMap<>();
        int updated = 0;
        int skipped = 0;
        Set<String> list = command.listId() == null ? Set.of() : Set.of(command.listId());
        for (ImportRow row : rows) {
            String existing = owners.get(row.details().phoneNumber());
            if (existing == null) {
                newIds.put(row.details().phoneNumber(), Ids.newId("contact"));
                newRows.put(row.details().phoneNumber(), row);
                continue;
            }
            Aggregate<Contact> contact = repository.load(existing);
            if (command.updateDuplicates()) {
                contact.execute(c -> {
                    c.update(changesFrom(row), null);
                    c.addToLists(list);
                });
                updated++;
            } else {
                contact.execute(c -> c.addToLists(list));
                skipped++;
            }
        }
        if (!claims.claimAll(command.accountId(), newIds)) {
            // another request took one of these numbers since the lookup: roll back, the job retries the batch
            throw new ConcurrencyException("A phone number of import " + command.importId() + " was taken concurrently");
        }
        // a number deleted and imported again keeps its opt-out or do-not-call mark
        Map<String, DoNotCallReason> suppressed = suppressions.reasonsFor(command.accountId(), newIds.keySet());
        for (Map.Entry<String, String> entry : newIds.entrySet()) {
            ImportRow row = newRows.get(entry.getKey());
            DoNotCallReason reason = suppressed.get(entry.getKey());
            repository.newInstance(() -> new Contact(entry.getValue(), command.accountId(), row.details(), row.resolved(),
                    false, reason, list));
        }
        imports.recordBatch(command.importId(), command.recordsDone(), command.rowsInBatch(), newIds.size(), updated,
                skipped, command.failedRows(), command.errors());
    }

    /** On update, the row's non-empty cells replace the contact's values; metadata columns are merged. */
    private static ContactChanges changesFrom(ImportRow row) {
        var d = row.details();
        Set<String> fields = new HashSet<>();
        if (d.firstName() != null) {
            fields.add(FIRST_NAME);
        }
        if (d.lastName() != null) {
            fields.add(LAST_NAME);
        }
        if (d.email() != null) {
            fields.add(EMAIL);
        }
        if (row.timezone() != null) {
            fields.add(TIMEZONE);
        }
        if (d.metadata() != null && !d.metadata().isEmpty()) {
            fields.add(METADATA);
        }
        return new ContactChanges(null, null, d.firstName(), d.lastName(), d.email(), row.timezone(), d.metadata(),
                null, null, fields);
    }
}
