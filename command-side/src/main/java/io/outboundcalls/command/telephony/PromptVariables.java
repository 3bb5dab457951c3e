package io.outboundcalls.command.telephony;

import io.outboundcalls.events.contact.ContactDetails;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{variables}}} of an agent's texts (prompt, first message, voicemail message): {@code first_name},
 * {@code last_name}, {@code email}, {@code phone_number} and every key of the contact's metadata. Every
 * adapter fills them the same way.
 */
public final class PromptVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

    private PromptVariables() {
    }

    /** The template with each variable replaced; unknown ones become empty, runs of white space one space. */
    public static String fill(String template, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(template == null ? "" : template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    public static String fill(String template, ContactDetails contact) {
        return fill(template, of(contact));
    }

    /** A contact's variables; the named fields win over metadata keys of the same name. */
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
