package io.outboundcalls.events.agent;

import java.util.Map;

/** Everything a customer configures on an agent; events carry it whole. */
public record AgentSettings(String name,
                            String prompt,
                            String firstMessage,
                            String voice,
                            String language,
                            int maxDurationSeconds,
                            VoicemailSettings voicemail,
                            String transferNumber,
                            AnalysisSettings analysis,
                            Map<String, String> metadata) {
}
