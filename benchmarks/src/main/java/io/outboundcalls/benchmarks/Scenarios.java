package io.outboundcalls.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Each method measures one figure of BENCHMARKS.md through the public API. */
final class Scenarios {

    private static final String READ_TARGET = ">= 50 % of raw page reads, p99 <= 50 ms";
    private static final String WRITE_TARGET = ">= 10 % of raw insert commits, p99 <= 50 ms";

    private final Http http;
    private final String adminToken;
    private final Sizes sizes;
    /** null when the service's database cannot be reached: the API figures are then printed alone */
    private final RawDatabase raw;

    private static final int WRITERS = 16;
    private static final int READERS = 32;
    private static final long MAX_P99_MICROS = 50_000;

    /** The scenario names {@code --only=} accepts; "relay" runs a service of its own ({@link RelayScenario}). */
    static final Set<String> NAMES = Set.of("import", "write", "read", "dialer", "relay");

    Scenarios(Http http, String adminToken, Sizes sizes, RawDatabase raw) {
        this.http = http;
        this.adminToken = adminToken;
        this.sizes = sizes;
        this.raw = raw;
    }

    List<Row> run(Set<String> only) throws Exception {
        List<Row> rows = new ArrayList<>();
        if (only.contains("import")) {
            rows.add(safely("Contact import, 100,000-row CSV until listed", "<= 20 s", this::contactImport));
        }
        if (only.contains("write")) {
            rows.add(safely("Write API, POST /v1/contacts, 16 clients, beside raw insert commits", WRITE_TARGET, this::writeContacts));
            rows.add(safely("Write API, POST /v1/agents, 16 clients, beside raw insert commits", WRITE_TARGET, this::writeAgents));
        }
        if (only.contains("read")) {
            rows.add(safely("Read API, GET /v1/calls?campaign_id=…&limit=100, 32 clients, beside the raw query", READ_TARGET, this::readCalls));
            rows.add(safely("Read API, GET /v1/agents?limit=100, 32 clients, beside the raw query", READ_TARGET, this::readAgents));
        }
        if (only.contains("dialer")) {
            rows.addAll(new DialerScenario(http, adminToken, sizes, this::newAccount).run());
        }
        return rows;
    }

    interface Measure {
        Row run(String figure, String target) throws Exception;
    }

    private Row safely(String figure, String target, Measure measure) {
        try {
            return measure.run(figure, target);
        } catch (Exception e) {
            return new Row(figure, target, "error", null, e.getClass().getSimpleName() + ": " + Load.abbreviate(e.getMessage()));
        }
    }

    /** An account's id (for the raw queries) and its API key's secret. */
    record Account(String id, String token) {
    }

