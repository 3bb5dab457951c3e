package io.outboundcalls.command.contactimport;

import io.outboundcalls.command.contact.ImportRowError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportRowValidatorTest {

    @Test
    void aCellWithNulIsThatRowsErrorNamingTheColumn() throws Exception {
        List<ImportRowValidator.Result> results = validate(
                "phone_number,first_name,Company\n+14155550100,A\u0000da,Acme\n+14155550101,Bob,Ac\u0000me\n+1415555\u00000102,Cy,\n+14155550103,Dee,Ok\n");
        assertThat(describe(results.get(0))).containsExactly("2 first_name invalid_string A\uFFFDda");
        assertThat(describe(results.get(1))).containsExactly("3 Company invalid_string Ac\uFFFDme");
        assertThat(describe(results.get(2))).containsExactly("4 phone_number invalid_string +1415555\uFFFD0102");
        assertThat(results.get(3).row()).isNotNull();
        assertThat(results.get(3).row().details().firstName()).isEqualTo("Dee");
    }

    @Test
    void theErrorOfAnUnstorableCellSaysWhy() throws Exception {
        ImportRowError error = validate("phone_number,last_name\n+14155550100,a\u0000b\n").get(0).errors().get(0);
        assertThat(error.detail()).contains("NUL");
    }

    @Test
    void aCellInAColumnWithoutNameIsIgnoredWhateverItHolds() throws Exception {
        ImportRowValidator.Result result = validate("phone_number,\n+14155550100,a\u0000b\n").get(0);
        assertThat(result.errors()).isEmpty();
        assertThat(result.row()).isNotNull();
    }

    @Test
    void aHeaderWithNulIsNotATextFile() {
        byte[] utf16 = "phone_number,first_name\n+14155550100,Ada\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> CsvContactReader.open(new ByteArrayInputStream(utf16)))
                .isInstanceOf(InvalidImportFileException.class).hasMessageContaining("not CSV text");
    }

    @Test
    void bytesThatEncodeASurrogateAreNotUtf8() {
        byte[] head = "phone_number,first_name\n+14155550100,A".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + 4];
        System.arraycopy(head, 0, file, 0, head.length);
        file[head.length] = (byte) 0xED; // U+D800 in the three-byte form UTF-8 forbids
        file[head.length + 1] = (byte) 0xA0;
        file[head.length + 2] = (byte) 0x80;
        file[head.length + 3] = '\n';
        assertThatThrownBy(() -> {
            try (CsvContactReader reader = CsvContactReader.open(new ByteArrayInputStream(file))) {
                reader.next();
            }
        }).isInstanceOf(InvalidImportFileException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void aLongValueIsShortenedWithoutSplittingACharacter() throws Exception {
        String value = "a".repeat(199) + "\uD83D\uDE80" + "b".repeat(400) + "\u0000c";
        ImportRowError error = validate("phone_number,notes\n+14155550100," + value + "\n").get(0).errors().get(0);
        assertThat(error.value()).isEqualTo("a".repeat(199) + "…");
    }

    private static List<ImportRowValidator.Result> validate(String csv) throws Exception {
        List<ImportRowValidator.Result> results = new ArrayList<>();
        try (CsvContactReader reader = CsvContactReader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            ImportRowValidator validator = new ImportRowValidator(reader.columns(), "US");
            CsvContactReader.Row row;
            while ((row = reader.next()) != null) {
                results.add(validator.validate(row.row(), row.values()));
            }
        }
        return results;
    }

    private static List<String> describe(ImportRowValidator.Result result) {
        return result.errors().stream().map(e -> e.row() + " " + e.column() + " " + e.code() + " " + e.value()).toList();
    }
}
