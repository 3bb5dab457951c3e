package io.outboundcalls.telephony.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenAI-compatible chat-completions server that speaks for agents on real calls.
 *
 * @param baseUrl the API root, e.g. {@code https://api.openai.com/v1}, or a vLLM or Ollama server's
 * @param apiKey  sent as a bearer token
 * @param model   the model every agent's conversation uses
 */
@ConfigurationProperties("outboundcalls.llm")
public record LlmProperties(String baseUrl, String apiKey, String model) {
}
