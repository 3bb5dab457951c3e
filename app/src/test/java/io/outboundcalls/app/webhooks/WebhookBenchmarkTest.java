package io.outboundcalls.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.events.contact.ContactStatus;
import io.outboundcalls.events.contact.ContactStatusChangedEvent;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook throughput and latency to a local receiver. Not part of the normal build:
 * {@code ./mvnw -B -o -pl app -am test -Dtest=WebhookBenchmarkTest -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (sizes: {@code -Dbenchmark.events=5000 -Dbenchmark.rate=500}).
 * <ol>
 *   <li>drain: N deliveries already in the outbox, the sender started: deliveries per second;</li>
 *   <li>steady: events published at a fixed rate; latency from the event's timestamp to its
 *       arrival at the receiver (p50, p99, max).</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class WebhookBenchmarkTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private EventGateway events;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApplicationContext context;

    private final Map<String, Long> latencyMillis = new ConcurrentHashMap<>();
    private final Set<String> received = ConcurrentHashMap.newKeySet();

    @Test
    void measuresDeliveriesPerSecondAndLatency() throws Exception {
        int count = Integer.getInteger("benchmark.events", 5000);
        int rate = Integer.getInteger("benchmark.rate", 500);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        receiver.setExecutor(Executors.newFixedThreadPool(32));
        receiver.createContext("/hook", exchange -> {
            long now = System.currentTimeMillis();
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode event = JSON.readTree(body);
            latencyMillis.put(event.path("id").asText(), now - Instant.parse(event.path("timestamp").asText()).toEpochMilli());
            received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            ApiClient api = newAccount();
            ApiClient.Response created = api.post("/v1/webhook_endpoints", Map.of(
                    "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "enabled_events", List.of("*")));
            String endpointId = created.json().path("id").asText();
            String accountId = jdbc.queryForObject("select account_id from webhooks.endpoints where id = ?", String.class, endpointId);

            drain(accountId, endpointId, count);
            steady(accountId, count, rate);
        } finally {
            receiver.stop(0);
        }
    }

    private void drain(String accountId, String endpointId, int count) throws InterruptedException {
        Lifecycle sender = (Lifecycle) context.getBean("webhookSender");
        sender.stop();
        try {
            publish(accountId, count, 0, "contact_bench_d");
            await().atMost(Duration.ofMinutes(5)).until(() -> jdbc.queryForObject(
                    "select count(*) from webhooks.deliveries where endpoint_id = ? and status = 'pending'",
                    Integer.class, endpointId) == count);
        } finally {
            long start = System.nanoTime();
            long cpu = processCpuNanos();
            sender.start();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> received.size() >= count);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("WEBHOOK BENCHMARK drain: %d deliveries in %.2f s = %.0f deliveries/s; "
                            + "JVM CPU (sender + receiver) %.2f ms per delivery; load average %.1f%n",
                    count, seconds, count / seconds, (processCpuNanos() - cpu) / 1e6 / count,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private void steady(String accountId, int count, int rate) throws InterruptedException {
        received.clear();
        latencyMillis.clear();
        long start = System.nanoTime();
        publish(accountId, count, rate, "contact_bench_s");
        System.out.printf("WEBHOOK BENCHMARK steady: published in %.2f s%n", (System.nanoTime() - start) / 1e9);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> received.size() >= count);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> latencies = new ArrayList<>(latencyMillis.values());
        Collections.sort(latencies);
        System.out.printf("WEBHOOK BENCHMARK steady: %d events at %d/s target, all delivered in %.2f s (%.0f/s); "
                        + "latency event->delivered p50 %d ms, p99 %d ms, max %d ms%n",
                count, rate, seconds, count / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.get(latencies.size() - 1));
        assertThat(received).hasSize(count);
        System.out.println("WEBHOOK BENCHMARK steady: " + jdbc.queryForMap("""
                select percentile_cont(0.99) within group (order by extract(epoch from d.created_at - e.created_at)) outbox_p99_s,
                       percentile_cont(0.99) within group (order by extract(epoch from d.delivered_at - d.created_at)) sender_p99_s
                from webhooks.deliveries d join webhooks.events e on e.id = d.event_id
                where d.delivered_at > now() - interval '2 minutes' and e.body like '%contact_bench_s%'"""));
    }

    /** Publishes {@code count} status changes, paced at {@code rate} per second (0: as fast as possible). */
    private void publish(String accountId, int count, int rate, String prefix) throws InterruptedException {
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) i * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            String contactId = prefix + i;
            publishers.execute(() -> events.publish(
                    new ContactStatusChangedEvent(contactId, accountId, ContactStatus.REACHED, "camp_b", "call_b")));
        }
        publishers.shutdown();
        publishers.awaitTermination(5, TimeUnit.MINUTES);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
