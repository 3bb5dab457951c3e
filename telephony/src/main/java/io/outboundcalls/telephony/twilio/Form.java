package io.outboundcalls.telephony.twilio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A form-urlencoded body in order; a name may repeat (Twilio reads a list as the same field sent once per value). */
final class Form {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    Form add(String name, Object value) {
        if (value != null) {
            fields.add(Map.entry(name, String.valueOf(value)));
        }
        return this;
    }

    List<String> values(String name) {
        return fields.stream().filter(f -> f.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    String first(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    String encode() {
        return fields.stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue())).collect(Collectors.joining("&"));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