    /**
     * An enterprise account (no rate limits) so the figures measure the service, not the limiter,
     * whose legal calling window is the whole day: a benchmark runs at any hour.
     */
    Account account() {
        Http.Response created = http.post("/admin/accounts", adminToken,
                Map.of("name", "bench-" + UUID.randomUUID(), "tier", "enterprise",
                        "legal_calling_window", Map.of("start", "00:00", "end", "23:59")));
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create an account: " + created.status() + " " + created.body());
        }
        JsonNode json = created.json();
        return new Account(json.path("id").asText(), json.path("api_key").path("secret").asText());
    }

    String newAccount() {
        return account().token();
    }

    private Row writeContacts(String figure, String target) throws Exception {
        String token = newAccount();
        if (http.post("/v1/contacts", token, Map.of("phone_number", "+12129999999")).status() == 404) {
            return Row.notAvailable(figure, target, "POST /v1/contacts not implemented yet");
        }
        long offset = System.nanoTime() % 1000;
        String host = new Wire(http.baseUrl()).host();
        Load.Result api = Load.http(http.baseUrl(), WRITERS, sizes, 201, n -> Wire.request("POST", "/v1/contacts", host, token,
                "{\"phone_number\":\"+1212" + (2_000_000 + (n + offset) % 7_000_000) + "\"}"));
        return compared(figure, target, api, raw == null ? null : raw.insertCommits(WRITERS, sizes), "insert commits", 0.10);
    }

    private Row writeAgents(String figure, String target) throws Exception {
        String token = newAccount();
        String host = new Wire(http.baseUrl()).host();
        Load.Result api = Load.http(http.baseUrl(), WRITERS, sizes, 201, n -> Wire.request("POST", "/v1/agents", host, token,
                "{\"name\":\"Agent " + n + "\",\"prompt\":\"Be helpful\"}"));
        return compared(figure, target, api, raw == null ? null : raw.insertCommits(WRITERS, sizes), "insert commits", 0.10);
    }

    private Row readAgents(String figure, String target) throws Exception {
        Account account = account();
        for (int i = 0; i < 100; i++) {
            http.post("/v1/agents", account.token(), Map.of("name", "Agent " + i, "prompt", "Be helpful"));
        }
        byte[] request = Wire.request("GET", "/v1/agents?limit=100", new Wire(http.baseUrl()).host(), account.token(), null);
        Load.Result api = Load.http(http.baseUrl(), READERS, sizes, 200, n -> request);
        // the page the service reads, as it reads it (each agent's stored JSON): its newest 100 agents and
        // one more, to know whether there are more
        Load.Result limit = raw == null ? null : raw.pageReads(READERS, sizes,
                "select api_json, id from query.agents where account_id = ? order by id desc limit 101", account.id());
        return compared(figure, target, api, limit, "page reads", 0.50);
    }

    private Row readCalls(String figure, String target) throws Exception {
        Account account = account();
        if (http.get("/v1/calls", account.token()).status() == 404) {
            return Row.notAvailable(figure, target, "GET /v1/calls not implemented yet");
        }
        Object[] campaign = DialerScenario.completedCampaign(http, account.token(), Math.min(sizes.dialerContacts(), 300), 50);
        if (campaign == null) {
            return Row.notAvailable(figure, target, "could not run a campaign to produce calls");
        }
        byte[] request = Wire.request("GET", "/v1/calls?limit=100&campaign_id=" + campaign[0], new Wire(http.baseUrl()).host(),
                account.token(), null);
        Load.Result api = Load.http(http.baseUrl(), READERS, sizes, 200, n -> request);
        Load.Result limit = raw == null ? null : raw.pageReads(READERS, sizes,
                "select api_json, id from query.calls where account_id = ? and campaign_id = ? order by seq desc limit 101",
                account.id(), campaign[0]);
        return compared(figure, target, api, limit, "page reads", 0.50);
    }

    private Row contactImport(String figure, String target) throws Exception {
        String token = newAccount();
        if (http.get("/v1/contact_lists", token).status() == 404) {
            return Row.notAvailable(figure, target, "contacts not implemented yet");
        }
        // warm-up, not judged (as the other scenarios' first 5 s): the same import in other accounts, so
        // that the measured one runs on compiled code, not while the JIT is still at work. On two cores
        // the first import after start takes three times as long, and the second is still compiling.
        // (at most the full size: a larger import, --import-rows, is measured on code warmed the same way)
        int warmupRows = Integer.getInteger("warmupRows", Math.min(sizes.importRows(), Sizes.FULL.importRows()));
        int warmups = Integer.getInteger("warmupImports", 2);
        List<String> warmupTimes = new ArrayList<>();
        for (int i = 0; i < warmups; i++) {
            Imported warmup = importAndList(newAccount(), warmupRows);
            if (warmup.error() != null) {
                return new Row(figure, target, "error", null, "warm-up import: " + warmup.error());
            }
            warmupTimes.add(String.format("%.1f s", warmup.seconds()));
        }
        // then the JIT's backlog and autovacuum of the grown tables, which a running service is past
        // (a smoke run only checks that the harness works: it does not wait)
        double quietAfter = sizes.smoke() ? 0 : Quiet.await(0.15, Duration.ofSeconds(90));
        int rows = sizes.importRows();
        Imported measured = importAndList(token, rows);
        if (measured.error() != null) {
            return new Row(figure, target, "error", null, measured.error());
        }
        boolean complete = measured.listed() == rows;
        return new Row(figure.replace("100,000", String.format("%,d", rows)), target, String.format("%.1f s", measured.seconds()),
                complete && rows == Sizes.FULL.importRows() ? measured.seconds() <= 20 : null,
                String.format("%s; the warm-up imports after start (%,d rows each, not judged) took %s, "
                        + "then the machine was quiet after %.0f s", measured.note(), warmupRows, String.join(" and ", warmupTimes),
                        quietAfter));
    }

    private record Imported(double seconds, int listed, String note, String error) {
    }

    /** Uploads a CSV of {@code rows} contacts, waits for the job and the list, and pages through the whole list once. */
    private Imported importAndList(String token, int rows) throws Exception {
        StringBuilder csv = new StringBuilder("phone_number,first_name,last_name,email,plan\n");
        for (int i = 0; i < rows; i++) {
            csv.append("+1212").append(String.format("%07d", 2_000_000 + i)).append(",First").append(i)
                    .append(",Last").append(i).append(",user").append(i).append("@example.com,pro\n");
        }
        String boundary = "bench" + UUID.randomUUID();
        String listName = "import-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"list_name\"\r\n\r\n" + listName + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        long start = System.nanoTime();
        Http.Response accepted = http.send(http.request("/v1/contacts/import", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        if (accepted.status() != 202) {
            return new Imported(0, 0, null, "import answered " + accepted.status() + " " + Load.abbreviate(accepted.body()));
        }
        JsonNode job = accepted.json();
        String importId = job.path("id").asText();
        while (!job.path("status").asText().startsWith("completed") && !job.path("status").asText().equals("failed")) {
            Thread.sleep(100);
            job = http.getJson("/v1/contacts/imports/" + importId, token);
        }
        double jobDone = (System.nanoTime() - start) / 1e9;
        String listId = job.path("list_id").asText();
        // the list's contact_count is one cheap query; the whole list is paged through once it says all are there
        // (2 minutes per 100,000 rows, at least 2 minutes)
        long deadline = System.nanoTime() + 120_000_000_000L * Math.max(1, rows / Sizes.FULL.importRows());
        long counted = 0;
        while (counted < rows && System.nanoTime() < deadline) {
            counted = http.getJson("/v1/contact_lists/" + listId, token).path("contact_count").asLong();
            if (counted < rows) {
                Thread.sleep(50);
            }
        }
        double countReached = (System.nanoTime() - start) / 1e9;
        int listed = listAll(token, listId);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Imported(seconds, listed, String.format(
                "status %s at %.1f s, contact_count %d at %.1f s, %d/%d listed in pages of 100 at %.1f s",
                job.path("status").asText(), jobDone, counted, countReached, listed, rows, seconds), null);
    }

    /** Pages through a list's contacts as a client would; returns how many it saw. */
    private int listAll(String token, String listId) throws IOException {
        int listed = 0;
        String cursor = null;
        boolean more = true;
        while (more) {
            JsonNode page = http.getJson("/v1/contacts?limit=100&list_id=" + listId
                    + (cursor == null ? "" : "&starting_after=" + cursor), token);
            JsonNode data = page.path("data");
            listed += data.size();
            more = page.path("has_more").asBoolean() && data.size() > 0;
            if (data.size() > 0) {
                cursor = data.get(data.size() - 1).path("id").asText();
            }
        }
        return listed;
    }

    /**
     * The API's rate as a share of raw PostgreSQL's on the same work at the same client count,
     * judged against {@code minRatio} and a p99 of 50 ms; with no raw figure only the API's is shown.
     */
    static Row compared(String figure, String target, Load.Result api, Load.Result raw, String rawUnit, double minRatio) {
        String apiFigure = String.format("API %,.0f req/s (p50 %.1f ms, p99 %.1f ms)", api.perSecond(),
                api.p50Micros() / 1000.0, api.p99Micros() / 1000.0);
        String apiNote = "API: " + errorsNote(api) + ", harness CPU " + percent(api.clientCpuShare()) + " of the machine"
                + quietNote(api);
        if (raw == null) {
            return new Row(figure, target, apiFigure, null, apiNote + "; raw PostgreSQL not reachable (--jdbc-url)");
        }
        double ratio = raw.perSecond() == 0 ? 0 : api.perSecond() / raw.perSecond();
        boolean pass = ratio >= minRatio && api.p99Micros() <= MAX_P99_MICROS && api.errors() == 0 && raw.errors() == 0;
        return new Row(figure, target, String.format("**%s** of raw: %s / raw %,.0f %s/s (p50 %.1f ms, p99 %.1f ms)",
                percent(ratio), apiFigure, raw.perSecond(), rawUnit, raw.p50Micros() / 1000.0, raw.p99Micros() / 1000.0),
                pass, apiNote + "; raw: " + errorsNote(raw) + ", harness CPU " + percent(raw.clientCpuShare()) + " of the machine"
                        + quietNote(raw));
    }

    /** How long the machine took to be quiet after the warm-up (not said when it did not wait). */
    private static String quietNote(Load.Result result) {
        return result.quietAfterSeconds() < 0.5 ? "" : String.format(", quiet %.0f s after the warm-up", result.quietAfterSeconds());
    }

    static String percent(double share) {
        return String.format("%.0f %%", share * 100);
    }

    private static String errorsNote(Load.Result result) {
        return result.ok() + " ok, " + result.errors() + " errors" + (result.firstError() == null ? "" : " (first: " + result.firstError() + ")");
    }
}
