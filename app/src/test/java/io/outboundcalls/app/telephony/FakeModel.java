package io.outboundcalls.app.telephony;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The language model as WireMock plays it: streamed chat completions ({@code chat.completion.chunk} events of text or
 * tool-call fragments, then {@code [DONE]}) chosen by the callee's last words, and the after-call analysis.
 */
final class FakeModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Later stubs win: a turn's request also contains the earlier turns' words. */
    private static final AtomicInteger PRIORITY = new AtomicInteger(100);

    private FakeModel() {
    }

    static void stubStream(WireMockServer fakes, String lastWords, String body) {
        stubStream(fakes, lastWords, body, 1, 0);
    }

    /** Streams {@code body} in {@code chunks} pieces over {@code overMs} (0: at once). */
    static void stubStream(WireMockServer fakes, String lastWords, String body, int chunks, int overMs) {
        var response = aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
        if (overMs > 0) {
            response.withChunkedDribbleDelay(chunks, overMs);
        }
        fakes.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(PRIORITY.getAndDecrement())
                .withRequestBody(containing("\"stream\":true")).withRequestBody(containing(lastWords)).willReturn(response));
    }

    /** The structured-output completion after call {@code callId}, answering {@code answer} (the JSON of summary and analysis). */
    static void stubAnalysis(WireMockServer fakes, String callId, String answer) {
        String completion = JSON.createObjectNode().set("choices", JSON.createArrayNode().add(JSON.createObjectNode()
                .set("message", JSON.createObjectNode().put("role", "assistant").put("content", answer)))).toString();
        fakes.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(0)
                .withRequestBody(containing("response_format")).withRequestBody(containing(callId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(completion)));
    }

    static String textChunks(String... tokens) {
        StringBuilder body = new StringBuilder();
        for (String token : tokens) {
            body.append("data: ").append(chunk("{\"content\":" + quoted(token) + "}", null)).append("\n\n");
        }
        body.append("data: ").append(chunk("{}", "stop")).append("\n\n").append("data: [DONE]\n\n");
        return body.toString();
    }

    static String toolChunks(String text, String tool, String... argumentFragments) {
        StringBuilder body = new StringBuilder();
        if (!text.isEmpty()) {
            body.append("data: ").append(chunk("{\"content\":" + quoted(text) + "}", null)).append("\n\n");
        }
        body.append("data: ").append(chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_t\",\"type\":\"function\",\"function\":{\"name\":\""
                + tool + "\",\"arguments\":\"\"}}]}", null)).append("\n\n");
        for (String fragment : argumentFragments) {
            body.append("data: ").append(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                    + quoted(fragment) + "}}]}", null)).append("\n\n");
        }
        body.append("data: ").append(chunk("{}", "tool_calls")).append("\n\n").append("data: [DONE]\n\n");
        return body.toString();
    }

    static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"finish_reason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
