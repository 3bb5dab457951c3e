package io.outboundcalls.app.agents;

import io.outboundcalls.events.agent.AnalysisSettings;
import io.outboundcalls.events.agent.VoicemailSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** The agent bodies as the OpenAPI document describes them; {@link AgentRequests} reads and checks them. */
final class AgentBodies {

    private AgentBodies() {
    }

    @Schema(name = "CreateAgentRequest", requiredProperties = {"name", "prompt"})
    record Create(@Schema(maxLength = 200) String name,
                  @Schema(maxLength = 32_000, description = "The agent's instructions; {{metadata_key}} is replaced per contact") String prompt,
                  @Schema(maxLength = 2_000) String firstMessage,
                  @Schema(maxLength = 100) String voice,
                  @Schema(description = "BCP-47 language tag", example = "en-US", defaultValue = "en-US") String language,
                  @Schema(minimum = "1", maximum = "3600", defaultValue = "600") Integer maxDurationSeconds,
                  VoicemailSettings voicemail,
                  @Schema(description = "E.164", example = "+14155552671") String transferNumber,
                  AnalysisSettings analysis,
                  Map<String, String> metadata) {
    }

    @Schema(name = "UpdateAgentRequest", description = "Only the fields sent change; null clears an optional field")
    record Update(@Schema(maxLength = 200) String name,
                  @Schema(maxLength = 32_000) String prompt,
                  @Schema(maxLength = 2_000) String firstMessage,
                  @Schema(maxLength = 100) String voice,
                  @Schema(description = "BCP-47 language tag", example = "en-US") String language,
                  @Schema(minimum = "1", maximum = "3600") Integer maxDurationSeconds,
                  VoicemailSettings voicemail,
                  @Schema(description = "E.164", example = "+14155552671") String transferNumber,
                  AnalysisSettings analysis,
                  Map<String, String> metadata) {
    }
}
