package io.outboundcalls.telephony.llm;

import static io.outboundcalls.platform.NamedThreads.numbered;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outboundcalls.platform.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An OpenAI-compatible chat-completions client on {@code java.net.http}'s asynchronous API: a streamed
 * completion holds no thread while it waits for tokens (its body is a line subscriber fed by the client's
 * selector), so a handful of threads serve every live conversation of the node.
 */
@Component
@ConditionalOnProperty(name = "outboundcalls.telephony.provider", havingValue = "twilio")
public class LlmClient implements DisposableBean {

    private final LlmProperties properties;
    private final LlmTimeouts timeouts;
    private final URI completions;
    private final ExecutorService executor;
    private final ScheduledExecutorService timers;
    private final HttpClient http;

    public LlmClient(LlmProperties properties, LlmTimeouts timeouts) {
        this.properties = properties;
        this.timeouts = timeouts;
        this.completions = URI.create(stripSlash(required(properties.baseUrl(), "outboundcalls.llm.base-url")) + "/chat/completions");
        required(properties.model(), "outboundcalls.llm.model");
        this.executor = Executors.newFixedThreadPool(Math.max(1, timeouts.clientThreads()), numbered("llm-http"));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, numbered("llm-timeouts"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.timers = scheduler;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connectTimeout())
                .executor(executor)
                .build();
    }

    public String model() {
        return properties.model();
    }

    /** Starts a streamed completion of these messages, offering these tools (none when empty). */
    public ChatStream stream(List<ChatMessage> messages, ArrayNode tools, ChatStreamListener listener) {
        ObjectNode body = request(messages);
        body.put("stream", true);
        if (tools != null && !tools.isEmpty()) {
            body.set("tools", tools);
        }
        ChatStream stream = new ChatStream(listener, timers, timeouts.streamIdleTimeout().toNanos());
        HttpRequest request = post(body, "text/event-stream", timeouts.responseTimeout());
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request, info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.fromLineSubscriber(stream, s -> null, StandardCharsets.UTF_8, null)
                : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), text -> {
                    stream.fail(new LlmException("The model server answered " + info.statusCode() + ": " + abbreviate(text)));
                    return null;
                }));
        response.whenComplete((ignored, error) -> {
            if (error != null) {
                stream.fail(new LlmException("The model server could not be reached: " + error, error));
            }
        });
        stream.responseFuture(response);
        return stream;
    }

    /** One non-streamed completion with extra request fields (e.g. {@code response_format}); its message content. */
    public CompletableFuture<String> complete(List<ChatMessage> messages, ObjectNode extra) {
        ObjectNode body = request(messages);
        body.setAll(extra);
        HttpRequest request = post(body, "application/json", timeouts.analysisTimeout());
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .orTimeout(timeouts.analysisTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(LlmClient::content);
    }

    private static String content(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new LlmException("The model server answered " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        try {
            JsonNode message = Json.MAPPER.readTree(response.body()).path("choices").path(0).path("message");
            if (!message.path("content").isTextual()) {
                throw new LlmException("The completion has no text content" + (message.hasNonNull("refusal") ? " (refused)" : ""));
            }
            return message.get("content").asText();
        } catch (JsonProcessingException e) {
            throw new LlmException("Unreadable completion: " + abbreviate(response.body()), e);
        }
    }

    private ObjectNode request(List<ChatMessage> messages) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", properties.model());
        ArrayNode list = body.putArray("messages");
        messages.forEach(message -> list.addObject().put("role", message.role()).put("content", message.content()));
        return body;
    }

    private HttpRequest post(ObjectNode body, String accept, java.time.Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(completions)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + properties.apiKey());
        }
        return builder.build();
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
        executor.shutdownNow();
    }

    private static String required(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(setting + " must be set when outboundcalls.telephony.provider=twilio");
        }
        return value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
