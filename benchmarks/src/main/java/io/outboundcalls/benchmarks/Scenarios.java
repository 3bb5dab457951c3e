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

    private final Http http;
    private final String adminToken;
    private final Sizes sizes;

    /** The scenario names {@code --only=} accepts. */
    static final Set<String> NAMES = Set.of("import", "write", "read", "dialer");

    Scenarios(Http http, String adminToken, Sizes sizes) {
        this.http = http;
        this.adminToken = adminToken;
        this.sizes = sizes;
    }

    List<Row> run(Set<String> only) throws Exception {
        List<Row> rows = new ArrayList<>();
        if (only.contains("import")) {
            rows.add(safely("Contact import, 100,000-row CSV until listed", "<= 20 s", this::contactImport));
        }
        if (only.contains("write")) {
            rows.add(safely("Write API, POST /v1/contacts, 16 clients", ">= 500 req/s, p99 <= 100 ms", this::writeContacts));
            rows.add(safely("Write API, POST /v1/agents, 16 clients (extra)", "-", this::writeAgents));
        }
        if (only.contains("read")) {
            rows.add(safely("Read API, GET /v1/calls?campaign_id= (100/page), 32 clients", ">= 2,000 req/s, p99 <= 50 ms", this::readCalls));
            rows.add(safely("Read API, GET /v1/agents?limit=100, 32 clients (extra)", "-", this::readAgents));
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

    /** An enterprise account (no rate limits) so the figures measure the service, not the limiter. */
    String newAccount() {
        Http.Response created = http.post("/admin/accounts", adminToken,
                Map.of("name", "bench-" + UUID.randomUUID(), "tier", "enterprise"));
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create an account: " + created.status() + " " + created.body());
        }
        return created.json().path("api_key").path("secret").asText();
    }

    private Row writeContacts(String figure, String target) throws Exception {
        String token = newAccount();
        if (http.post("/v1/contacts", token, Map.of("phone_number", "+12129999999")).status() == 404) {
            return Row.notAvailable(figure, target, "POST /v1/contacts not implemented yet");
        }
        long offset = System.nanoTime() % 1000;
        Load.Result result = Load.run(http, 16, sizes.warmup(), sizes.measure(), 201, n -> http.request("/v1/contacts", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone_number\":\"+1212" + (2_000_000 + (n + offset) % 7_000_000) + "\"}"))
                .build());
        return judged(figure, target, result, 500, 100_000);
    }

    private Row writeAgents(String figure, String target) throws Exception {
        String token = newAccount();
        Load.Result result = Load.run(http, 16, sizes.warmup(), sizes.measure(), 201, n -> http.request("/v1/agents", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Agent " + n + "\",\"prompt\":\"Be helpful\"}"))
                .build());
        return informational(figure, target, result);
    }

    private Row readAgents(String figure, String target) throws Exception {
        String token = newAccount();
        for (int i = 0; i < 100; i++) {
            http.post("/v1/agents", token, Map.of("name", "Agent " + i, "prompt", "Be helpful"));
        }
        Load.Result result = Load.run(http, 32, sizes.warmup(), sizes.measure(), 200,
                n -> http.request("/v1/agents?limit=100", token).GET().build());
        return informational(figure, target, result);
    }

    private Row readCalls(String figure, String target) throws Exception {
        String token = newAccount();
        if (http.get("/v1/calls", token).status() == 404) {
            return Row.notAvailable(figure, target, "GET /v1/calls not implemented yet");
        }
        Object[] campaign = DialerScenario.completedCampaign(http, token, Math.min(sizes.dialerContacts(), 300), 50);
        if (campaign == null) {
            return Row.notAvailable(figure, target, "could not run a campaign to produce calls");
        }
        String path = "/v1/calls?limit=100&campaign_id=" + campaign[0];
        Load.Result result = Load.run(http, 32, sizes.warmup(), sizes.measure(), 200,
                n -> http.request(path, token).GET().build());
        return judged(figure, target, result, 2000, 50_000);
    }

    private Row contactImport(String figure, String target) throws Exception {
        String token = newAccount();
        if (http.get("/v1/contact_lists", token).status() == 404) {
            return Row.notAvailable(figure, target, "contacts not implemented yet");
        }
        // warm-up, not judged (as the other scenarios' first 5 s): the same import in other accounts, so
        // that the measured one runs on compiled code, not while the JIT is still at work. On two cores
        // the first import after start takes three times as long, and the second is still compiling.
        int warmupRows = Integer.getInteger("warmupRows", sizes.importRows());
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
        double quietAfter = sizes == Sizes.FULL ? Quiet.await(0.15, Duration.ofSeconds(90)) : 0;
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
        long deadline = System.nanoTime() + 120_000_000_000L;
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

    static Row judged(String figure, String target, Load.Result result, double minPerSecond, long maxP99Micros) {
        boolean pass = result.perSecond() >= minPerSecond && result.p99Micros() <= maxP99Micros && result.errors() == 0;
        return new Row(figure, target, String.format("%,.0f req/s, p50 %.1f ms, p99 %.1f ms", result.perSecond(),
                result.p50Micros() / 1000.0, result.p99Micros() / 1000.0), pass, errorsNote(result));
    }

    static Row informational(String figure, String target, Load.Result result) {
        return new Row(figure, target, String.format("%,.0f req/s, p50 %.1f ms, p99 %.1f ms", result.perSecond(),
                result.p50Micros() / 1000.0, result.p99Micros() / 1000.0), null, errorsNote(result));
    }

    private static String errorsNote(Load.Result result) {
        return result.ok() + " ok, " + result.errors() + " errors" + (result.firstError() == null ? "" : " (first: " + result.firstError() + ")");
    }
}
