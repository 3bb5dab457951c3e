package io.outboundcalls.command.contactimport;

import io.outboundcalls.command.contact.ImportContactsBatchCommand;
import io.outboundcalls.command.contact.ImportRow;
import io.outboundcalls.command.contact.ImportRowError;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an import from its stored file, batch by batch. Each batch commits with the job's
 * progress ({@code records_done}), so after a crash the job, picked up again by db-scheduler on
 * any node, re-reads the file, skips what committed and carries on; duplicates inside the file
 * are found by remembering the first row of every number (rebuilt from the skipped part).
 */
@Component
public class ContactImportJob {

    private static final Logger log = LoggerFactory.getLogger(ContactImportJob.class);
    private static final int CONCURRENT_CLAIM_RETRIES = 3;

    private final ContactImports imports;
    private final CommandGateway commands;
    private final int batchSize;

    ContactImportJob(ContactImports imports, CommandGateway commands, ContactImportProperties properties) {
        this.imports = imports;
        this.commands = commands;
        this.batchSize = properties.batchSize();
    }

    public void run(String importId) {
        ContactImport job = imports.find(importId).orElse(null);
        if (job == null || job.isFinished()) {
            return;
        }
        if (!imports.hasFile(importId)) {
            imports.fail(importId, "The uploaded file is no longer stored; upload it again");
            return;
        }
        imports.markProcessing(importId);
        try (CsvContactReader reader = CsvContactReader.open(imports.openFile(importId))) {
            process(job, reader);
            imports.finish(importId);
        } catch (InvalidImportFileException e) {
            imports.fail(importId, e.getMessage());
        } catch (RuntimeException | java.io.IOException e) {
            log.error("Contact import {} failed", importId, e);
            imports.fail(importId, "The import stopped on an internal error; rows counted as processed were imported");
        }
    }

    private void process(ContactImport job, CsvContactReader reader) throws InvalidImportFileException {
        ImportRowValidator validator = new ImportRowValidator(reader.columns(), job.defaultCountry());
        boolean json = ContactImport.JSON.equals(job.source());
        Map<String, Integer> firstRowOfNumber = new HashMap<>();
        List<ImportRow> rows = new ArrayList<>();
        List<ImportRowError> errors = new ArrayList<>();
        int failed = 0;
        int inBatch = 0;
        CsvContactReader.Row row;
        while ((row = reader.next()) != null) {
            int shown = json ? row.row() - 1 : row.row(); // JSON rows are numbered by their position in "contacts"
            ImportRowValidator.Result result = validator.validate(shown, row.values());
            boolean done = row.row() <= job.recordsDone();
            if (result.row() != null) {
                String number = result.row().details().phoneNumber();
                Integer first = firstRowOfNumber.putIfAbsent(number, shown);
                if (first != null && !done) {
                    result = new ImportRowValidator.Result(null, List.of(new ImportRowError(shown, "phone_number",
                            "duplicate_in_file", "Row " + first + " has the same phone number; the first row wins", number)));
                }
            }
            if (done) {
                continue;
            }
            if (result.row() != null) {
                rows.add(result.row());
            } else {
                errors.addAll(result.errors());
                failed++;
            }
            if (++inBatch >= batchSize) {
                send(job, rows, errors, failed, reader.recordsConsumed(), inBatch);
                rows = new ArrayList<>();
                errors = new ArrayList<>();
                failed = 0;
                inBatch = 0;
            }
        }
        if (inBatch > 0) {
            send(job, rows, errors, failed, reader.recordsConsumed(), inBatch);
        }
    }

    private void send(ContactImport job, List<ImportRow> rows, List<ImportRowError> errors, int failed, int recordsDone,
                      int inBatch) {
        var command = new ImportContactsBatchCommand(job.id(), job.accountId(), job.listId(), "update".equals(job.onDuplicate()),
                rows, errors, failed, recordsDone, inBatch);
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(command);
                return;
            } catch (ConcurrencyException e) {
                if (attempt >= CONCURRENT_CLAIM_RETRIES) {
                    throw e;
                }
            }
        }
    }
}
