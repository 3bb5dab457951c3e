package io.outboundcalls.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The dialer under load, and what rides on it: completions per second with the concurrency cap
 * checked from the calls themselves, webhook deliveries to a local receiver, and the rebuild
 * rate of the calls projection over the events the run produced.
 */
final class DialerScenario {

    private static final String DIALER = "Dialer, 10,000 contacts, concurrent_calls 200";
    private static final String LAG = "Projection lag under dialer load (p99)";
    private static final String REBUILD = "Rebuild of the calls projection";
    private static final String WEBHOOKS = "Webhook deliveries to a local receiver";

    private final Http http;
    private final String adminToken;
    private final Sizes sizes;
    private final Supplier<String> newAccount;

    DialerScenario(Http http, String adminToken, Sizes sizes, Supplier<String> newAccount) {
        this.http = http;
        this.adminToken = adminToken;
        this.sizes = sizes;
        this.newAccount = newAccount;
    }

    List<Row> run() {
        List<Row> rows = new ArrayList<>();
        String token = newAccount.get();
        if (http.get("/v1/campaigns", token).status() == 404) {
            rows.add(Row.notAvailable(DIALER, ">= 150 calls/s, cap never exceeded", "campaigns not implemented yet"));
            rows.add(Row.notAvailable(LAG, "<= 500 ms", "campaigns not implemented yet"));
            rows.add(Row.notAvailable(REBUILD, ">= 10,000 events/s", "campaigns not implemented yet"));
            rows.add(Row.notAvailable(WEBHOOKS, ">= 500/s, p99 <= 1 s", "campaigns not implemented yet"));
            return rows;
        }
        Receiver receiver = null;
        try {
            receiver = Receiver.start();
            boolean webhooks = http.post("/v1/webhook_endpoints", token, Map.of("url", receiver.url(),
                    "enabled_events", List.of("call.completed", "call.failed", "campaign.completed"))).status() == 201;
            LagProbe lag = new LagProbe(http, token);
            Object[] run = completedCampaign(http, token, sizes.dialerContacts(), sizes.dialerConcurrency(), lag);
            if (run == null) {
                rows.add(new Row(DIALER, ">= 150 calls/s, cap never exceeded", "error", null, "the campaign did not complete"));
                return rows;
            }
            String campaignId = (String) run[0];
            double seconds = (double) run[1];
            List<JsonNode> calls = allCalls(token, campaignId);
            int maxInFlight = maxOverlap(calls);
            double perSecond = calls.size() / seconds;
            boolean full = sizes.dialerContacts() == Sizes.FULL.dialerContacts();
            rows.add(new Row(DIALER.replace("10,000", String.format("%,d", sizes.dialerContacts()))
                    .replace("200", String.valueOf(sizes.dialerConcurrency())),
                    ">= 150 calls/s, cap never exceeded",
                    String.format("%.0f calls/s (%d calls in %.1f s), max in flight %d", perSecond, calls.size(), seconds, maxInFlight),
                    full ? perSecond >= 150 && maxInFlight <= sizes.dialerConcurrency() : null,
                    "in flight computed from each call's started_at..ended_at"));
            rows.add(lag.row(full));
            rows.add(rebuild(full));
            rows.add(webhooks ? receiver.row(full) : Row.notAvailable(WEBHOOKS, ">= 500/s, p99 <= 1 s", "webhook endpoints not implemented yet"));
        } catch (Exception e) {
            rows.add(new Row(DIALER, ">= 150 calls/s, cap never exceeded", "error", null, e.toString()));
        } finally {
            if (receiver != null) {
                receiver.stop();
            }
        }
        return rows;
    }

    /** Runs one campaign to completion; returns {campaignId, seconds from start to completed} or null. */
    static Object[] completedCampaign(Http http, String token, int contacts, int concurrency) throws Exception {
        return completedCampaign(http, token, contacts, concurrency, null);
    }

