package io.outboundcalls.command.agent;

import io.outboundcalls.events.agent.AgentSettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Applies a partial update to agent settings. */
final class AgentSettingsPatch {

    private AgentSettingsPatch() {
    }

    static AgentSettings apply(AgentSettings current, AgentSettings changes, Set<String> fields) {
        return new AgentSettings(
                fields.contains("name") ? changes.name() : current.name(),
                fields.contains("prompt") ? changes.prompt() : current.prompt(),
                fields.contains("first_message") ? changes.firstMessage() : current.firstMessage(),
                fields.contains("voice") ? changes.voice() : current.voice(),
                fields.contains("language") ? changes.language() : current.language(),
                fields.contains("max_duration_seconds") ? changes.maxDurationSeconds() : current.maxDurationSeconds(),
                fields.contains("voicemail") ? changes.voicemail() : current.voicemail(),
                fields.contains("transfer_number") ? changes.transferNumber() : current.transferNumber(),
                fields.contains("analysis") ? changes.analysis() : current.analysis(),
                fields.contains("metadata") ? mergeMetadata(current.metadata(), changes.metadata()) : current.metadata());
    }

    /** Stripe's rule: a key set to an empty value is removed, other keys are added or replaced. */
    private static Map<String, String> mergeMetadata(Map<String, String> current, Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(current == null ? Map.of() : current);
        if (changes == null) {
            return Map.of();
        }
        changes.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
