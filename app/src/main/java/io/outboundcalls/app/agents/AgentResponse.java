package io.outboundcalls.app.agents;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.events.agent.AnalysisSettings;
import io.outboundcalls.events.agent.VoicemailSettings;
import io.outboundcalls.query.agent.AgentView;

import java.time.Instant;
import java.util.Map;

/** The agent object as clients see it. */
@JsonPropertyOrder({"id", "object"})
record AgentResponse(String id, String object, String name, String prompt, String firstMessage, String voice,
                     String language, int maxDurationSeconds, VoicemailSettings voicemail, String transferNumber,
                     AnalysisSettings analysis, Map<String, String> metadata, Instant createdAt, Instant updatedAt) {

    static AgentResponse of(AgentView view) {
        var s = view.settings();
        return new AgentResponse(view.id(), "agent", s.name(), s.prompt(), s.firstMessage(), s.voice(), s.language(),
                s.maxDurationSeconds(), s.voicemail(), s.transferNumber(), s.analysis(), s.metadata(),
                view.createdAt(), view.updatedAt());
    }
}