    static Object[] completedCampaign(Http http, String token, int contacts, int concurrency, LagProbe lag) throws Exception {
        Http.Response bought = http.post("/v1/credits/purchase", token, Map.of("amount", 1_000_000));
        if (bought.status() != 201) {
            // a service with an external database has no payment provider unless configured (docs/credits.md)
            throw new IllegalStateException("Could not buy credits: " + bought.status() + " " + bought.body()
                    + "; run the service with outboundcalls.payments.provider=record-only");
        }
        String agentId = http.post("/v1/agents", token, Map.of("name", "Bench", "prompt", "Hello {{first_name}}",
                "first_message", "Hi!", "max_duration_seconds", 60)).json().path("id").asText();
        List<Map<String, Object>> rows = new ArrayList<>();
        long base = 3_000_000 + (System.nanoTime() % 1_000_000);
        for (int i = 0; i < contacts; i++) {
            rows.add(Map.of("phone_number", "+1212" + String.format("%07d", base + i), "first_name", "C" + i,
                    "timezone", "UTC"));
        }
        Http.Response imported = http.post("/v1/contacts/import", token, Map.of("contacts", rows, "list_name", "bench-" + UUID.randomUUID()));
        if (imported.status() != 202) {
            throw new IllegalStateException("import: " + imported.status() + " " + Load.abbreviate(imported.body()));
        }
        JsonNode job = imported.json();
        while (!job.path("status").asText().startsWith("completed") && !job.path("status").asText().equals("failed")) {
            Thread.sleep(100);
            job = http.get("/v1/contacts/imports/" + job.path("id").asText(), token).json();
        }
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("name", "Bench");
        campaign.put("agent_id", agentId);
        campaign.put("contact_list_id", job.path("list_id").asText());
        campaign.put("schedule", Map.of("start_date", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(),
                "calling_hours", Map.of("start", "00:00", "end", "23:59"), "timezone", "UTC"));
        campaign.put("retry_rules", Map.of("max_attempts", 1, "delay_minutes", 1));
        campaign.put("concurrent_calls", concurrency);
        Http.Response created = http.post("/v1/campaigns", token, campaign);
        if (created.status() != 201) {
            throw new IllegalStateException("campaign: " + created.status() + " " + Load.abbreviate(created.body()));
        }
        String campaignId = created.json().path("id").asText();
        if (lag != null) {
            lag.start(campaignId);
        }
        long start = System.nanoTime();
        Http.Response started = http.post("/v1/campaigns/" + campaignId + "/start", token, Map.of());
        if (started.status() != 200) {
            throw new IllegalStateException("start: " + started.status() + " " + Load.abbreviate(started.body()));
        }
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
        while (System.nanoTime() < deadline) {
            JsonNode state = http.get("/v1/campaigns/" + campaignId, token).json();
            if (state.path("status").asText().equals("completed")) {
                double seconds = (System.nanoTime() - start) / 1e9;
                if (lag != null) {
                    lag.stop();
                }
                return new Object[]{campaignId, seconds};
            }
            Thread.sleep(100);
        }
        return null;
    }

