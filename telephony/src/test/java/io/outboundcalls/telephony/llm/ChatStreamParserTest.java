package io.outboundcalls.telephony.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatStreamParserTest {

    private final List<String> deltas = new ArrayList<>();
    private final ChatStreamParser parser = new ChatStreamParser(deltas::add);

    @Test
    void forwardsEachTextDeltaAsItsLineArrives() {
        parser.accept("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
        parser.accept("");
        parser.accept("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}");
        assertThat(deltas).containsExactly("Hel");
        parser.accept("");
        parser.accept(": keep-alive comment");
        parser.accept("data:{\"choices\":[{\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}");
        parser.accept("data: [DONE]");
        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(parser.isDone()).isTrue();
        ChatCompletion completion = parser.finish();
        assertThat(completion.text()).isEqualTo("Hello");
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.toolCalls()).isEmpty();
    }

    @Test
    void joinsADataFieldSplitOverSeveralLines() {
        parser.accept("data: {\"choices\":[{\"delta\":");
        assertThat(deltas).isEmpty();
        parser.accept("data: {\"content\":\"Hi\"}}]}");
        parser.accept("");
        assertThat(deltas).containsExactly("Hi");
    }

    @Test
    void assemblesToolCallsFromTheirFragments() {
        parser.accept("data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"end_call\",\"arguments\":\"\"}}]}}]}");
        parser.accept("data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"rea\"}}]}}]}");
        parser.accept("data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"son\\\":\\\"done\\\"}\"}}]}}]}");
        parser.accept("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");
        parser.accept("data: [DONE]");
        ChatCompletion completion = parser.finish();
        assertThat(completion.toolCalls()).hasSize(1);
        assertThat(completion.toolCalls().get(0).name()).isEqualTo("end_call");
        assertThat(completion.toolCalls().get(0).id()).isEqualTo("call_a");
        assertThat(completion.toolCalls().get(0).arguments().path("reason").asText()).isEqualTo("done");
        assertThat(completion.finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void aStreamCutBeforeItsEndIsAFailure() {
        parser.accept("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}");
        assertThatThrownBy(parser::finish).isInstanceOf(LlmException.class).hasMessageContaining("[DONE]");
    }

    @Test
    void anErrorChunkIsAFailure() {
        assertThatThrownBy(() -> parser.accept("data: {\"error\":{\"message\":\"overloaded\"}}"))
                .isInstanceOf(LlmException.class).hasMessageContaining("overloaded");
    }

    @Test
    void unreadableDataIsAFailureAtTheEndOfItsEvent() {
        parser.accept("data: not json");
        assertThatThrownBy(() -> parser.accept("")).isInstanceOf(LlmException.class);
    }
}
