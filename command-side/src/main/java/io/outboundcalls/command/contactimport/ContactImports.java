package io.outboundcalls.command.contactimport;

import io.outboundcalls.command.contact.ImportRowError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Import jobs, their stored files and their row errors ({@code contacts.imports*}). The file is
 * kept in PostgreSQL in 1 MB chunks, so any node can resume a job and no node holds it whole.
 */
@Component
public class ContactImports {

    static final int CHUNK_SIZE = 1024 * 1024;
    private static final String SELECT = """
            select id, account_id, status, list_id, source, default_country, on_duplicate, total_rows, processed_rows,
                   created, updated, skipped, failed_rows, failure_reason, records_done, created_at, updated_at, completed_at
            from contacts.imports""";
    private static final RowMapper<ContactImport> MAPPER = (rs, i) -> new ContactImport(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9),
            rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getString(14), rs.getInt(15),
            rs.getTimestamp(16).toInstant(), rs.getTimestamp(17).toInstant(),
            rs.getTimestamp(18) == null ? null : rs.getTimestamp(18).toInstant());

    private final JdbcTemplate jdbc;

    ContactImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record RowErrorView(int row, String column, String code, String detail, String value) {
    }

    void insert(String id, String accountId, String status, String listId, String source, String defaultCountry,
                String onDuplicate, int totalRows, String failureReason) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into contacts.imports (id, account_id, status, list_id, source, default_country, on_duplicate,
                    total_rows, failure_reason, created_at, updated_at, completed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, accountId, status, listId, source, defaultCountry, onDuplicate, totalRows, failureReason, now, now,
                ContactImport.FAILED.equals(status) ? now : null);
    }

    /** Streams {@code file} into chunks; never more than one chunk in memory. */
    void storeFile(String id, InputStream file) throws IOException {
        byte[] buffer = new byte[CHUNK_SIZE];
        int seq = 0;
        int filled;
        while ((filled = file.readNBytes(buffer, 0, CHUNK_SIZE)) > 0) {
            byte[] chunk = filled == CHUNK_SIZE ? buffer : java.util.Arrays.copyOf(buffer, filled);
            jdbc.update("insert into contacts.import_chunks (import_id, seq, data) values (?, ?, ?)", id, seq++, chunk);
        }
    }

    /** The stored file, read back one chunk at a time. */
    InputStream openFile(String id) {
        return new InputStream() {
            private int seq;
            private byte[] chunk = new byte[0];
            private int position;
            private boolean exhausted;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] target, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (position >= chunk.length) {
                    if (exhausted) {
                        return -1;
                    }
                    List<byte[]> next = jdbc.query("select data from contacts.import_chunks where import_id = ? and seq = ?",
                            (rs, i) -> rs.getBytes(1), id, seq++);
                    if (next.isEmpty()) {
                        exhausted = true;
                        return -1;
                    }
                    chunk = next.get(0);
                    position = 0;
                }
                int count = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, target, offset, count);
                position += count;
                return count;
            }
        };
    }

    boolean hasFile(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from contacts.import_chunks where import_id = ?)", Boolean.class, id));
    }

    public Optional<ContactImport> find(String accountId, String id) {
        return jdbc.query(SELECT + " where id = ? and account_id = ?", MAPPER, id, accountId).stream().findFirst();
    }

    Optional<ContactImport> find(String id) {
        return jdbc.query(SELECT + " where id = ?", MAPPER, id).stream().findFirst();
    }

    /** The errors of the first {@code rows} failed rows after {@code afterRow}, in row order (a row is never split). */
    public List<RowErrorView> errors(String id, int afterRow, int rows) {
        return jdbc.query("""
                select row_number, column_name, code, detail, value from contacts.import_errors
                where import_id = ? and row_number in (
                    select distinct row_number from contacts.import_errors where import_id = ? and row_number > ?
                    order by row_number limit ?)
                order by row_number, seq""",
                (rs, i) -> new RowErrorView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                id, id, afterRow, rows);
    }

    void markProcessing(String id) {
        jdbc.update("update contacts.imports set status = 'processing', updated_at = now() where id = ? and status = 'pending'", id);
    }

    /** Called inside the batch's command transaction: progress and errors commit with the contacts. */
    public void recordBatch(String id, int recordsDone, int rows, int created, int updated, int skipped, int failedRows,
                            List<ImportRowError> errors) {
        jdbc.update("""
                update contacts.imports set records_done = ?, processed_rows = processed_rows + ?, created = created + ?,
                    updated = updated + ?, skipped = skipped + ?, failed_rows = failed_rows + ?, updated_at = now()
                where id = ?""", recordsDone, rows, created, updated, skipped, failedRows, id);
        if (errors.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>();
        int seq = 0;
        int previousRow = -1;
        for (ImportRowError e : errors) {
            seq = e.row() == previousRow ? seq + 1 : 0;
            previousRow = e.row();
            args.add(new Object[]{id, e.row(), seq, e.column(), e.code(), e.detail(), e.value()});
        }
        jdbc.batchUpdate("""
                insert into contacts.import_errors (import_id, row_number, seq, column_name, code, detail, value)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", args);
    }

    void finish(String id) {
        jdbc.update("""
                update contacts.imports set status = case when failed_rows > 0 then 'completed_with_errors' else 'completed' end,
                    updated_at = now(), completed_at = now() where id = ? and status in ('pending', 'processing')""", id);
        jdbc.update("delete from contacts.import_chunks where import_id = ?", id);
    }

    void fail(String id, String reason) {
        jdbc.update("""
                update contacts.imports set status = 'failed', failure_reason = ?, updated_at = now(), completed_at = now()
                where id = ? and status in ('pending', 'processing')""", reason, id);
        jdbc.update("delete from contacts.import_chunks where import_id = ?", id);
    }
}
