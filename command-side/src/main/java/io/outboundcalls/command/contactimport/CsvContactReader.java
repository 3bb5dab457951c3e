package io.outboundcalls.command.contactimport;

import io.outboundcalls.command.common.StorableText;
import io.outboundcalls.command.contact.ContactRules;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Streams a spreadsheet-exported CSV record by record: strips a UTF-8 BOM, refuses bytes that
 * are not UTF-8 (so no cell holds an unpaired surrogate) and a header that is not text, handles
 * quoted commas and line breaks, CRLF, trailing spaces; skips blank lines (they still count, so row
 * numbers match what a spreadsheet shows: the header is row 1). A NUL inside a cell is that row's
 * error ({@link ImportRowValidator}), not the file's.
 */
final class CsvContactReader implements Closeable {

    static final String PHONE_NUMBER = "phone_number";
    static final Set<String> KNOWN = Set.of(PHONE_NUMBER, "first_name", "last_name", "email", "timezone");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    /** A column: its field name when known, else the metadata key it feeds (null: ignored, an unnamed column). */
    record Column(String field, String metadataKey) {
    }

    record Row(int row, List<String> values) {
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<Column> columns = new ArrayList<>();
    private int recordsConsumed;

    private CsvContactReader(InputStream raw) throws IOException, InvalidImportFileException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.parser = CSVParser.builder().setReader(new InputStreamReader(withoutBom(raw), decoder))
                .setFormat(FORMAT).get();
        this.records = parser.iterator();
        readHeader();
    }

    static CsvContactReader open(InputStream raw) throws InvalidImportFileException {
        try {
            return new CsvContactReader(raw);
        } catch (IOException e) {
            throw new InvalidImportFileException("The file could not be read");
        }
    }

    List<Column> columns() {
        return columns;
    }

    /** Records consumed so far, the header and blank lines included. */
    int recordsConsumed() {
        return recordsConsumed;
    }

    /** The next non-blank row, or null at the end. */
    Row next() throws InvalidImportFileException {
        while (true) {
            CSVRecord record = nextRecord();
            if (record == null) {
                return null;
            }
            List<String> values = record.toList();
            if (values.stream().anyMatch(v -> !v.isEmpty())) {
                return new Row(recordsConsumed, values);
            }
        }
    }

    private void readHeader() throws InvalidImportFileException {
        CSVRecord header;
        do {
            header = nextRecord();
            if (header == null) {
                throw new InvalidImportFileException("The file is empty: the first row must be a header naming the columns, with phone_number");
            }
        } while (header.toList().stream().allMatch(String::isEmpty));
        if (!header.toList().stream().allMatch(StorableText::isStorable)) {
            throw new InvalidImportFileException("The file is not CSV text (its header row contains NUL characters, as a "
                    + "spreadsheet's native format or UTF-16 text does); save it as 'CSV UTF-8' and upload it again");
        }
        Set<String> seen = new HashSet<>();
        int metadataColumns = 0;
        for (String name : header.toList()) {
            String normalized = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            if (normalized.isEmpty()) {
                columns.add(new Column(null, null));
                continue;
            }
            if (!seen.add(normalized)) {
                throw new InvalidImportFileException("The column '" + name + "' appears twice in the header");
            }
            if (KNOWN.contains(normalized)) {
                columns.add(new Column(normalized, null));
                continue;
            }
            if (name.strip().length() > ContactRules.MAX_METADATA_KEY) {
                throw new InvalidImportFileException("The column name '" + name.strip() + "' is longer than "
                        + ContactRules.MAX_METADATA_KEY + " characters (other columns become metadata keys)");
            }
            if (++metadataColumns > ContactRules.MAX_METADATA_KEYS) {
                throw new InvalidImportFileException("The file has more than " + ContactRules.MAX_METADATA_KEYS
                        + " extra columns (other columns become metadata, at most " + ContactRules.MAX_METADATA_KEYS + " keys)");
            }
            columns.add(new Column(null, name.strip()));
        }
        if (!seen.contains(PHONE_NUMBER)) {
            throw new InvalidImportFileException("The header has no phone_number column (found: "
                    + String.join(", ", header.toList()) + ")");
        }
    }

    private CSVRecord nextRecord() throws InvalidImportFileException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            recordsConsumed++;
            return record;
        } catch (UncheckedIOException e) {
            throw translate(e.getCause());
        } catch (IllegalStateException e) {
            throw translate(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()));
        }
    }

    private InvalidImportFileException translate(IOException e) {
        if (e instanceof CharacterCodingException) {
            return new InvalidImportFileException("The file is not UTF-8 text (invalid bytes after row " + recordsConsumed
                    + "); save it as 'CSV UTF-8' and upload it again");
        }
        return new InvalidImportFileException("The file is not valid CSV after row " + recordsConsumed
                + " (check the quotes: " + e.getMessage() + ")");
    }

    private static InputStream withoutBom(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] head = in.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && head.length > 0) {
            in.unread(head);
        }
        return in;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
