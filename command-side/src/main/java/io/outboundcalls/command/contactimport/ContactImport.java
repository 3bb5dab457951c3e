package io.outboundcalls.command.contactimport;

import java.time.Instant;

/** An import job as the API shows it. */
public record ContactImport(String id, String accountId, String status, String listId, String source, String defaultCountry,
                            String onDuplicate, int totalRows, int processedRows, int created, int updated, int skipped,
                            int failedRows, String failureReason, int recordsDone, Instant createdAt, Instant updatedAt,
                            Instant completedAt) {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String COMPLETED_WITH_ERRORS = "completed_with_errors";
    public static final String FAILED = "failed";
    public static final String CSV = "csv";
    public static final String JSON = "json";

    public boolean isFinished() {
        return COMPLETED.equals(status) || COMPLETED_WITH_ERRORS.equals(status) || FAILED.equals(status);
    }
}
