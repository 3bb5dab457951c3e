package io.outboundcalls.benchmarks;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ConversationRelay websocket under many live calls: a service of its own in Twilio mode whose model is
 * {@link MockModel}; the calls are rows of {@code telephony.twilio_calls}, as the Twilio adapter writes them
 * when it dials, so the relay's {@code setup} finds them. Every session is opened before the first prompt.
 */
final class RelayScenario {

    static final Duration FIRST_TOKEN_DELAY = Duration.ofMillis(200);
    private static final String AUTH_TOKEN = "bench-auth-token-" + UUID.randomUUID();
    private static final String RELAY_FIGURE = "Relay turn, prompt frame -> first text frame minus the model's %d ms, %d live sessions";
    private static final String COST_FIGURE = "Relay node cost per live call, %d live sessions";

    private final Sizes sizes;

    RelayScenario(Sizes sizes) {
        this.sizes = sizes;
    }

    List<Row> run() throws Exception {
        int sessions = sizes.relaySessions();
        String figure = String.format(RELAY_FIGURE, FIRST_TOKEN_DELAY.toMillis(), sessions);
        String costFigure = String.format(COST_FIGURE, sessions);
        System.out.println("Starting a second service, in Twilio mode with a mock model, for the relay…");
        try (MockModel model = new MockModel(FIRST_TOKEN_DELAY, sessions);
             Service service = Service.start(List.of(
                     "--outboundcalls.telephony.provider=twilio",
                     "--outboundcalls.telephony.twilio.account-sid=ACbenchmark",
                     "--outboundcalls.telephony.twilio.auth-token=" + AUTH_TOKEN,
                     "--outboundcalls.telephony.twilio.public-base-url=" + Service.BASE_URL,
                     "--outboundcalls.telephony.twilio.from-number=+15005550006",
                     // nothing is dialed: the calls are written to telephony.twilio_calls directly
                     "--outboundcalls.telephony.twilio.api-base-url=http://127.0.0.1:9",
                     "--outboundcalls.llm.base-url=" + model.baseUrl(),
                     "--outboundcalls.llm.model=benchmark"));
             RawDatabase database = RawDatabase.embedded(service.dataDir())) {
            List<String> calls = placeCalls(database, sessions);
            String relayUrl = service.baseUrl.replaceFirst("^http:", "ws:") + "/telephony/twilio/relay";
            NodeUsage before = NodeUsage.settled(service);
            ScheduledExecutorService pauses = Executors.newScheduledThreadPool(2);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            try {
                List<CompletableFuture<RelaySession>> opening = new ArrayList<>();
                for (String call : calls) {
                    opening.add(new RelaySession(call, pauses).open(http, relayUrl, sign(relayUrl)));
                }
                List<RelaySession> live = new ArrayList<>();
                for (CompletableFuture<RelaySession> session : opening) {
                    live.add(session.get(60, TimeUnit.SECONDS));
                }
                // the first turns run while the JIT compiles the relay's code: played, not judged
                Queue<RelaySession.Turn> warmup = new ConcurrentLinkedQueue<>();
                play(live, sizes.relayWarmupTurns(), warmup);
                warmup.forEach(turn -> model.seen(turn.marker()));
                NodeUsage warm = NodeUsage.cpu(service);
                Queue<RelaySession.Turn> firstText = new ConcurrentLinkedQueue<>();
                long start = System.nanoTime();
                play(live, sizes.relayTurns(), firstText);
                double seconds = (System.nanoTime() - start) / 1e9;
                NodeUsage after = NodeUsage.cpu(service);
                NodeUsage held = NodeUsage.settled(service);
                for (RelaySession session : live) {
                    session.hangUp();
                }
                return List.of(latency(figure, firstText, model, seconds), cost(costFigure, sessions, before, held, warm, after, seconds,
                        firstText.size()));
            } finally {
                pauses.shutdownNow();
            }
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + Load.abbreviate(String.valueOf(e.getMessage()));
            return List.of(new Row(figure, "p99 <= 20 ms", "error", null, error),
                    new Row(costFigure, "reported", "error", null, error));
        }
    }

    private static void play(List<RelaySession> live, int turns, Queue<RelaySession.Turn> into) throws Exception {
        CompletableFuture.allOf(live.stream().map(session -> session.play(turns, into)).toArray(CompletableFuture[]::new))
                .get(turns * 30L + 30, TimeUnit.SECONDS);
    }

