package io.outboundcalls.telephony.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallAssemblerTest {

    @Test
    void concatenatesArgumentFragmentsPerIndexInIndexOrder() {
        ToolCallAssembler assembler = new ToolCallAssembler();
        assembler.add(1, "call_b", "transfer", "{\"reason\":");
        assembler.add(0, "call_a", "opt_out", "{}");
        assembler.add(1, null, null, "\"asked for a person\"}");
        List<ToolCall> calls = assembler.toolCalls();
        assertThat(calls).extracting(ToolCall::name).containsExactly("opt_out", "transfer");
        assertThat(calls.get(1).arguments().path("reason").asText()).isEqualTo("asked for a person");
    }

    @Test
    void noArgumentsAreAnEmptyObject() {
        ToolCallAssembler assembler = new ToolCallAssembler();
        assembler.add(0, "call_a", "end_call", null);
        assertThat(assembler.toolCalls().get(0).arguments().isObject()).isTrue();
        assertThat(assembler.toolCalls().get(0).arguments().isEmpty()).isTrue();
    }

    @Test
    void refusesArgumentsThatAreNotAJsonObject() {
        ToolCallAssembler broken = new ToolCallAssembler();
        broken.add(0, "call_a", "end_call", "{\"reason\": \"unfinished");
        assertThatThrownBy(broken::toolCalls).isInstanceOf(LlmException.class).hasMessageContaining("end_call");
        ToolCallAssembler array = new ToolCallAssembler();
        array.add(0, "call_a", "end_call", "[1]");
        assertThatThrownBy(array::toolCalls).isInstanceOf(LlmException.class);
    }

    @Test
    void refusesACallWithoutAName() {
        ToolCallAssembler assembler = new ToolCallAssembler();
        assembler.add(0, "call_a", null, "{}");
        assertThatThrownBy(assembler::toolCalls).isInstanceOf(LlmException.class);
    }
}
