package io.outboundcalls.command.contact;

import java.util.List;

/**
 * One batch of an import, written in one transaction together with the import's progress, so a
 * job resumed after a crash starts exactly after the last batch that committed.
 *
 * @param rows         valid rows (their numbers unique in the account within this batch)
 * @param errors       the batch's per-row errors, already decided by the job
 * @param failedRows   how many rows those errors are about
 * @param recordsDone  the file's records consumed once this batch commits (blank lines included)
 * @param rowsInBatch  non-blank rows this batch accounts for (valid + failed)
 */
public record ImportContactsBatchCommand(String importId, String accountId, String listId, boolean updateDuplicates,
                                         List<ImportRow> rows, List<ImportRowError> errors, int failedRows,
                                         int recordsDone, int rowsInBatch) {
}
