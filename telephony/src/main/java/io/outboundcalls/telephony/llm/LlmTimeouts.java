package io.outboundcalls.telephony.llm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the model server may take before a conversation gives up on it (and says goodbye).
 *
 * @param connectTimeout    to open a connection
 * @param responseTimeout   from sending a request to the response's headers
 * @param streamIdleTimeout the longest pause inside a streamed completion, the wait for its first token included
 * @param analysisTimeout   the whole after-call analysis completion
 * @param clientThreads     threads that read every live stream (non-blocking: a few serve hundreds of calls)
 */
@ConfigurationProperties("outboundcalls.llm")
public record LlmTimeouts(@DefaultValue("5s") Duration connectTimeout,
                          @DefaultValue("10s") Duration responseTimeout,
                          @DefaultValue("10s") Duration streamIdleTimeout,
                          @DefaultValue("60s") Duration analysisTimeout,
                          @DefaultValue("4") int clientThreads) {
}
