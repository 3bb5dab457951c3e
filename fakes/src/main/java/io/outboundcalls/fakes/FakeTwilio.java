package io.outboundcalls.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Twilio's Programmable Voice REST API, the people it calls, and an OpenAI-compatible model, played on one local
 * port, so that the service runs with {@code outboundcalls.telephony.provider=twilio} without a Twilio account, a
 * public URL or a model: {@code Calls.json} creates a call whose {@link FakeCallee} then rings, answers and talks
 * to the service exactly as Twilio would (signed callbacks, the ConversationRelay websocket); hang-ups, the list
 * and fetch of calls and recording downloads are answered too. Run it, then start the service with the settings it
 * prints (docs/telephony.md, "Without a Twilio account").
 */
public final class FakeTwilio implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC" + "0".repeat(32);
    public static final String FROM_NUMBER = "+15005550006";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Random RANDOM = new Random();

    private final HttpServer server;
    private final String authToken;
    private final Map<String, FakeCall> calls = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-twilio");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(threads).build();

    public FakeTwilio(int port, String authToken) throws IOException {
        this.authToken = authToken;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/2010-04-01/Accounts/" + ACCOUNT_SID + "/", this::rest);
        server.createContext("/v1/chat/completions", this::model);
        server.setExecutor(threads);
        server.start();
    }

    /** Both {@code outboundcalls.telephony.twilio.api-base-url} and, with {@code /v1}, {@code outboundcalls.llm.base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(option(args, "--port=", "8089"));
        String token = option(args, "--auth-token=", "fake-twilio-auth-token-" + HexFormat.of().formatHex(bytes(8)));
        String service = option(args, "--service=", "http://127.0.0.1:8080");
        FakeTwilio twilio = new FakeTwilio(port, token);
        System.out.println("Fake Twilio, callees and model on " + twilio.baseUrl() + ". Start the service with:");
        System.out.println();
        System.out.println("  OUTBOUNDCALLS_TELEPHONY_PROVIDER=twilio \\");
        System.out.println("  OUTBOUNDCALLS_TELEPHONY_TWILIO_ACCOUNT_SID=" + ACCOUNT_SID + " \\");
        System.out.println("  OUTBOUNDCALLS_TELEPHONY_TWILIO_AUTH_TOKEN=" + token + " \\");
        System.out.println("  OUTBOUNDCALLS_TELEPHONY_TWILIO_API_BASE_URL=" + twilio.baseUrl() + " \\");
        System.out.println("  OUTBOUNDCALLS_TELEPHONY_TWILIO_PUBLIC_BASE_URL=" + service + " \\");
        System.out.println("  OUTBOUNDCALLS_TELEPHONY_TWILIO_FROM_NUMBER=" + FROM_NUMBER + " \\");
        System.out.println("  OUTBOUNDCALLS_LLM_BASE_URL=" + twilio.baseUrl() + "/v1 \\");
        System.out.println("  OUTBOUNDCALLS_LLM_API_KEY=fake OUTBOUNDCALLS_LLM_MODEL=fake-model \\");
        System.out.println("  java -jar app/target/app-0.1.0-SNAPSHOT.jar");
        System.out.println();
        System.out.println("The last two digits of a contact's number choose its callee: 01 busy, 02 no answer, 03 voicemail,");
        System.out.println("04 carrier failure, 05 asks not to be called again, 08 asks for a person, anything else a short talk.");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void rest(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                reply(exchange, 401, error(20003, "Authenticate"));
                return;
            }
            String path = exchange.getRequestURI().getPath().substring(("/2010-04-01/Accounts/" + ACCOUNT_SID).length());
            String method = exchange.getRequestMethod();
            if (path.equals("/Calls.json") && method.equals("POST")) {
                create(exchange);
            } else if (path.equals("/Calls.json") && method.equals("GET")) {
                list(exchange);
            } else if (path.matches("/Calls/CA\\w+\\.json")) {
                FakeCall call = calls.get(path.substring("/Calls/".length(), path.length() - ".json".length()));
                if (call == null) {
                    reply(exchange, 404, error(20404, "The requested resource was not found"));
                    return;
                }
                if (method.equals("POST")) {
                    Map<String, List<String>> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    call.update = form.containsKey("Status") ? "Status=" + form.get("Status").get(0) : "Twiml";
                }
                reply(exchange, 200, json(call).toString());
            } else if (path.matches("/Recordings/RE\\w+\\.wav") && method.equals("GET")) {
                exchange.getResponseHeaders().add("Content-Type", "audio/x-wav");
                byte[] wav = wav();
                exchange.sendResponseHeaders(200, wav.length);
                exchange.getResponseBody().write(wav);
            } else {
                reply(exchange, 404, error(20404, "The requested resource was not found"));
            }
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        CallsFormCheck.Refusal refusal = CallsFormCheck.refusal(form);
        if (refusal != null) {
            reply(exchange, 400, error(refusal.code(), refusal.message()));
            return;
        }
        FakeCall call = new FakeCall("CA" + HexFormat.of().formatHex(bytes(16)), form);
        calls.put(call.sid, call);
        reply(exchange, 201, json(call).toString());
        threads.execute(new FakeCallee(call, authToken, ACCOUNT_SID, http));
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = form(exchange.getRequestURI().getRawQuery());
        String to = query.getOrDefault("To", List.of("")).get(0);
        String from = query.getOrDefault("From", List.of("")).get(0);
        ObjectNode page = JSON.createObjectNode().put("page_size", 50);
        ArrayNode listed = page.putArray("calls");
        calls.values().stream().filter(call -> to.isEmpty() || to.equals(call.to()))
                .filter(call -> from.isEmpty() || from.equals(call.first("From")))
                .sorted((a, b) -> b.created.compareTo(a.created)).limit(50).forEach(call -> listed.add(json(call)));
        reply(exchange, 200, page.toString());
    }

    private void model(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            FakeModel.Answer answer = FakeModel.answer(request);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static ObjectNode json(FakeCall call) {
        ObjectNode json = JSON.createObjectNode().put("sid", call.sid).put("account_sid", ACCOUNT_SID).put("status", call.status)
                .put("to", call.to()).put("from", call.first("From"))
                .put("date_created", RFC_2822.format(call.created.atOffset(ZoneOffset.UTC)));
        if (call.duration == null) {
            json.putNull("duration");
        } else {
            json.put("duration", String.valueOf(call.duration));
        }
        return json;
    }

    private static String error(int code, String message) {
        return JSON.createObjectNode().put("code", code).put("message", message).put("more_info", "https://www.twilio.com/docs/errors/" + code)
                .toString();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    static Map<String, List<String>> form(String encoded) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    /** One second of silence: PCM, 8 kHz, 16-bit, mono, as Twilio's WAV recordings are. */
    static byte[] wav() {
        int samples = 8_000;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8_000)
                .putInt(16_000).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return wav.array();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String option(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }
}
