package io.outboundcalls.app.agents;

import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.command.common.PhoneNumbers;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AnalysisField;
import io.outboundcalls.events.agent.AnalysisSettings;
import io.outboundcalls.events.agent.VoicemailSettings;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads agent request bodies into settings, with every rule of docs/api.md §3 (Agent). */
final class AgentRequests {

    static final String DEFAULT_LANGUAGE = "en-US";
    static final int DEFAULT_MAX_DURATION = 600;
    /** An hour is the longest call we bill for in one go; longer calls are almost always stuck lines. */
    static final int MAX_DURATION = 3600;
    static final Set<String> FIELDS = Set.of("name", "prompt", "first_message", "voice", "language",
            "max_duration_seconds", "voicemail", "transfer_number", "analysis", "metadata");
    private static final List<String> FIELD_TYPES = List.of("string", "number", "boolean", "enum");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    private static final Pattern FIELD_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");

    private AgentRequests() {
    }

    static AgentSettings create(JsonFields f) {
        return read(f, true);
    }

    /** A patch: the fields present in the body; null resets optional settings to their default. */
    record Patch(AgentSettings changes, Set<String> fields) {
    }

    static Patch update(JsonFields f) {
        Set<String> present = new LinkedHashSet<>();
        for (String field : FIELDS) {
            if (f.has(field)) {
                present.add(field);
            }
        }
        for (String required : List.of("name", "prompt")) {
            if (f.isNull(required)) {
                f.error(required, "invalid_value", "'" + required + "' cannot be removed");
            }
        }
        return new Patch(read(f, false), present);
    }

    /**
     * Every field of the body, checked, or a 422 naming each bad one. Creating, {@code name} and
     * {@code prompt} are required and metadata keys with empty values are dropped; updating, an empty
     * value is what removes a metadata key, so the map is kept as sent.
     */
    private static AgentSettings read(JsonFields f, boolean creating) {
        String name = creating ? f.requiredString("name", 200) : f.optionalString("name", 200);
        String prompt = creating ? f.requiredString("prompt", 32_000) : f.optionalString("prompt", 32_000);
        String firstMessage = f.optionalString("first_message", 2_000);
        String voice = f.optionalString("voice", 100);
        String language = language(f);
        Integer maxDuration = f.optionalInt("max_duration_seconds", 1, MAX_DURATION);
        VoicemailSettings voicemail = voicemail(f);
        String transferNumber = transferNumber(f);
        AnalysisSettings analysis = analysis(f);
        Map<String, String> metadata = f.optionalStringMap("metadata", 50);
        f.throwIfInvalid();
        return new AgentSettings(name, prompt, firstMessage, voice,
                language == null ? DEFAULT_LANGUAGE : language,
                maxDuration == null ? DEFAULT_MAX_DURATION : maxDuration,
                voicemail == null ? VoicemailSettings.DEFAULT : voicemail,
                transferNumber,
                analysis == null ? AnalysisSettings.DEFAULT : analysis,
                !creating ? metadata : metadata == null ? Map.of() : withoutEmptyValues(metadata));
    }

    private static String language(JsonFields f) {
        String tag = f.optionalString("language", 35);
        if (tag == null) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(tag);
        if (!LANGUAGE_TAG.matcher(tag).matches() || locale.getLanguage().isEmpty()) {
            f.error("language", "invalid_language", "'language' must be a BCP-47 tag such as en-US or fr-FR");
            return null;
        }
        return locale.toLanguageTag();
    }

    private static VoicemailSettings voicemail(JsonFields f) {
        JsonFields v = f.optionalObject("voicemail");
        if (v == null) {
            return null;
        }
        String action = v.optionalEnum("action", List.of(VoicemailSettings.HANGUP, VoicemailSettings.LEAVE_MESSAGE));
        String message = v.optionalString("message", 1_000);
        if (action == null && !v.hasErrors()) {
            v.error("action", "parameter_missing", "'voicemail.action' is required: hangup or leave_message");
        }
        if (VoicemailSettings.LEAVE_MESSAGE.equals(action) && message == null) {
            v.error("message", "parameter_missing", "'voicemail.message' is required when the action is leave_message");
        }
        return action == null ? null : new VoicemailSettings(action, message);
    }

    private static String transferNumber(JsonFields f) {
        String raw = f.optionalString("transfer_number", 32);
        if (raw == null) {
            return null;
        }
        if (!raw.startsWith("+")) {
            f.error("transfer_number", "invalid_phone_number", "'transfer_number' must be in E.164 format, such as +14155552671");
            return null;
        }
        return PhoneNumbers.toE164(raw, null).orElseGet(() -> {
            f.error("transfer_number", "invalid_phone_number", "'transfer_number' is not a valid phone number");
            return null;
        });
    }

    private static AnalysisSettings analysis(JsonFields f) {
        JsonFields a = f.optionalObject("analysis");
        if (a == null) {
            return null;
        }
        Boolean summary = a.optionalBoolean("summary");
        List<AnalysisField> fields = a.optionalObjectList("fields", 50, AgentRequests::analysisField);
        if (fields != null) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name() != null && !names.add(fields.get(i).name())) {
                    a.error("fields." + i + ".name", "duplicate_value", "Analysis field names must be unique: '" + fields.get(i).name() + "'");
                }
            }
        }
        return new AnalysisSettings(summary == null || summary, fields == null ? List.of() : fields);
    }

    private static AnalysisField analysisField(JsonFields field) {
        String name = field.requiredString("name", 64);
        if (name != null && !FIELD_NAME.matcher(name).matches()) {
            field.error("name", "invalid_value", "Analysis field names are lower_snake_case: letters, digits, underscores");
        }
        String type = field.optionalEnum("type", FIELD_TYPES);
        if (type == null && !field.has("type")) {
            field.error("type", "parameter_missing", "'type' is required: string, number, boolean or enum");
        }
        String description = field.optionalString("description", 500);
        List<String> options = field.optionalStringList("options", 50, 100);
        if ("enum".equals(type) && (options == null || options.isEmpty())) {
            field.error("options", "parameter_missing", "An enum field needs a non-empty 'options' list");
        } else if (!"enum".equals(type) && options != null && !options.isEmpty()) {
            field.error("options", "invalid_value", "'options' is only for fields of type enum");
        }
        return new AnalysisField(name, type, description, options == null ? List.of() : options);
    }

    private static Map<String, String> withoutEmptyValues(Map<String, String> metadata) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(metadata);
        copy.values().removeIf(String::isEmpty);
        return copy;
    }
}