    /**
     * The overhead of each turn, and its parts as the mock model saw them (same JVM, same clock): prompt sent
     * to the model's request arriving, the mock's own time beyond its delay, first token flushed to our text.
     */
    private Row latency(String figure, Queue<RelaySession.Turn> turns, MockModel model, double seconds) {
        long delay = FIRST_TOKEN_DELAY.toNanos();
        List<Long> total = new ArrayList<>();
        List<Long> in = new ArrayList<>();
        List<Long> mock = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        for (RelaySession.Turn turn : turns) {
            total.add(turn.firstTextAt() - turn.sentAt() - delay);
            long[] seen = model.seen(turn.marker());
            if (seen != null) {
                in.add(seen[0] - turn.sentAt());
                mock.add(seen[1] - seen[0] - delay);
                out.add(turn.firstTextAt() - seen[1]);
            }
        }
        long[] overhead = sorted(total);
        double p99 = percentile(overhead, 0.99) / 1e6;
        int expected = sizes.relaySessions() * sizes.relayTurns();
        return new Row(figure, "p99 <= 20 ms", String.format("p50 %.1f ms, p99 %.1f ms", percentile(overhead, 0.50) / 1e6, p99),
                overhead.length == expected && p99 <= 20,
                String.format("%d/%d turns in %.1f s (each prompt 0-200 ms after the previous reply's last token), max %.1f ms; "
                        + "parts (p50/p99): prompt sent -> model request arrived %s, the mock beyond its delay %s, "
                        + "first token flushed -> our text frame arrived %s (%d turns matched); %d warm-up turns per session "
                        + "before, not judged", overhead.length, expected, seconds,
                        overhead.length == 0 ? 0 : overhead[overhead.length - 1] / 1e6, part(in), part(mock), part(out), in.size(),
                        sizes.relayWarmupTurns()));
    }

    private static String part(List<Long> nanos) {
        long[] values = sorted(nanos);
        return String.format("%.1f/%.1f ms", percentile(values, 0.50) / 1e6, percentile(values, 0.99) / 1e6);
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static Row cost(String figure, int sessions, NodeUsage idle, NodeUsage held, NodeUsage warm, NodeUsage after,
                            double seconds, int turns) {
        double cpuSeconds = (after.cpuNanos() - warm.cpuNanos()) / 1e9;
        return new Row(figure, "reported", String.format("CPU %.2f %% of a core (%.2f ms per turn), heap %+.0f KiB, RSS %+.0f KiB",
                cpuSeconds / seconds / sessions * 100, turns == 0 ? 0 : cpuSeconds * 1000 / turns,
                (held.heapBytes() - idle.heapBytes()) / 1024.0 / sessions, (held.rssBytes() - idle.rssBytes()) / 1024.0 / sessions),
                null, String.format("CPU: the service process's CPU time over the measured turns / wall time / sessions; "
                        + "memory: heap after a full GC (jcmd GC.run, /admin/metrics jvm_memory_used_bytes) and RSS (/proc), "
                        + "all sessions open minus before the first was opened, / sessions; node: heap %.0f MiB, RSS %.0f MiB",
                held.heapBytes() / 1048576.0, held.rssBytes() / 1048576.0));
    }

    private static long percentile(long[] sorted, double share) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }

    /** Rows as the Twilio adapter writes them when it dials: the call's id and its serialized DialRequest. */
    private static List<String> placeCalls(RawDatabase database, int count) throws Exception {
        List<String> calls = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into telephony.twilio_calls (call_id, request) values (?, ?::jsonb)")) {
            for (int i = 0; i < count; i++) {
                String callId = "call_bench" + UUID.randomUUID().toString().replace("-", "");
                insert.setString(1, callId);
                insert.setString(2, Http.JSON.writeValueAsString(dialRequest(callId)));
                insert.addBatch();
                calls.add(callId);
            }
            insert.executeBatch();
        }
        return calls;
    }

    private static Map<String, Object> dialRequest(String callId) {
        Map<String, Object> agent = Map.of("name", "Bench", "prompt", "You help {{first_name}} choose a plan.",
                "firstMessage", "Hello {{first_name}}.", "voice", "Polly.Joanna", "language", "en-US", "maxDurationSeconds", 600,
                "voicemail", Map.of("action", "hangup"), "analysis", Map.of("summary", false, "fields", List.of()),
                "metadata", Map.of());
        Map<String, Object> contact = Map.of("phoneNumber", "+14155550100", "rawPhoneNumber", "+14155550100",
                "firstName", "Ada", "lastName", "Lovelace", "metadata", Map.of());
        return Map.of("callId", callId, "accountId", "acct_bench", "campaignId", "camp_bench", "contactId", "cont_bench",
                "to", "+14155550100", "from", "+15005550006", "attempt", 1, "agent", agent, "contact", contact, "testMode", false);
    }

    /** X-Twilio-Signature of a websocket upgrade: HMAC-SHA1 with the auth token over the URL alone, Base64. */
    private static String sign(String url) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(url.getBytes(StandardCharsets.UTF_8)));
    }
}
