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
    private static final String RELAY_FIGURE = "Relay turn, prompt frame -> first text frame minus the model's %d ms, %d live sessions "
            + "at a phone call's pace";
    private static final String STRESS_FIGURE = "Relay turn as above, %2$d live sessions at ten times a phone call's pace (stress)";
    private static final String COST_FIGURE = "Relay node cost per live call, %d live sessions at a phone call's pace";

    private final Sizes sizes;

    RelayScenario(Sizes sizes) {
        this.sizes = sizes;
    }

    List<Row> run() throws Exception {
        int sessions = sizes.relaySessions();
        String figure = String.format(RELAY_FIGURE, FIRST_TOKEN_DELAY.toMillis(), sessions);
        String costFigure = String.format(COST_FIGURE, sessions);
        String stressFigure = String.format(STRESS_FIGURE, FIRST_TOKEN_DELAY.toMillis(), sessions);
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
                     "--outboundcalls.llm.model=benchmark",
                     // the sessions wait, silent, while the JIT settles between the warm-up and the measured turns
                     "--outboundcalls.llm.silence-timeout=10m"));
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
                play(live, sizes.relayWarmupTurns(), RelaySession.Pace.STRESS, warmup);
                warmup.forEach(turn -> model.seen(turn.marker()));
                Phase stress = measure(live, RelaySession.Pace.STRESS, service, model);
                Phase phone = measure(live, RelaySession.Pace.PHONE, service, model);
                NodeUsage held = NodeUsage.settled(service);
                for (RelaySession session : live) {
                    session.hangUp();
                }
                return List.of(latency(figure, phone, true), latency(stressFigure, stress, false),
                        cost(costFigure, sessions, before, held, phone));
            } finally {
                pauses.shutdownNow();
            }
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + Load.abbreviate(String.valueOf(e.getMessage()));
            return List.of(new Row(figure, "p99 <= 20 ms", "error", null, error),
                    new Row(stressFigure, "reported", "error", null, error),
                    new Row(costFigure, "reported", "error", null, error));
        }
    }

    private static void play(List<RelaySession> live, int turns, RelaySession.Pace pace, Queue<RelaySession.Turn> into)
            throws Exception {
        CompletableFuture.allOf(live.stream().map(session -> session.play(turns, pace, into)).toArray(CompletableFuture[]::new))
                .get(turns * 30L + 30, TimeUnit.SECONDS);
    }

    /** The measured turns of one pace, with each turn's parts as the mock model saw them, and who spent the CPU. */
    private record Phase(RelaySession.Pace pace, List<Long> total, List<Long> in, List<Long> mock, List<Long> out, double seconds,
                         double quietAfter, long serviceCpuNanos, long harnessCpuNanos, double idleServiceCores) {
    }

    private static final Duration IDLE_SAMPLE = Duration.ofSeconds(5);

    /**
     * Waits for a quiet machine (on two cores the JIT compiles what the previous turns made hot for a while after
     * them; a node that has served calls for a while is not doing that), then plays the measured turns at this pace.
     */
    private Phase measure(List<RelaySession> live, RelaySession.Pace pace, Service service, MockModel model) throws Exception {
        double quietAfter = sizes.smoke() ? 0 : Quiet.await(0.15, Duration.ofSeconds(120));
        // what the node spends with every session open and silent (timers, event processors' polling): not the turns' cost
        NodeUsage idleBefore = NodeUsage.cpu(service);
        Thread.sleep(sizes.smoke() ? 0 : IDLE_SAMPLE.toMillis());
        NodeUsage serviceBefore = NodeUsage.cpu(service);
        double idleCores = sizes.smoke() ? 0 : (serviceBefore.cpuNanos() - idleBefore.cpuNanos()) / (double) IDLE_SAMPLE.toNanos();
        long harnessBefore = Load.ownCpuNanos();
        Queue<RelaySession.Turn> turns = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        play(live, sizes.relayTurns(), pace, turns);
        double seconds = (System.nanoTime() - start) / 1e9;
        long serviceCpu = NodeUsage.cpu(service).cpuNanos() - serviceBefore.cpuNanos();
        long harnessCpu = Load.ownCpuNanos() - harnessBefore;
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
        return new Phase(pace, total, in, mock, out, seconds, quietAfter, serviceCpu, harnessCpu, idleCores);
    }

    /**
     * The overhead of each turn, and its parts as the mock model saw them (same JVM, same clock): prompt sent
     * to the model's request arriving, the mock's own time beyond its delay, first token flushed to our text.
     */
    private Row latency(String figure, Phase phase, boolean judged) {
        long[] overhead = sorted(phase.total());
        double p99 = percentile(overhead, 0.99) / 1e6;
        int expected = sizes.relaySessions() * sizes.relayTurns();
        String measured = String.format("p50 %.1f ms, p99 %.1f ms", percentile(overhead, 0.50) / 1e6, p99);
        int cores = Runtime.getRuntime().availableProcessors();
        String notes = String.format("%d/%d turns in %.1f s (%.0f turns/s; each prompt %d-%d ms after the previous reply's last token), "
                        + "max %.1f ms; parts (p50/p99): prompt sent -> model request arrived %s, the mock beyond its delay %s, "
                        + "first token flushed -> our text frame arrived %s (%d turns matched); CPU of the %d cores: service %.0f %%, "
                        + "harness (websocket clients and mock model) %.0f %%; %d warm-up turns per session before, not judged, "
                        + "then the machine was quiet after %.0f s",
                overhead.length, expected, phase.seconds(), overhead.length / phase.seconds(), phase.pace().minMs(), phase.pace().maxMs(),
                overhead.length == 0 ? 0 : overhead[overhead.length - 1] / 1e6, part(phase.in()), part(phase.mock()), part(phase.out()),
                phase.in().size(), cores, 100 * Load.cpuShare(phase.serviceCpuNanos(), phase.seconds(), cores),
                100 * Load.cpuShare(phase.harnessCpuNanos(), phase.seconds(), cores), sizes.relayWarmupTurns(), phase.quietAfter());
        if (!judged) {
            return new Row(figure, "reported", measured, null, notes);
        }
        return new Row(figure, "p99 <= 20 ms", measured, overhead.length == expected && p99 <= 20, notes);
    }

    private static String part(List<Long> nanos) {
        long[] values = sorted(nanos);
        return String.format("%.1f/%.1f ms", percentile(values, 0.50) / 1e6, percentile(values, 0.99) / 1e6);
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static Row cost(String figure, int sessions, NodeUsage idle, NodeUsage held, Phase phase) {
        double cpuSeconds = phase.serviceCpuNanos() / 1e9;
        double turnCpuSeconds = Math.max(0, cpuSeconds - phase.idleServiceCores() * phase.seconds());
        int turns = phase.total().size();
        return new Row(figure, "reported", String.format("CPU %.2f %% of a core (%.2f ms per turn beyond the idle node's %.0f %% of a core), "
                        + "heap %+.0f KiB, RSS %+.0f KiB",
                cpuSeconds / phase.seconds() / sessions * 100, turns == 0 ? 0 : turnCpuSeconds * 1000 / turns,
                phase.idleServiceCores() * 100,
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