    private List<JsonNode> allCalls(String token, String campaignId) {
        List<JsonNode> calls = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            JsonNode page = http.get("/v1/calls?limit=100&campaign_id=" + campaignId
                    + (cursor == null ? "" : "&starting_after=" + cursor), token).json();
            page.path("data").forEach(calls::add);
            more = page.path("has_more").asBoolean() && page.path("data").size() > 0;
            if (page.path("data").size() > 0) {
                cursor = calls.get(calls.size() - 1).path("id").asText();
            }
        }
        return calls;
    }

    /** The largest number of calls whose [started, ended] intervals overlap. */
    static int maxOverlap(List<JsonNode> calls) {
        List<long[]> points = new ArrayList<>();
        for (JsonNode call : calls) {
            String from = text(call, "started_at", "queued_at");
            String to = text(call, "ended_at", null);
            if (from == null || to == null) {
                continue;
            }
            points.add(new long[]{Instant.parse(from).toEpochMilli() * 1000, 1});
            points.add(new long[]{Instant.parse(to).toEpochMilli() * 1000, -1});
        }
        points.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int current = 0;
        int max = 0;
        for (long[] p : points) {
            current += (int) p[1];
            max = Math.max(max, current);
        }
        return max;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        if (value.isTextual()) {
            return value.asText();
        }
        return fallback == null ? null : text(node, fallback, null);
    }

    private Row rebuild(boolean full) throws Exception {
        JsonNode before = http.get("/admin/projections", adminToken).status() == 200 ? http.get("/admin/projections", adminToken).json() : null;
        if (before == null) {
            return Row.notAvailable(REBUILD, ">= 10,000 events/s", "operator projection API not implemented yet");
        }
        Http.Response started = http.post("/admin/projections/calls/rebuild", adminToken, Map.of());
        if (started.status() >= 300) {
            return Row.notAvailable(REBUILD, ">= 10,000 events/s", "rebuild answered " + started.status());
        }
        long start = System.nanoTime();
        long head = 0;
        while (true) {
            Thread.sleep(50);
            JsonNode status = http.get("/admin/projections", adminToken).json();
            for (JsonNode p : status.path("data")) {
                if (p.path("name").asText().equals("calls")) {
                    head = p.path("head").asLong();
                    if (!p.path("state").asText().equals("replaying") && p.path("lag").asLong() == 0
                            && System.nanoTime() - start > 200_000_000L) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        double rate = head / seconds;
                        return new Row(REBUILD, ">= 10,000 events/s", String.format("%,.0f events/s (%,d events in %.1f s)", rate, head, seconds),
                                full ? rate >= 10_000 : null, "whole event store replayed through the calls projection");
                    }
                }
            }
            if (System.nanoTime() - start > 600_000_000_000L) {
                return new Row(REBUILD, ">= 10,000 events/s", "timeout", false, "did not catch up in 10 minutes");
            }
        }
    }

    /** A local webhook receiver that records when each event arrived. */
    static final class Receiver {
        private final HttpServer server;
        private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        private final List<Long> latenciesMillis = new CopyOnWriteArrayList<>();

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            Receiver receiver = new Receiver(server);
            server.createContext("/hook", exchange -> {
                long now = System.currentTimeMillis();
                try (InputStream in = exchange.getRequestBody()) {
                    JsonNode event = Http.JSON.readTree(in);
                    String id = exchange.getRequestHeaders().getFirst("webhook-id");
                    if (id != null && receiver.firstArrival.putIfAbsent(id, now) == null && event.hasNonNull("timestamp")) {
                        receiver.latenciesMillis.add(now - Instant.parse(event.path("timestamp").asText()).toEpochMilli());
                    }
                } catch (Exception ignored) {
                    // a malformed delivery still gets its 2xx: the figure counts only parsed events
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.start();
            return receiver;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        Row row(boolean full) throws InterruptedException {
            Thread.sleep(3000); // let the last deliveries arrive
            long[] arrivals = firstArrival.values().stream().mapToLong(Long::longValue).sorted().toArray();
            if (arrivals.length < 2) {
                return new Row(WEBHOOKS, ">= 500/s, p99 <= 1 s", arrivals.length + " deliveries", null, "too few to measure");
            }
            double seconds = Math.max(0.001, (arrivals[arrivals.length - 1] - arrivals[0]) / 1000.0);
            double rate = arrivals.length / seconds;
            long[] latencies = latenciesMillis.stream().mapToLong(Long::longValue).sorted().toArray();
            long p99 = Load.percentile(latencies, 0.99);
            return new Row(WEBHOOKS, ">= 500/s, p99 <= 1 s", String.format("%,.0f deliveries/s, p99 %d ms (%d events)",
                    rate, p99, arrivals.length), full ? rate >= 500 && p99 <= 1000 : null,
                    "rate bounded by how fast the dialer produces events; latency = receipt - event timestamp");
        }

        void stop() {
            server.stop(0);
        }
    }
}
