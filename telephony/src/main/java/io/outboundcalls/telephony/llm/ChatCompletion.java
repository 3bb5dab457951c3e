package io.outboundcalls.telephony.llm;

import java.util.List;

/** A finished streamed completion: all its text, the tools it called and why it stopped. */
public record ChatCompletion(String text, List<ToolCall> toolCalls, String finishReason) {
}
