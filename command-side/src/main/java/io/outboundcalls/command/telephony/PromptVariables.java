package io.outboundcalls.command.telephony;

import io.outboundcalls.events.contact.ContactDetails;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{variables}}} of an agent's prompt, first message and voicemail message: {@code first_name},
 * {@code last_name}, {@code email}, {@code phone_number} and every metadata key of the contact. Every
 * adapter (the simulator, a real provider's conversation) fills them the same way.
 */
public final class PromptVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

    private PromptVariables() {
    }

    /** The template with each variable replaced; unknown ones become empty. Line breaks are kept. */
    public static String fill(String template, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(template == null ? "" : template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String fill(String template, ContactDetails contact) {
        return fill(template, of(contact));
    }

    /** The contact's fields override metadata keys of the same name. */
    public static Map<String, String> of(ContactDetails contact) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (contact == null) {
            return vars;
        }
        if (contact.metadata() != null) {
            vars.putAll(contact.metadata());
        }
        putIfPresent(vars, "first_name", contact.firstName());
        putIfPresent(vars, "last_name", contact.lastName());
        putIfPresent(vars, "email", contact.email());
        putIfPresent(vars, "phone_number", contact.phoneNumber());
        return vars;
    }

    private static void putIfPresent(Map<String, String> vars, String key, String value) {
        if (value != null && !value.isBlank()) {
            vars.put(key, value);
        }
    }
}
