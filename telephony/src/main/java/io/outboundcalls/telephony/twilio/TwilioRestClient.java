package io.outboundcalls.telephony.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.Base64;
import io.outboundcalls.platform.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Programmable Voice requests we make: create a call, update a live call (new TwiML, hang up), read a
 * call or the calls to a number, download a recording. HTTP Basic with the API key when set, else the account sid
 * and auth token. A 429 (never processed) is sent again after a growing pause, a {@code Retry-After} honoured; so
 * is a 5xx, except for a call's creation, where a 5xx may hide a call Twilio did create ({@link SingleCallCreation}
 * looks before trying again). Any other refusal is a {@link TwilioApiException} with Twilio's error code.
 */
class TwilioRestClient {

    private static final Logger log = LoggerFactory.getLogger(TwilioRestClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Twilio asks for at most this long a pause: a longer one is capped, the call is waiting. */
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    /** What Twilio says about a call: {@code status} is its CallStatus, {@code duration} seconds or null. */
    record TwilioCall(String sid, String status, Integer duration, Instant created) {
    }

    /** Calls to one number from one caller id, newest first, as Twilio lists them; enough to find a call just made. */
    private static final int LISTED_CALLS = 50;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String accountRoot;
    private final String authorization;
    private final TwilioCallSettings settings;

    TwilioRestClient(TwilioProperties properties, TwilioCallSettings settings) {
        String base = properties.apiBaseUrl().replaceAll("/+$", "");
        this.accountRoot = base + "/2010-04-01/Accounts/" + properties.accountSid();
        boolean apiKey = properties.apiKeySid() != null && !properties.apiKeySid().isBlank();
        String user = apiKey ? properties.apiKeySid() : properties.accountSid();
        String secret = apiKey ? properties.apiKeySecret() : properties.authToken();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.settings = settings;
    }

    /** One creation: only a 429 is sent again here; a 5xx or a lost answer is for the caller to resolve. */
    TwilioCall createCall(Form form) {
        return call(read(send(post(accountRoot + "/Calls.json", form), status -> status == 429)));
    }

    List<TwilioCall> listCalls(String to, String from) {
        String query = "?To=" + Form.encode(to) + "&From=" + Form.encode(from) + "&PageSize=" + LISTED_CALLS;
        JsonNode listed = read(send(request(accountRoot + "/Calls.json" + query).GET().build()));
        List<TwilioCall> calls = new ArrayList<>();
        listed.path("calls").forEach(call -> calls.add(call(call)));
        return calls;
    }

    TwilioCall updateCall(String sid, Form form) {
        return call(read(send(post(accountRoot + "/Calls/" + sid + ".json", form))));
    }

    TwilioCall fetchCall(String sid) {
        return call(read(send(request(accountRoot + "/Calls/" + sid + ".json").GET().build())));
    }

    byte[] downloadRecording(String recordingSid) {
        return send(request(accountRoot + "/Recordings/" + recordingSid + ".wav").GET().build()).body();
    }

    private HttpRequest post(String url, Form form) {
        return request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.encode())).build();
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        return send(request, status -> status == 429 || status >= 500);
    }

    private HttpResponse<byte[]> send(HttpRequest request, IntPredicate sendAgain) {
        Duration pause = settings.restBackoff();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response = exchange(request);
            if (response.statusCode() < 300) {
                return response;
            }
            TwilioApiException refused = refusal(response);
            if (!sendAgain.test(response.statusCode()) || attempt >= settings.restAttempts()) {
                throw refused;
            }
            Duration wait = retryAfter(response, pause);
            log.info("Twilio {} {}: {}; trying again in {} ms", request.method(), request.uri().getPath(), refused.getMessage(), wait.toMillis());
            sleep(wait);
            pause = pause.multipliedBy(2);
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Twilio could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Twilio", e);
        }
    }

    private TwilioApiException refusal(HttpResponse<byte[]> response) {
        try {
            JsonNode error = Json.MAPPER.readTree(response.body());
            Integer code = error.path("code").isNumber() ? error.path("code").asInt() : null;
            return new TwilioApiException(response.statusCode(), code, error.path("message").asText("no message"));
        } catch (IOException e) {
            return new TwilioApiException(response.statusCode(), null, "a body that is not JSON");
        }
    }

    private static Duration retryAfter(HttpResponse<byte[]> response, Duration fallback) {
        try {
            return response.headers().firstValue("Retry-After").map(Long::parseLong).map(Duration::ofSeconds)
                    .map(asked -> asked.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : asked).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static JsonNode read(HttpResponse<byte[]> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Twilio answered with a body that is not JSON", e);
        }
    }

    private static TwilioCall call(JsonNode body) {
        JsonNode duration = body.path("duration");
        Integer seconds = duration.isNumber() || (duration.isTextual() && duration.asText().matches("\\d+")) ? duration.asInt() : null;
        return new TwilioCall(body.path("sid").asText(null), body.path("status").asText(null), seconds,
                created(body.path("date_created").asText(null)));
    }

    /** {@code date_created} is RFC 2822 ({@code Tue, 01 Dec 2026 22:00:00 +0000}); null when absent or unreadable. */
    private static Instant created(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to call Twilio again", e);
        }
    }
}
