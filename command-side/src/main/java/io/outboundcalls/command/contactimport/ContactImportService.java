package io.outboundcalls.command.contactimport;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.outboundcalls.command.common.Ids;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Accepts an upload: checks the file as a whole while streaming it once (UTF-8, CSV, a
 * phone_number column; counting its rows), stores it, and schedules the job. A file that cannot
 * be imported at all becomes an import that is {@code failed} with the reason, not a half-run job.
 */
@Component
public class ContactImportService {

    /** Opens the uploaded file again for each pass; it is read twice, never held in memory. */
    @FunctionalInterface
    public interface Upload {
        InputStream open() throws IOException;
    }

    private final ContactImports imports;
    private final TransactionTemplate transactions;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;

    ContactImportService(ContactImports imports, TransactionTemplate transactions, @Lazy SchedulerClient scheduler,
                         OneTimeTask<String> contactImportTask) {
        this.imports = imports;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.task = contactImportTask;
    }

    public ContactImport start(String accountId, String listId, String source, String defaultCountry, String onDuplicate,
                               Upload upload) throws IOException {
        String id = Ids.newId("imp");
        int totalRows;
        try (InputStream in = upload.open(); CsvContactReader reader = CsvContactReader.open(in)) {
            totalRows = 0;
            while (reader.next() != null) {
                totalRows++;
            }
        } catch (InvalidImportFileException e) {
            imports.insert(id, accountId, ContactImport.FAILED, listId, source, defaultCountry, onDuplicate, 0, e.getMessage());
            return imports.find(id).orElseThrow();
        }
        int rows = totalRows;
        transactions.executeWithoutResult(status -> {
            imports.insert(id, accountId, ContactImport.PENDING, listId, source, defaultCountry, onDuplicate, rows, null);
            try (InputStream in = upload.open()) {
                imports.storeFile(id, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        scheduler.scheduleIfNotExists(task.instance(id, id), Instant.now());
        return imports.find(id).orElseThrow();
    }
}
