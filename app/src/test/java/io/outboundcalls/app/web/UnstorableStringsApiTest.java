package io.outboundcalls.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md §6 "Strings": a NUL or an unpaired surrogate anywhere a client sends text is 422
 * {@code invalid_string} naming the param, and nothing is created or changed. Each body is sent as
 * JSON text with the bad character written as a JSON escape, the way clients' JSON libraries write
 * it; {@link #MARK} in a body (a value or a key) and in the expected param is where it goes.
 */
class UnstorableStringsApiTest extends ApiTest {

    private static final String MARK = "#BAD#";
    private static final String NUL = String.valueOf((char) 0);
    private static final String SURROGATE = String.valueOf((char) 0xD800);
    private static final Map<String, String> ESCAPED = Map.of(NUL, "\\" + "u0000", SURROGATE, "\\" + "ud800");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;

    private ApiClient api;
    private String agentId;
    private String listId;
    private String contactId;

    @BeforeEach
    void account() {
        api = newAccount();
        agentId = created(api.post("/v1/agents", Map.of("name", "Ava", "prompt", "Be brief.")));
        listId = created(api.post("/v1/contact_lists", Map.of("name", "List")));
        contactId = created(api.post("/v1/contacts", Map.of("phone_number", "+14155550100", "metadata", Map.of("plan", "pro"))));
    }

    @Test
    void contactListsAndApiKeysRefuseUnstorableNames() {
        assertRefused(api, "POST", "/v1/contact_lists", Map.of("name", "a" + MARK), "name", "/v1/contact_lists");
        assertRefused(api, "POST", "/v1/api_keys", Map.of("name", "a" + MARK), "name", "/v1/api_keys");
    }

    @Test
    void agentsRefuseUnstorableStringsAtAnyDepth() {
        for (String field : List.of("name", "prompt", "first_message", "voice", "language", "transfer_number")) {
            Map<String, Object> body = agent();
            body.put(field, "x" + MARK);
            assertRefused(api, "POST", "/v1/agents", body, field, "/v1/agents");
        }
        Map<String, Object> voicemail = agent();
        voicemail.put("voicemail", Map.of("action", "leave_message", "message", "Call " + MARK));
        assertRefused(api, "POST", "/v1/agents", voicemail, "voicemail.message", "/v1/agents");
        for (String field : List.of("name", "description")) {
            Map<String, Object> analysisField = new LinkedHashMap<>(Map.of("name", "intent", "type", "string", "description", "d"));
            analysisField.put(field, "x" + MARK);
            Map<String, Object> body = agent();
            body.put("analysis", Map.of("fields", List.of(analysisField)));
            assertRefused(api, "POST", "/v1/agents", body, "analysis.fields.0." + field, "/v1/agents");
        }
        Map<String, Object> options = agent();
        options.put("analysis", Map.of("fields", List.of(Map.of("name", "mood", "type", "enum", "options", List.of("ok", MARK)))));
        assertRefused(api, "POST", "/v1/agents", options, "analysis.fields.0.options.1", "/v1/agents");
        Map<String, Object> value = agent();
        value.put("metadata", Map.of("plan", "p" + MARK));
        assertRefused(api, "POST", "/v1/agents", value, "metadata.plan", "/v1/agents");
        Map<String, Object> key = agent();
        key.put("metadata", Map.of("k" + MARK, "v"));
        assertRefused(api, "POST", "/v1/agents", key, "metadata.k" + MARK, "/v1/agents");

        String agent = "/v1/agents/" + agentId;
        assertRefused(api, "PATCH", agent, Map.of("name", MARK), "name", agent);
        assertRefused(api, "PATCH", agent, Map.of("voicemail", Map.of("action", "leave_message", "message", MARK)),
                "voicemail.message", agent);
        assertRefused(api, "PATCH", agent, Map.of("analysis", Map.of("fields", List.of(Map.of("name", MARK, "type", "string")))),
                "analysis.fields.0.name", agent);
        assertRefused(api, "PATCH", agent, Map.of("metadata", Map.of("plan", MARK)), "metadata.plan", agent);
        assertRefused(api, "PATCH", agent, Map.of("metadata", Map.of(MARK, "v")), "metadata." + MARK, agent);
    }

    @Test
    void contactsRefuseUnstorableFieldsMetadataKeysAndValues() {
        for (String field : List.of("phone_number", "first_name", "last_name", "email", "timezone", "default_country")) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("phone_number", "+14155550101"));
            body.put(field, "x" + MARK);
            assertRefused(api, "POST", "/v1/contacts", body, field, "/v1/contacts");
        }
        assertRefused(api, "POST", "/v1/contacts", Map.of("phone_number", "+14155550101", "metadata", Map.of("plan", MARK)),
                "metadata.plan", "/v1/contacts");
        assertRefused(api, "POST", "/v1/contacts", Map.of("phone_number", "+14155550101", "metadata", Map.of("k" + MARK, "v")),
                "metadata.k" + MARK, "/v1/contacts");
        assertRefused(api, "POST", "/v1/contacts", Map.of("phone_number", "+14155550101", "list_ids", List.of(listId, MARK)),
                "list_ids.1", "/v1/contacts");

        String contact = "/v1/contacts/" + contactId;
        assertRefused(api, "PATCH", contact, Map.of("first_name", "A" + MARK), "first_name", contact);
        assertRefused(api, "PATCH", contact, Map.of("metadata", Map.of("plan", MARK)), "metadata.plan", contact);
        assertRefused(api, "PATCH", contact, Map.of("metadata", Map.of(MARK + "k", "v")), "metadata." + MARK + "k", contact);
    }

    @Test
    void jsonImportsRefuseUnstorableContactsAsAWhole() {
        assertRefused(api, "POST", "/v1/contacts/import", Map.of("list_id", listId, "contacts", List.of(
                Map.of("phone_number", "+14155550102"),
                Map.of("phone_number", "+14155550103", "first_name", "B" + MARK))), "contacts.1.first_name", "/v1/contacts");
        assertRefused(api, "POST", "/v1/contacts/import", Map.of("list_id", listId, "contacts", List.of(
                Map.of("phone_number", "+14155550102", "metadata", Map.of(MARK, "v")))), "contacts.0.metadata." + MARK, "/v1/contacts");
        assertRefused(api, "POST", "/v1/contacts/import", Map.of("list_name", "L" + MARK, "contacts", List.of(
                Map.of("phone_number", "+14155550102"))), "list_name", "/v1/contact_lists");
    }

    @Test
    void campaignsRefuseUnstorableStrings() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "name");
        fields.put("agent_id", "agent_id");
        fields.put("contact_list_id", "contact_list_id");
        fields.put("from_number", "from_number");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            Map<String, Object> body = campaign();
            body.put(field.getKey(), "x" + MARK);
            assertRefused(api, "POST", "/v1/campaigns", body, field.getValue(), "/v1/campaigns");
        }
        Map<String, Object> zone = campaign();
        zone.put("schedule", Map.of("calling_hours", Map.of("start", "09:00", "end", "18:00"), "timezone", MARK));
        assertRefused(api, "POST", "/v1/campaigns", zone, "schedule.timezone", "/v1/campaigns");
        Map<String, Object> hours = campaign();
        hours.put("schedule", Map.of("calling_hours", Map.of("start", "09:00" + MARK, "end", "18:00"), "timezone", "Europe/London"));
        assertRefused(api, "POST", "/v1/campaigns", hours, "schedule.calling_hours.start", "/v1/campaigns");
        Map<String, Object> retry = campaign();
        retry.put("retry_rules", Map.of("max_attempts", 2, "retry_on", List.of("busy", MARK)));
        assertRefused(api, "POST", "/v1/campaigns", retry, "retry_rules.retry_on.1", "/v1/campaigns");
    }

    @Test
    void webhookEndpointsRefuseUnstorableStrings() {
        Map<String, Object> base = Map.of("url", "http://127.0.0.1:9/hook", "enabled_events", List.of("*"), "description", "d");
        for (String field : List.of("url", "description")) {
            Map<String, Object> body = new LinkedHashMap<>(base);
            body.put(field, body.get(field) + MARK);
            assertRefused(api, "POST", "/v1/webhook_endpoints", body, field, "/v1/webhook_endpoints");
        }
        Map<String, Object> events = new LinkedHashMap<>(base);
        events.put("enabled_events", List.of(MARK));
        assertRefused(api, "POST", "/v1/webhook_endpoints", events, "enabled_events.0", "/v1/webhook_endpoints");

        String endpoint = "/v1/webhook_endpoints/" + created(api.post("/v1/webhook_endpoints", base));
        assertRefused(api, "PATCH", endpoint, Map.of("description", "d" + MARK), "description", endpoint);
        assertRefused(api, "PATCH", endpoint, Map.of("url", "http://127.0.0.1:9/" + MARK), "url", endpoint);
        assertRefused(api, "PATCH", endpoint, Map.of("status", MARK), "status", endpoint);
    }

    @Test
    void creditsRefuseUnstorableStringsWhereverTheyAre() {
        assertRefused(api, "POST", "/v1/credits/purchase", Map.of("amount", "1" + MARK), "amount", "/v1/credits/transactions");
        assertRefused(api, "PATCH", "/v1/credits/settings", Map.of("low_balance_threshold", 5, "note" + MARK, 1),
                "note" + MARK, "/v1/credits/balance");
    }

    @Test
    void operatorEndpointsRefuseUnstorableStrings() {
        ApiClient operator = admin();
        ApiClient.Response opened = operator.post("/admin/accounts", Map.of("name", "Ops", "tier", "standard"));
        String accountId = created(opened);
        ApiClient customer = new ApiClient(baseUrl(), opened.json().path("api_key").path("secret").asText());

        String marker = "strings-" + UUID.randomUUID();
        assertRefused(operator, "POST", "/admin/accounts", Map.of("name", marker + MARK), "name", null);
        assertRefused(operator, "POST", "/admin/accounts", Map.of("name", marker, "tier", MARK), "tier", null);
        assertThat(jdbc.queryForObject("select count(*) from registry.accounts where name like ?", Integer.class, marker + "%"))
                .isZero();

        String account = "/admin/accounts/" + accountId;
        assertRefused(operator, "PATCH", account, Map.of("name", "Ops" + MARK), "name", account);
        assertRefused(operator, "POST", account + "/credits/adjust", Map.of("amount", 100, "reason", "Goodwill " + MARK),
                "reason", null);
        assertThat(customer.get("/v1/credits/transactions").json().path("data").size()).isZero();
    }

    @Test
    void everyUnstorableStringOfABodyIsListed() {
        String body = json(Map.of("name", "a" + MARK, "prompt", MARK, "voicemail", Map.of("action", "hangup", "message", MARK),
                "metadata", Map.of(MARK, MARK, "plan", "p" + MARK)), NUL);
        ApiClient.Response refused = api.send("POST", "/v1/agents", body, Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(params(refused)).containsExactlyInAnyOrder("name", "prompt", "voicemail.message", "metadata." + NUL,
                "metadata.plan");
        assertThat(refused.json().path("detail").asText()).contains("NUL").contains("(and 4 more errors)");
    }

    @Test
    void bytesAreEitherAnUnstorableStringOrInvalidJsonNeverAStoredObject() {
        byte[] cesuSurrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] overlongNul = {(byte) 0xC0, (byte) 0x80};
        byte[] notUtf8 = {(byte) 0xFF};
        byte[] rawNul = {0};
        String before = state(api, "/v1/contact_lists");
        ApiClient.Response surrogate = postBytes("/v1/contact_lists", nameWith(cesuSurrogate));
        assertThat(surrogate.status()).as(surrogate.toString()).isEqualTo(422);
        assertThat(surrogate.json().path("code").asText()).isEqualTo("invalid_string");
        ApiClient.Response overlong = postBytes("/v1/contact_lists", nameWith(overlongNul));
        assertThat(overlong.status()).as(overlong.toString()).isEqualTo(422);
        assertThat(overlong.json().path("param").asText()).isEqualTo("name");
        for (byte[] bytes : List.of(notUtf8, rawNul)) {
            ApiClient.Response invalid = postBytes("/v1/contact_lists", nameWith(bytes));
            assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
            assertThat(invalid.json().path("code").asText()).isEqualTo("invalid_json");
        }
        assertThat(state(api, "/v1/contact_lists")).isEqualTo(before);
    }

    @Test
    void queryParametersWithNulOrAnEncodedSurrogateAreRefusedOrHarmless() {
        for (String path : List.of("/v1/contacts?phone_number=%2B1415%00", "/v1/agents?limit=1%00", "/v1/calls?status=%00")) {
            ApiClient.Response refused = api.get(path);
            assertThat(refused.status()).as(path + " -> " + refused).isEqualTo(422);
            assertThat(refused.json().path("code").asText()).isEqualTo("invalid_string");
            assertThat(refused.json().path("param").asText()).isEqualTo(path.substring(path.indexOf('?') + 1, path.indexOf('=')));
        }
        ApiClient.Response name = api.get("/v1/contacts?pho%00ne=1");
        assertThat(name.status()).isEqualTo(422);
        assertThat(name.json().path("param").asText()).isEqualTo("pho" + NUL + "ne");
        ApiClient.Response operator = admin().get("/admin/projections/contacts/dead_letters?limit=%00");
        assertThat(operator.status()).as(operator.toString()).isEqualTo(422);
        assertThat(operator.json().path("param").asText()).isEqualTo("limit");
        // Tomcat decodes bytes that are not UTF-8 (a surrogate's three-byte form) to U+FFFD: storable, so answered
        ApiClient.Response decoded = api.get("/v1/contacts?phone_number=%ED%A0%80");
        assertThat(decoded.status()).as(decoded.toString()).isEqualTo(200);
    }

    @Test
    void anIdempotencyKeyWithNulNeverReachesTheStore() throws IOException {
        String before = state(api, "/v1/contact_lists");
        byte[] body = "{\"name\":\"Keyed\"}".getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/contact_lists HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + api.token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nIdempotency-Key: k" + NUL + "1\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            socket.setSoTimeout(10_000);
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            assertThat(statusLine).isEqualTo("HTTP/1.1 400");
        }
        assertThat(state(api, "/v1/contact_lists")).isEqualTo(before);
    }

    /** Each bad character in turn where {@link #MARK} is: 422 invalid_string for {@code param} alone, {@code readBack} unchanged. */
    private void assertRefused(ApiClient client, String method, String path, Object body, String param, String readBack) {
        for (String bad : List.of(NUL, SURROGATE)) {
            String before = readBack == null ? null : state(client, readBack);
            String text = json(body, bad);
            ApiClient.Response refused = client.send(method, path, text, Map.of());
            String expected = param.replace(MARK, bad);
            assertThat(refused.status()).as(method + " " + path + " " + text + " -> " + refused).isEqualTo(422);
            assertThat(refused.json().path("code").asText()).as(refused.toString()).isEqualTo("invalid_string");
            assertThat(refused.json().path("param").asText()).as(refused.toString()).isEqualTo(expected);
            assertThat(params(refused)).as(refused.toString()).containsExactly(expected);
            if (readBack != null) {
                assertThat(state(client, readBack)).as("after " + method + " " + path + " " + text).isEqualTo(before);
            }
        }
    }

    /** What a GET shows: the ids of a list, or the whole object. */
    private static String state(ApiClient client, String path) {
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
        JsonNode body = response.json();
        if (!body.has("data")) {
            return body.toString();
        }
        List<String> ids = new ArrayList<>();
        body.path("data").forEach(item -> ids.add(item.path("id").asText()));
        return ids.toString();
    }

    private static String json(Object body, String bad) {
        try {
            return JSON.writeValueAsString(body).replace(MARK, ESCAPED.get(bad));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> params(ApiClient.Response response) {
        List<String> params = new ArrayList<>();
        response.json().path("errors").forEach(e -> params.add(e.path("param").asText()));
        return params;
    }

    private ApiClient.Response postBytes(String path, byte[] body) {
        return api.sendRaw(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static byte[] nameWith(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"name\":\"a".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private Map<String, Object> agent() {
        return new LinkedHashMap<>(Map.of("name", "Ava", "prompt", "Be brief."));
    }

    private Map<String, Object> campaign() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Q1");
        body.put("agent_id", agentId);
        body.put("contact_list_id", listId);
        body.put("schedule", Map.of("calling_hours", Map.of("start", "09:00", "end", "18:00"), "timezone", "Europe/London"));
        return body;
    }

    private static String created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json().path("id").asText();
    }
}
