package io.outboundcalls.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Projection lag seen from outside: while the dialer runs, the newest calls of the campaign are
 * polled every 100 ms; the first time a call shows as ended, its lag is "now - ended_at" (the
 * call's end as the service recorded it, on the same machine's clock). An upper bound of the
 * real event-to-read-model lag: it includes up to one polling interval and the read itself.
 */
final class LagProbe {

    private static final String FIGURE = "Projection lag under dialer load (p99)";
    private static final long POLL_MILLIS = 100;
    private static final int PAGES = 3;

    private final Http http;
    private final String token;
    private final Set<String> seen = new HashSet<>();
    private final List<Long> lagsMillis = new ArrayList<>();
    private volatile boolean running;
    private Thread thread;

    LagProbe(Http http, String token) {
        this.http = http;
        this.token = token;
    }

    void start(String campaignId) {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                long started = System.currentTimeMillis();
                poll(campaignId);
                long pause = POLL_MILLIS - (System.currentTimeMillis() - started);
                if (pause > 0) {
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "lag-probe");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5_000);
        }
    }

    private void poll(String campaignId) {
        String cursor = null;
        for (int page = 0; page < PAGES; page++) {
            Http.Response response = http.get("/v1/calls?limit=100&campaign_id=" + campaignId
                    + (cursor == null ? "" : "&starting_after=" + cursor), token);
            if (response.status() != 200) {
                return;
            }
            long now = System.currentTimeMillis();
            JsonNode data = response.json().path("data");
            for (JsonNode call : data) {
                if (call.path("ended_at").isTextual() && seen.add(call.path("id").asText())) {
                    lagsMillis.add(now - Instant.parse(call.path("ended_at").asText()).toEpochMilli());
                }
            }
            if (!response.json().path("has_more").asBoolean() || data.isEmpty()) {
                return;
            }
            cursor = data.get(data.size() - 1).path("id").asText();
        }
    }

    Row row(boolean full) {
        long[] sorted = lagsMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Row.notAvailable(FIGURE, "<= 500 ms", "no ended call was observed");
        }
        long p99 = Load.percentile(sorted, 0.99);
        return new Row(FIGURE, "<= 500 ms", String.format("p50 %d ms, p99 %d ms (%d calls observed)",
                Load.percentile(sorted, 0.50), p99, sorted.length), full ? p99 <= 500 : null,
                "call ended_at -> first seen ended via GET /v1/calls, polled every 100 ms (upper bound)");
    }
}
