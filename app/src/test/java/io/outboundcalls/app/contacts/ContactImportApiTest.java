package io.outboundcalls.app.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.contactimport.ContactImportJob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.outboundcalls.app.contacts.ContactApiTest.createContact;
import static io.outboundcalls.app.contacts.ContactApiTest.ids;
import static io.outboundcalls.app.contacts.ContactApiTest.newList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ContactImportApiTest extends ApiTest {

    /** What a spreadsheet's "Save as CSV" gives: BOM, CRLF, quotes, a line break in a cell, blank lines, padding. */
    private static final String MESSY_CSV = "\uFEFFPhone Number,First Name,last_name,email,timezone,Company,Notes\r\n"
            + "(415) 555-2671,Ada,Lovelace,ada@example.com,,Acme,\"Likes \"\"solar\"\", wind\"\r\n"
            + "\r\n"
            + "+44 20 7946 0958 ,Bob  ,Smith,bob@example,,,\r\n"
            + "12345,Carl,,,,,\r\n"
            + "415.555.2672,Dana,,,Mars/Base,,\r\n"
            + "\"415-555-2671\",Eve,,,,,\r\n"
            + ",Frank,,,,,\r\n"
            + "212 555 0100,Gus,,,America/Chicago,\"Multi\r\nline\",\r\n"
            + ",,,,,,\r\n"
            + "800 555 0199,Hal,,,,,   \r\n";

    @Autowired
    private ContactImportJob job;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void importsASpreadsheetCsvAndReportsEveryBadRow() {
        ApiClient api = newAccount();
        String listId = newList(api, "Imported");

        ApiClient.Response accepted = upload(api, MESSY_CSV.getBytes(StandardCharsets.UTF_8), Map.of("list_id", listId));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode started = accepted.json();
        assertThat(started.path("id").asText()).startsWith("imp_");
        assertThat(started.path("object").asText()).isEqualTo("contact_import");
        assertThat(started.path("total_rows").asInt()).isEqualTo(8);

        JsonNode done = awaitFinished(api, started.path("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("completed_with_errors");
        assertThat(done.path("list_id").asText()).isEqualTo(listId);
        assertThat(done.path("processed_rows").asInt()).isEqualTo(8);
        assertThat(done.path("created").asInt()).isEqualTo(3);
        assertThat(done.path("failed_rows").asInt()).isEqualTo(5);

        JsonNode errors = api.get("/v1/contacts/imports/" + started.path("id").asText() + "/errors").json();
        List<String> described = new ArrayList<>();
        errors.path("data").forEach(e -> described.add(e.path("row").asInt() + " " + e.path("column").asText() + " "
                + e.path("code").asText() + " " + e.path("value").asText()));
        assertThat(described).containsExactly(
                "4 email invalid_email bob@example",
                "5 phone_number invalid_phone_number 12345",
                "6 timezone invalid_timezone Mars/Base",
                "7 phone_number duplicate_in_file +14155552671",
                "8 phone_number parameter_missing null");
        assertThat(errors.path("data").get(3).path("detail").asText()).contains("Row 2");

        JsonNode listed = awaitListed(api, listId, 3);
        Map<String, JsonNode> byPhone = new LinkedHashMap<>();
        listed.path("data").forEach(c -> byPhone.put(c.path("phone_number").asText(), c));
        assertThat(byPhone.keySet()).containsExactlyInAnyOrder("+14155552671", "+12125550100", "+18005550199");
        JsonNode ada = byPhone.get("+14155552671");
        assertThat(ada.path("first_name").asText()).isEqualTo("Ada");
        assertThat(ada.path("timezone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(ada.path("metadata").path("Company").asText()).isEqualTo("Acme");
        assertThat(ada.path("metadata").path("Notes").asText()).isEqualTo("Likes \"solar\", wind");
        JsonNode gus = byPhone.get("+12125550100");
        assertThat(gus.path("timezone").asText()).isEqualTo("America/Chicago");
        assertThat(gus.path("timezone_source").asText()).isEqualTo("explicit");
        assertThat(gus.path("metadata").path("Company").asText()).isEqualTo("Multi\r\nline");
        assertThat(byPhone.get("+18005550199").path("first_name").asText()).isEqualTo("Hal");
        assertThat(byPhone.get("+18005550199").path("timezone_source").asText()).isEqualTo("campaign");
        assertThat(api.get("/v1/contact_lists/" + listId).json().path("contact_count").asInt()).isEqualTo(3);
    }

    /**
     * Imported rows reach the read model and the dialer's directory as one array per column
     * ({@code unnest}): text that looks like SQL, array or JSON syntax must come back exactly as sent.
     */
    @Test
    void awkwardValuesSurviveTheBulkWritesExactly() {
        ApiClient api = newAccount();
        String first = newList(api, "First");
        String second = newList(api, "Second");
        String[] names = {"NULL", "{a,b}", "back\\slash \"quoted\"", "\\N", "Zo\u00eb \uD83D\uDE80 \u6f22\u5b57", "tab\there"};
        StringBuilder csv = new StringBuilder("phone_number,first_name,last_name,notes\n");
        for (int i = 0; i < names.length; i++) {
            String quoted = '"' + names[i].replace("\"", "\"\"") + '"';
            csv.append("+1 415 555 07").append(10 + i).append(',').append(quoted).append(",,").append(quoted).append('\n');
        }
        Instant before = Instant.now().minusSeconds(1);
        JsonNode done = awaitFinished(api, upload(api, csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("list_id", first)).json().path("id").asText());
        assertThat(done.path("created").asInt()).as(done.toString()).isEqualTo(names.length);

        Map<String, JsonNode> byName = new LinkedHashMap<>();
        awaitListed(api, first, names.length).path("data").forEach(c -> byName.put(c.path("first_name").asText(), c));
        assertThat(byName.keySet()).containsExactlyInAnyOrder(names);
        for (String name : names) {
            JsonNode contact = byName.get(name);
            assertThat(contact.path("last_name").isNull()).as(name).isTrue();
            assertThat(contact.path("metadata").path("notes").asText()).isEqualTo(name);
            assertThat(contact.path("list_ids")).extracting(JsonNode::asText).containsExactly(first);
            assertThat(contact.path("timezone_candidates")).extracting(JsonNode::asText).containsExactly("America/Los_Angeles");
            Instant created = Instant.parse(contact.path("created_at").asText());
            assertThat(created).isBetween(before, Instant.now()); // the instant, not a shifted local time
            assertThat(contact.path("updated_at").asText()).isEqualTo(contact.path("created_at").asText());
            Map<String, Object> dialer = jdbc.queryForMap("""
                    select details ->> 'firstName' as first_name, do_not_call, candidates,
                        (select array_agg(list_id) from dialer.list_members m where m.contact_id = c.contact_id)::text as lists
                    from dialer.contacts c where contact_id = ?""", contact.path("id").asText());
            assertThat(dialer).containsEntry("first_name", name).containsEntry("do_not_call", false)
                    .containsEntry("candidates", "America/Los_Angeles").containsEntry("lists", "{" + first + "}");
        }

        // a contact created with two lists: its row's list_ids array is written from a literal
        String both = createContact(api, Map.of("phone_number", "+14155550799", "list_ids", List.of(second, first)))
                .path("id").asText();
        JsonNode inBoth = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/contacts/" + both), r -> r.status() == 200)
                .json();
        assertThat(inBoth.path("list_ids")).extracting(JsonNode::asText).containsExactlyInAnyOrder(first, second);
        assertThat(awaitListed(api, second, 1).path("data").get(0).path("id").asText()).isEqualTo(both);
    }

    /** The count is kept on the list's row: it must stay the number of members through every change. */
    @Test
    void contactCountFollowsEveryMembershipChange() {
        ApiClient api = newAccount();
        String a = newList(api, "A");
        String b = newList(api, "B");
        String first = createContact(api, Map.of("phone_number", "+14155550501", "list_ids", List.of(a, b))).path("id").asText();
        String second = createContact(api, Map.of("phone_number", "+14155550502", "list_ids", List.of(a))).path("id").asText();
        assertCounts(api, Map.of(a, 2, b, 1));

        assertThat(api.patch("/v1/contacts/" + first, Map.of("list_ids", List.of(b))).status()).isEqualTo(200);
        assertThat(api.patch("/v1/contacts/" + second, Map.of("list_ids", List.of(a, b))).status()).isEqualTo(200);
        assertCounts(api, Map.of(a, 1, b, 2));

        // an import adding a member again (skip) and a new contact: only the new membership counts
        byte[] csv = "phone_number\n+1 415 555 0502\n+1 415 555 0503\n".getBytes(StandardCharsets.UTF_8);
        JsonNode done = awaitFinished(api, upload(api, csv, Map.of("list_id", a)).json().path("id").asText());
        assertThat(done.path("skipped").asInt()).isEqualTo(1);
        assertThat(done.path("created").asInt()).isEqualTo(1);
        awaitListed(api, a, 2);
        assertCounts(api, Map.of(a, 2, b, 2));

        assertThat(api.delete("/v1/contacts/" + first).status()).isEqualTo(200);
        assertCounts(api, Map.of(a, 2, b, 1));
        assertThat(jdbc.queryForObject("select contact_count from query.contact_lists where id = ?", Long.class, b))
                .isEqualTo(1);
    }

    /** Each list's contact_count, on the list and in the list of lists, equals the contacts listed in it. */
    private void assertCounts(ApiClient api, Map<String, Integer> expected) {
        Map<String, Long> listed = new LinkedHashMap<>();
        api.get("/v1/contact_lists").json().path("data")
                .forEach(l -> listed.put(l.path("id").asText(), l.path("contact_count").asLong()));
        expected.forEach((listId, count) -> {
            assertThat(api.get("/v1/contacts?limit=100&list_id=" + listId).json().path("data").size()).as(listId).isEqualTo(count);
            assertThat(api.get("/v1/contact_lists/" + listId).json().path("contact_count").asLong()).as(listId).isEqualTo(count.longValue());
            assertThat(listed.get(listId)).as(listId).isEqualTo(count.longValue());
        });
    }

    @Test
    void aFileAboveTheLimitIsRefusedWith413AndCreatesNothing() {
        ApiClient api = newAccount();
        String accountId = accountOf(createContact(api, Map.of("phone_number", "+14155550199")));
        long limit = DataSize.ofMegabytes(100).toBytes();

        ApiClient.Response refused = upload(api, generatedCsv(limit + 1), Map.of("list_name", "Too big"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asText()).isEqualTo("file_too_large");
        assertThat(refused.json().path("param").asText()).isEqualTo("file");
        assertThat(refused.json().path("detail").asText()).contains(Long.toString(limit));
        assertThat(api.get("/v1/contact_lists").json().path("data")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from contacts.imports where account_id = ?", Long.class,
                accountId)).isZero();
    }

    @Test
    void errorsArePagedByRow() {
        ApiClient api = newAccount();
        StringBuilder csv = new StringBuilder("phone_number,email\n");
        for (int i = 0; i < 5; i++) {
            csv.append("bad").append(i).append(",nope\n");
        }
        String id = upload(api, csv.toString().getBytes(StandardCharsets.UTF_8), Map.of()).json().path("id").asText();
        assertThat(awaitFinished(api, id).path("failed_rows").asInt()).isEqualTo(5);

        JsonNode first = api.get("/v1/contacts/imports/" + id + "/errors?limit=2").json();
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(first.path("data").size()).isEqualTo(4); // two rows, each with a phone and an email error
        assertThat(first.path("data").get(3).path("row").asInt()).isEqualTo(3);
        JsonNode rest = api.get("/v1/contacts/imports/" + id + "/errors?limit=10&starting_after_row=3").json();
        assertThat(rest.path("has_more").asBoolean()).isFalse();
        assertThat(rest.path("data").get(0).path("row").asInt()).isEqualTo(4);
        assertThat(rest.path("data").size()).isEqualTo(6);
    }

    /** An import's new contacts are created by the Contact aggregate a batch at a time: each must be stored like a POSTed one. */
    @Test
    void importedContactsAreOrdinaryContactsWithTheEventsAndMetadataOfCreatedOnes() {
        ApiClient api = newAccount();
        String posted = createContact(api, Map.of("phone_number", "+14155550301")).path("id").asText();
        byte[] csv = "phone_number,first_name\n+1 415 555 0302,Ida\n+1 415 555 0303,Jo\n+1 415 555 0304,Kim\n"
                .getBytes(StandardCharsets.UTF_8);
        JsonNode done = awaitFinished(api, upload(api, csv, Map.of("list_name", "Bulk")).json().path("id").asText());
        assertThat(done.path("created").asInt()).isEqualTo(3);
        Map<String, String> idByPhone = new LinkedHashMap<>();
        awaitListed(api, done.path("list_id").asText(), 3).path("data")
                .forEach(c -> idByPhone.put(c.path("phone_number").asText(), c.path("id").asText()));

        ApiClient.Response patched = api.patch("/v1/contacts/" + idByPhone.get("+14155550302"), Map.of("first_name", "Ada"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("first_name").asText()).isEqualTo("Ada");
        assertThat(api.delete("/v1/contacts/" + idByPhone.get("+14155550303")).status()).isEqualTo(200);
        byte[] again = "phone_number,last_name\n+1 415 555 0304,Lee\n".getBytes(StandardCharsets.UTF_8);
        assertThat(awaitFinished(api, upload(api, again, Map.of("on_duplicate", "update")).json().path("id").asText())
                .path("updated").asInt()).isEqualTo(1);

        // stored like the contact created through POST: first event of its stream, same aggregate type and metadata keys
        String imported = idByPhone.get("+14155550304");
        List<Map<String, Object>> firstEvents = jdbc.queryForList("""
                select aggregateidentifier, type, sequencenumber, convert_from(metadata, 'UTF8') as metadata
                from eventstore.domain_event_entry where aggregateidentifier in (?, ?) and sequencenumber = 0""", posted, imported);
        assertThat(firstEvents).hasSize(2);
        assertThat(firstEvents).extracting(e -> e.get("type")).containsOnly("Contact");
        assertThat(firstEvents).allSatisfy(e -> assertThat((String) e.get("metadata")).contains("traceId", "correlationId"));
        // each stream: the aggregate's creation at sequence 0, then the changes made through the API or another import
        List<String> createdThenUpdated = List.of("0 Contact ContactCreatedEvent", "1 Contact ContactUpdatedEvent");
        assertThat(stream(idByPhone.get("+14155550302"))).isEqualTo(createdThenUpdated);
        assertThat(stream(imported)).isEqualTo(createdThenUpdated);
    }

    /** The aggregate's stored events as "sequence type payload-class". */
    private List<String> stream(String aggregateId) {
        return jdbc.query("""
                select sequencenumber, type, payloadtype from eventstore.domain_event_entry
                where aggregateidentifier = ? order by sequencenumber""",
                (rs, i) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3).substring(rs.getString(3).lastIndexOf('.') + 1),
                aggregateId);
    }

    @Test
    void onDuplicateSkipLeavesTheContactAndUpdateChangesIt() {
        ApiClient api = newAccount();
        String contactId = createContact(api, Map.of("phone_number", "+14155550201", "first_name", "Old",
                "email", "old@example.com")).path("id").asText();
        byte[] csv = "phone_number,first_name,email,team\n+1 415 555 0201,New,,blue\n".getBytes(StandardCharsets.UTF_8);

        JsonNode skipped = awaitFinished(api, upload(api, csv, Map.of("list_name", "Skip run")).json().path("id").asText());
        assertThat(skipped.path("skipped").asInt()).isEqualTo(1);
        assertThat(skipped.path("created").asInt()).isZero();
        awaitListed(api, skipped.path("list_id").asText(), 1);
        JsonNode unchanged = api.get("/v1/contacts/" + contactId).json();
        assertThat(unchanged.path("first_name").asText()).isEqualTo("Old");
        assertThat(unchanged.path("list_ids").get(0).asText()).isEqualTo(skipped.path("list_id").asText());

        JsonNode updated = awaitFinished(api, upload(api, csv, Map.of("on_duplicate", "update")).json().path("id").asText());
        assertThat(updated.path("updated").asInt()).isEqualTo(1);
        assertThat(updated.path("status").asText()).isEqualTo("completed");
        JsonNode changed = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/contacts/" + contactId).json(),
                c -> c.path("first_name").asText().equals("New"));
        assertThat(changed.path("email").asText()).isEqualTo("old@example.com"); // an empty cell keeps the value
        assertThat(changed.path("metadata").path("team").asText()).isEqualTo("blue");
    }

    @Test
    void aFileThatCannotBeImportedFailsAsAWholeWithTheReason() {
        ApiClient api = newAccount();
        assertFailsWith(api, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, (byte) 0xFF}, "not UTF-8");
        assertFailsWith(api, "phone_number\n+14155550300\n".getBytes(StandardCharsets.UTF_16LE), "not CSV text");
        assertFailsWith(api, "phone_number,first_name\n+14155550301,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), "not UTF-8");
        assertFailsWith(api, "name,email\nAda,ada@example.com\n".getBytes(StandardCharsets.UTF_8), "no phone_number column");
        assertFailsWith(api, "phone_number,notes\n+14155550302,\"unclosed\n".getBytes(StandardCharsets.UTF_8), "not valid CSV");
        assertFailsWith(api, new byte[0], "empty");
        assertThat(ids(api.get("/v1/contacts").json())).isEmpty();
    }

    @Test
    void aCellWithNulIsThatRowsErrorAndTheOtherRowsLand() {
        ApiClient api = newAccount();
        String listId = newList(api, "Mixed");
        String csv = "phone_number,first_name,Company\n"
                + "+14155550700,Zo\u00eb \uD83D\uDE80,Acme\n"
                + "+14155550701,A\0da,Acme\n"
                + "+14155550702,Bea,Ac\0me\n"
                + "+14155550703,\u05E9\u05DC\u05D5\u05DD \uD841\uDF0E,\n";
        ApiClient.Response accepted = upload(api, csv.getBytes(StandardCharsets.UTF_8), Map.of("list_id", listId));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        JsonNode done = awaitFinished(api, id);
        assertThat(done.path("status").asText()).isEqualTo("completed_with_errors");
        assertThat(done.path("created").asInt()).isEqualTo(2);
        assertThat(done.path("failed_rows").asInt()).isEqualTo(2);

        List<String> described = new ArrayList<>();
        api.get("/v1/contacts/imports/" + id + "/errors").json().path("data").forEach(e -> described.add(e.path("row").asInt()
                + " " + e.path("column").asText() + " " + e.path("code").asText() + " " + e.path("value").asText()));
        assertThat(described).containsExactly("3 first_name invalid_string A\uFFFDda", "4 Company invalid_string Ac\uFFFDme");
        JsonNode listed = awaitListed(api, listId, 2).path("data");
        assertThat(listed.findValuesAsText("first_name"))
                .containsExactlyInAnyOrder("Zo\u00eb \uD83D\uDE80", "\u05E9\u05DC\u05D5\u05DD \uD841\uDF0E");
    }

    @Test
    void anUploadFormFieldWithNulIsRefusedBeforeAnythingIsCreated() {
        ApiClient api = newAccount();
        byte[] csv = "phone_number\n+14155550800\n".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response refused = upload(api, csv, Map.of("list_name", "Imp\0orted", "on_duplicate", "skip"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("code").asText()).isEqualTo("invalid_string");
        assertThat(refused.json().path("param").asText()).isEqualTo("list_name");
        assertThat(ids(api.get("/v1/contact_lists").json())).isEmpty();
        assertThat(ids(api.get("/v1/contacts").json())).isEmpty();
    }

    @Test
    void refusesBadImportOptions() {
        ApiClient api = newAccount();
        byte[] csv = "phone_number\n+14155550400\n".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response refused = upload(api, csv, Map.of("on_duplicate", "merge", "default_country", "XX"));
        assertThat(refused.status()).isEqualTo(422);
        List<String> codes = new ArrayList<>();
        refused.json().path("errors").forEach(e -> codes.add(e.path("param").asText() + ":" + e.path("code").asText()));
        assertThat(codes).containsExactlyInAnyOrder("on_duplicate:invalid_value", "default_country:invalid_country");

        String foreign = newList(newAccount(), "Not yours");
        ApiClient.Response notYours = upload(api, csv, Map.of("list_id", foreign));
        assertThat(notYours.status()).isEqualTo(422);
        assertThat(notYours.json().path("code").asText()).isEqualTo("list_not_found");
        assertThat(api.post("/v1/contacts/import", Map.of("list_id", "list_x")).status()).isEqualTo(422);
        assertThat(api.get("/v1/contacts/imports/imp_nope").status()).isEqualTo(404);
    }

    @Test
    void importsJsonContactsAndHidesImportsFromOtherAccounts() {
        ApiClient api = newAccount();
        Map<String, Object> body = Map.of("list_name", "From JSON", "default_country", "GB", "contacts", List.of(
                Map.of("phone_number", "020 7946 0000", "first_name", "Ann", "metadata", Map.of("plan", "pro")),
                Map.of("phone_number", "nope"),
                Map.of("phone_number", "+44 20 7946 0000")));
        ApiClient.Response accepted = api.post("/v1/contacts/import", body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        JsonNode done = awaitFinished(api, id);
        assertThat(done.path("created").asInt()).isEqualTo(1);
        assertThat(done.path("failed_rows").asInt()).isEqualTo(2);
        JsonNode errors = api.get("/v1/contacts/imports/" + id + "/errors").json().path("data");
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(2); // rows of a JSON import are positions in "contacts"
        assertThat(errors.get(1).path("code").asText()).isEqualTo("duplicate_in_file");
        JsonNode contact = awaitListed(api, done.path("list_id").asText(), 1).path("data").get(0);
        assertThat(contact.path("phone_number").asText()).isEqualTo("+442079460000");
        assertThat(contact.path("metadata").path("plan").asText()).isEqualTo("pro");

        ApiClient other = newAccount();
        assertThat(other.get("/v1/contacts/imports/" + id).status()).isEqualTo(404);
        assertThat(other.get("/v1/contacts/imports/" + id + "/errors").status()).isEqualTo(404);
    }

    @Test
    void anInterruptedImportResumesAfterItsLastCommittedBatch() {
        ApiClient api = newAccount();
        // as if a node died after committing rows 2-3: those contacts exist and the job's progress says so
        String accountId = accountOf(createContact(api, Map.of("phone_number", "+14155550501")));
        createContact(api, Map.of("phone_number", "+14155550502"));
        String csv = "phone_number\n+14155550501\n+14155550502\n+14155550503\n+14155550501\n+14155550504\n";
        String importId = Ids.newId("imp");
        jdbc.update("""
                insert into contacts.imports (id, account_id, status, source, default_country, on_duplicate, total_rows,
                    processed_rows, created, records_done, created_at, updated_at)
                values (?, ?, 'processing', 'csv', 'US', 'skip', 5, 2, 2, 3, now(), now())""", importId, accountId);
        jdbc.update("insert into contacts.import_chunks (import_id, seq, data) values (?, 0, ?)", importId,
                csv.getBytes(StandardCharsets.UTF_8));

        job.run(importId);

        JsonNode done = api.get("/v1/contacts/imports/" + importId).json();
        assertThat(done.path("status").asText()).isEqualTo("completed_with_errors");
        assertThat(done.path("processed_rows").asInt()).isEqualTo(5);
        assertThat(done.path("created").asInt()).isEqualTo(4);
        assertThat(done.path("skipped").asInt()).isZero(); // rows 2-3 were not processed twice
        JsonNode errors = api.get("/v1/contacts/imports/" + importId + "/errors").json().path("data");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(5);
        assertThat(errors.get(0).path("code").asText()).isEqualTo("duplicate_in_file");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(api.get("/v1/contacts").json()).size() == 4);
    }

    @Test
    void anInterruptedImportWhoseFileIsGoneEndsFailedWithAReason() {
        ApiClient api = newAccount();
        String accountId = accountOf(createContact(api, Map.of("phone_number", "+14155550601")));
        String importId = Ids.newId("imp");
        jdbc.update("""
                insert into contacts.imports (id, account_id, status, source, default_country, on_duplicate, total_rows,
                    created_at, updated_at) values (?, ?, 'processing', 'csv', 'US', 'skip', 10, now(), now())""",
                importId, accountId);
        job.run(importId);
        JsonNode failed = api.get("/v1/contacts/imports/" + importId).json();
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("failure_reason").asText()).contains("no longer stored");
    }

    private String accountOf(JsonNode contact) {
        return jdbc.queryForObject("select account_id from query.contacts where id = ?", String.class, contact.path("id").asText());
    }

    private void assertFailsWith(ApiClient api, byte[] file, String reason) {
        ApiClient.Response accepted = upload(api, file, Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode done = awaitFinished(api, accepted.json().path("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("failed");
        assertThat(done.path("failure_reason").asText()).contains(reason);
    }

    private static JsonNode awaitListed(ApiClient api, String listId, int count) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> api.get("/v1/contacts?limit=100&list_id=" + listId).json(), body -> body.path("data").size() == count);
    }

    private JsonNode awaitFinished(ApiClient api, String importId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> api.get("/v1/contacts/imports/" + importId).json(),
                body -> List.of("completed", "completed_with_errors", "failed").contains(body.path("status").asText()));
    }

    static ApiClient.Response upload(ApiClient api, byte[] file, Map<String, String> fields) {
        return upload(api, HttpRequest.BodyPublishers.ofByteArray(file), fields);
    }

    private static ApiClient.Response upload(ApiClient api, HttpRequest.BodyPublisher file, Map<String, String> fields) {
        String boundary = "----outboundcalls" + UUID.randomUUID();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        fields.forEach((name, value) -> head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return api.sendRaw(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/contacts/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()), file,
                        HttpRequest.BodyPublishers.ofByteArray(tail))));
    }

    /** A CSV of exactly {@code size} bytes, generated while it is sent: a header, then one number per line. */
    private static HttpRequest.BodyPublisher generatedCsv(long size) {
        byte[] header = "phone_number\n".getBytes(StandardCharsets.US_ASCII);
        byte[] row = "+14155550100\n".getBytes(StandardCharsets.US_ASCII);
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                long at = position++;
                return at < header.length ? header[(int) at] : row[(int) ((at - header.length) % row.length)];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = 0;
                while (n < length && position < size) {
                    buffer[offset + n++] = (byte) read();
                }
                return n == 0 && length > 0 ? -1 : n;
            }
        }), size);
    }
}
