package io.outboundcalls.app.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ContactApiTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    static String newList(ApiClient api, String name) {
        ApiClient.Response created = api.post("/v1/contact_lists", Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    static JsonNode createContact(ApiClient api, Map<String, Object> body) {
        ApiClient.Response created = api.post("/v1/contacts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Test
    void createsAContactWithE164NumberResolvedZoneAndLists() {
        ApiClient api = newAccount();
        String listId = newList(api, "Leads");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone_number", "(415) 555-2671");
        body.put("first_name", "Ada");
        body.put("last_name", "Lovelace");
        body.put("email", "ada@example.com");
        body.put("list_ids", List.of(listId));
        body.put("metadata", Map.of("product", "solar"));

        JsonNode contact = createContact(api, body);

        assertThat(contact.path("id").asText()).startsWith("contact_");
        assertThat(contact.path("object").asText()).isEqualTo("contact");
        assertThat(contact.path("phone_number").asText()).isEqualTo("+14155552671");
        assertThat(contact.path("raw_phone_number").asText()).isEqualTo("(415) 555-2671");
        assertThat(contact.path("timezone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(contact.path("timezone_source").asText()).isEqualTo("phone_number");
        assertThat(contact.path("status").asText()).isEqualTo("new");
        assertThat(contact.path("do_not_call").asBoolean()).isFalse();
        assertThat(contact.path("list_ids").get(0).asText()).isEqualTo(listId);
        assertThat(contact.path("metadata").path("product").asText()).isEqualTo("solar");
        assertThat(api.get("/v1/contacts/" + contact.path("id").asText()).json().path("email").asText())
                .isEqualTo("ada@example.com");
        assertThat(api.get("/v1/contact_lists/" + listId).json().path("contact_count").asLong()).isEqualTo(1);
    }

    @Test
    void explicitZoneWinsAndAmbiguousNumberKeepsItsCandidates() {
        ApiClient api = newAccount();
        JsonNode explicit = createContact(api, Map.of("phone_number", "+14155552672", "timezone", "Europe/Paris"));
        assertThat(explicit.path("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(explicit.path("timezone_source").asText()).isEqualTo("explicit");

        // a US toll-free number spans every US zone: no single zone, the dialer checks all candidates
        JsonNode tollFree = createContact(api, Map.of("phone_number", "+1 800 555 0199"));
        assertThat(tollFree.path("timezone").isNull()).isTrue();
        assertThat(tollFree.path("timezone_source").asText()).isEqualTo("campaign");
        assertThat(tollFree.path("timezone_candidates").size()).isGreaterThan(1);

        JsonNode national = createContact(api, Map.of("phone_number", "020 7946 0958", "default_country", "GB"));
        assertThat(national.path("phone_number").asText()).isEqualTo("+442079460958");
        assertThat(national.path("timezone").asText()).isEqualTo("Europe/London");
    }

    @Test
    void refusesInvalidFieldsListingEveryError() {
        ApiClient api = newAccount();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone_number", "12345");
        body.put("timezone", "Mars/Olympus");
        body.put("email", "not-an-email");
        body.put("list_ids", List.of("camp_nope"));
        body.put("colour", "blue");
        ApiClient.Response refused = api.post("/v1/contacts", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("code").asText()).isEqualTo("invalid_phone_number");
        List<String> codes = new ArrayList<>();
        refused.json().path("errors").forEach(e -> codes.add(e.path("param").asText() + ":" + e.path("code").asText()));
        assertThat(codes).containsExactlyInAnyOrder("phone_number:invalid_phone_number", "timezone:invalid_timezone",
                "email:invalid_email", "list_ids.0:list_not_found", "colour:unknown_parameter");

        ApiClient.Response missing = api.post("/v1/contacts", Map.of("first_name", "Bob"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("code").asText()).isEqualTo("parameter_missing");
        assertThat(missing.json().path("param").asText()).isEqualTo("phone_number");
    }

    @Test
    void aPhoneNumberBelongsToOneContactPerAccount() {
        ApiClient api = newAccount();
        createContact(api, Map.of("phone_number", "+14155550100"));

        ApiClient.Response twin = api.post("/v1/contacts", Map.of("phone_number", "(415) 555-0100"));
        assertThat(twin.status()).as(twin.toString()).isEqualTo(409);
        assertThat(twin.json().path("code").asText()).isEqualTo("phone_number_taken");

        // another account may hold the same number
        createContact(newAccount(), Map.of("phone_number", "+14155550100"));
    }

    @Test
    void concurrentCreatesOfOneNumberLetExactlyOneWin() {
        ApiClient api = newAccount();
        List<CompletableFuture<Integer>> attempts = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        api.post("/v1/contacts", Map.of("phone_number", "+14155550111")).status()))
                .toList();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
    }

    @Test
    void listIdsMustBeListsOfTheSameAccount() {
        ApiClient api = newAccount();
        String foreignList = newList(newAccount(), "Theirs");
        ApiClient.Response refused = api.post("/v1/contacts", Map.of("phone_number", "+14155550122", "list_ids", List.of(foreignList)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("code").asText()).isEqualTo("list_not_found");
        assertThat(refused.json().path("param").asText()).isEqualTo("list_ids");
        // the refused create did not claim the number
        createContact(api, Map.of("phone_number", "+14155550122"));
    }

    @Test
    void patchChangesOnlyWhatIsSentAndMovesListMemberships() {
        ApiClient api = newAccount();
        String a = newList(api, "A");
        String b = newList(api, "B");
        JsonNode contact = createContact(api, Map.of("phone_number", "+14155550133", "first_name", "Ann",
                "timezone", "America/Chicago", "list_ids", List.of(a), "metadata", Map.of("k1", "v1", "k2", "v2")));
        String id = contact.path("id").asText();

        Map<String, Object> patch = new HashMap<>();
        patch.put("phone_number", "+1 212 555 0134");
        patch.put("first_name", null);
        patch.put("metadata", Map.of("k1", "", "k3", "v3"));
        patch.put("list_ids", List.of(b));
        patch.put("do_not_call", true);
        ApiClient.Response patched = api.patch("/v1/contacts/" + id, patch);

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode p = patched.json();
        assertThat(p.path("phone_number").asText()).isEqualTo("+12125550134");
        assertThat(p.path("first_name").isNull()).isTrue();
        assertThat(p.path("timezone").asText()).isEqualTo("America/Chicago"); // explicit zone survives a number change
        assertThat(p.path("metadata").has("k1")).isFalse();
        assertThat(p.path("metadata").path("k2").asText()).isEqualTo("v2");
        assertThat(p.path("metadata").path("k3").asText()).isEqualTo("v3");
        assertThat(p.path("do_not_call").asBoolean()).isTrue();
        assertThat(p.path("list_ids").get(0).asText()).isEqualTo(b);
        assertThat(p.path("list_ids").size()).isEqualTo(1);
        assertThat(api.get("/v1/contact_lists/" + a).json().path("contact_count").asLong()).isZero();

        // the old number is free again, the new one is taken
        createContact(api, Map.of("phone_number", "+14155550133"));
        assertThat(api.post("/v1/contacts", Map.of("phone_number", "+12125550134")).status()).isEqualTo(409);

        // clearing the explicit zone resolves it from the number again
        Map<String, Object> clear = new HashMap<>();
        clear.put("timezone", null);
        JsonNode cleared = api.patch("/v1/contacts/" + id, clear).json();
        assertThat(cleared.path("timezone").asText()).isEqualTo("America/New_York");
        assertThat(cleared.path("timezone_source").asText()).isEqualTo("phone_number");
    }

    @Test
    void patchRefusesANumberAnotherContactHas() {
        ApiClient api = newAccount();
        createContact(api, Map.of("phone_number", "+14155550144"));
        String id = createContact(api, Map.of("phone_number", "+14155550145")).path("id").asText();
        ApiClient.Response refused = api.patch("/v1/contacts/" + id, Map.of("phone_number", "+14155550144"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("phone_number_taken");
        assertThat(api.get("/v1/contacts/" + id).json().path("phone_number").asText()).isEqualTo("+14155550145");
        ApiClient.Response invalid = api.patch("/v1/contacts/" + id, Map.of("phone_number", "+1 000"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("code").asText()).isEqualTo("invalid_phone_number");
    }

    /** A contact holds exactly one claim, on its current number, and none once deleted. */
    @Test
    void aContactClaimsOnlyItsCurrentNumber() {
        ApiClient api = newAccount();
        String id = createContact(api, Map.of("phone_number", "+14155550161")).path("id").asText();
        assertThat(api.patch("/v1/contacts/" + id, Map.of("phone_number", "+14155550162")).status()).isEqualTo(200);
        assertThat(api.patch("/v1/contacts/" + id, Map.of("phone_number", "+14155550163")).status()).isEqualTo(200);
        assertThat(jdbc.queryForList("select phone_number from contacts.phone_numbers where contact_id = ?", String.class, id))
                .containsExactly("+14155550163");
        // another account's contact with the same number is untouched by this one's changes
        ApiClient other = newAccount();
        String twin = createContact(other, Map.of("phone_number", "+14155550163")).path("id").asText();
        assertThat(api.delete("/v1/contacts/" + id).status()).isEqualTo(200);
        assertThat(jdbc.queryForList("select contact_id from contacts.phone_numbers where contact_id in (?, ?)",
                String.class, id, twin)).containsExactly(twin);
        createContact(api, Map.of("phone_number", "+14155550161"));
        createContact(api, Map.of("phone_number", "+14155550163"));
    }

    @Test
    void deleteFreesTheNumberAndAnotherAccountSeesNothing() {
        ApiClient api = newAccount();
        ApiClient other = newAccount();
        String listId = newList(api, "Mine");
        String id = createContact(api, Map.of("phone_number", "+14155550155", "list_ids", List.of(listId))).path("id").asText();

        assertThat(other.get("/v1/contacts/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/v1/contacts/" + id, Map.of("first_name", "x")).status()).isEqualTo(404);
        assertThat(other.delete("/v1/contacts/" + id).status()).isEqualTo(404);
        assertThat(other.get("/v1/contact_lists/" + listId).status()).isEqualTo(404);
        assertThat(other.delete("/v1/contact_lists/" + listId).status()).isEqualTo(404);
        assertThat(other.get("/v1/contacts?list_id=" + listId).json().path("data").size()).isZero();

        ApiClient.Response deleted = api.delete("/v1/contacts/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("object").asText()).isEqualTo("contact");
        assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/v1/contacts/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/v1/contacts/" + id).status()).isEqualTo(404);
        assertThat(api.get("/v1/contacts/contact_nope").status()).isEqualTo(404);
        createContact(api, Map.of("phone_number", "+14155550155"));
    }

    @Test
    void listsFilterAndPageContacts() {
        ApiClient api = newAccount();
        String listId = newList(api, "Paged");
        List<String> inList = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inList.add(createContact(api, Map.of("phone_number", "+1415555016" + i, "list_ids", List.of(listId))).path("id").asText());
        }
        createContact(api, Map.of("phone_number", "+14155550170", "do_not_call", true));

        JsonNode first = api.get("/v1/contacts?list_id=" + listId + "&limit=2").json();
        assertThat(first.path("object").asText()).isEqualTo("list");
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(ids(first)).containsExactly(inList.get(4), inList.get(3));
        JsonNode second = api.get("/v1/contacts?list_id=" + listId + "&limit=2&starting_after=" + inList.get(3)).json();
        assertThat(ids(second)).containsExactly(inList.get(2), inList.get(1));
        JsonNode last = api.get("/v1/contacts?list_id=" + listId + "&limit=2&starting_after=" + inList.get(1)).json();
        assertThat(ids(last)).containsExactly(inList.get(0));
        assertThat(last.path("has_more").asBoolean()).isFalse();
        JsonNode back = api.get("/v1/contacts?list_id=" + listId + "&limit=2&ending_before=" + inList.get(2)).json();
        assertThat(ids(back)).containsExactly(inList.get(4), inList.get(3));

        assertThat(api.get("/v1/contacts").json().path("data").size()).isEqualTo(6);
        assertThat(ids(api.get("/v1/contacts?do_not_call=true").json())).hasSize(1);
        assertThat(ids(api.get("/v1/contacts?status=new&do_not_call=false").json())).hasSize(5);
        assertThat(ids(api.get("/v1/contacts?status=reached").json())).isEmpty();
        assertThat(ids(api.get("/v1/contacts?phone_number=(415)%20555-0162").json())).containsExactly(inList.get(2));
        assertThat(ids(api.get("/v1/contacts?created_gte=2000-01-01&created_lt=2000-01-02").json())).isEmpty();

        ApiClient.Response bad = api.get("/v1/contacts?status=happy&colour=red");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.get("/v1/contacts?starting_after=list_x").status()).isEqualTo(400);
    }

    @Test
    void contactListsAreCreatedListedAndDeleted() {
        ApiClient api = newAccount();
        ApiClient.Response created = api.post("/v1/contact_lists", Map.of("name", "Q1 leads"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode list = created.json();
        String id = list.path("id").asText();
        assertThat(id).startsWith("list_");
        assertThat(list.path("object").asText()).isEqualTo("contact_list");
        assertThat(list.path("name").asText()).isEqualTo("Q1 leads");
        assertThat(list.path("contact_count").asLong()).isZero();
        String second = newList(api, "Q2 leads");
        assertThat(ids(api.get("/v1/contact_lists").json())).containsExactly(second, id);
        assertThat(api.post("/v1/contact_lists", Map.of()).json().path("code").asText()).isEqualTo("parameter_missing");

        String contactId = createContact(api, Map.of("phone_number", "+14155550180", "list_ids", List.of(id))).path("id").asText();
        ApiClient.Response deleted = api.delete("/v1/contact_lists/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("object").asText()).isEqualTo("contact_list");
        assertThat(api.get("/v1/contact_lists/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/v1/contact_lists/" + id).status()).isEqualTo(404);
        // the contacts stay; they are simply no longer in the list, and it can no longer be joined
        assertThat(api.get("/v1/contacts/" + contactId).json().path("list_ids").size()).isZero();
        ApiClient.Response refused = api.post("/v1/contacts", Map.of("phone_number", "+14155550181", "list_ids", List.of(id)));
        assertThat(refused.json().path("code").asText()).isEqualTo("list_not_found");
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
