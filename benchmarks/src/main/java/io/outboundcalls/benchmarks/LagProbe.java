package io.outboundcalls.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Projection lag seen from outside: while the dialer runs, the campaign's calls are polled every
 * 100 ms; the first time a call shows as ended, its lag is "now - ended_at" (the call's end as the
 * service recorded it, on the same machine's clock). An upper bound of the real event-to-read-model
 * lag: it includes up to one polling interval and the read itself.
 * <p>
 * Every call is observed until it ends, and no more than that: a poll reads the newest page of the
 * campaign's calls (newest placed first), and the next page only while the oldest call on the page
 * read is one it has not seen before (there may be more it has not seen); a call seen before it
 * ended that is no longer on the pages read is read by its id until it shows as ended. So a call
 * whose end is slow to appear is still measured however many calls were placed after it, and the
 * probe reads about one page per poll instead of walking a fixed number of pages (three pages of
 * a hundred calls every 100 ms were a sixth of the service's CPU during a dialer run).
 */
final class LagProbe {

    private static final String FIGURE = "Projection lag under dialer load (p99)";
    private static final long POLL_MILLIS = 100;
    /** Pages read at most in one poll; the calls beyond are met again by the next one. */
    private static final int MAX_PAGES = 10;

    private final Function<String, Http.Response> get;
    /** Calls seen, ended or not. */
    private final Set<String> known = new HashSet<>();
    /** Calls seen ended, their lag recorded. */
    private final Set<String> ended = new HashSet<>();
    /** Calls seen before they ended, in the order they were first seen. */
    private final Set<String> pending = new LinkedHashSet<>();
    private final List<Long> lagsMillis = new ArrayList<>();
    private volatile boolean running;
    private Thread thread;
    private long reads;

    LagProbe(Http http, String token) {
        this(path -> http.get(path, token));
    }

    /** @param get answers a GET of a path of the API */
    LagProbe(Function<String, Http.Response> get) {
        this.get = get;
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

    /** One poll: the newest calls, as deep as there may be calls not seen yet, then the pending ones not met. */
    void poll(String campaignId) {
        Set<String> met = new HashSet<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Http.Response response = read("/v1/calls?limit=100&campaign_id=" + campaignId
                    + (cursor == null ? "" : "&starting_after=" + cursor));
            if (response.status() != 200) {
                return;
            }
            long now = System.currentTimeMillis();
            JsonNode data = response.json().path("data");
            boolean oldestWasKnown = false;
            for (JsonNode call : data) {
                String id = call.path("id").asText();
                oldestWasKnown = known.contains(id);
                met.add(id);
                observe(call, now);
            }
            if (data.isEmpty() || oldestWasKnown || !response.json().path("has_more").asBoolean()) {
                break;
            }
            cursor = data.get(data.size() - 1).path("id").asText();
        }
        for (String id : List.copyOf(pending)) {
            if (!met.contains(id)) {
                Http.Response response = read("/v1/calls/" + id);
                if (response.status() == 200) {
                    observe(response.json(), System.currentTimeMillis());
                }
            }
        }
    }

    private Http.Response read(String path) {
        reads++;
        return get.apply(path);
    }

    private void observe(JsonNode call, long now) {
        String id = call.path("id").asText();
        known.add(id);
        if (ended.contains(id)) {
            return;
        }
        if (call.path("ended_at").isTextual()) {
            ended.add(id);
            pending.remove(id);
            lagsMillis.add(now - Instant.parse(call.path("ended_at").asText()).toEpochMilli());
        } else {
            pending.add(id);
        }
    }

    /** The lags recorded so far, one per call seen ended. */
    List<Long> lagsMillis() {
        return List.copyOf(lagsMillis);
    }

    Row row(boolean full) {
        long[] sorted = lagsMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Row.notAvailable(FIGURE, "<= 500 ms", "no ended call was observed");
        }
        long p99 = Load.percentile(sorted, 0.99);
        return new Row(FIGURE, "<= 500 ms", String.format("p50 %d ms, p99 %d ms (%d calls observed)",
                Load.percentile(sorted, 0.50), p99, sorted.length), full ? p99 <= 500 : null,
                String.format("call ended_at -> first seen ended via GET /v1/calls, polled every 100 ms (upper bound);"
                        + " %,d reads, %d calls never seen ended", reads, pending.size()));
    }
}
