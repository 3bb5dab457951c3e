package io.outboundcalls.console.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Form fields turned into the API's JSON, field for field: no check of their own beyond "left
 * blank means not given", so every refusal is the API's, with its param and message.
 */
final class Forms {

    private Forms() {
    }

    static String text(HttpServletRequest request, String name) {
        return Pages.blankToNull(request.getParameter(name));
    }

    /** A number as the API reads it: digits become a JSON number, anything else stays text (and the API says why not). */
    static Object number(HttpServletRequest request, String name) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    static boolean checked(HttpServletRequest request, String name) {
        return request.getParameter(name) != null;
    }

    static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    /** {@code key=value} lines (metadata); a line without "=" is a key with an empty value. */
    static Map<String, String> lines(HttpServletRequest request, String name) {
        String raw = request.getParameter(name);
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null) {
            return map;
        }
        for (String line : raw.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            map.put(eq < 0 ? line.trim() : line.substring(0, eq).trim(), eq < 0 ? "" : line.substring(eq + 1).trim());
        }
        return map;
    }

    /** Comma-separated values (options, days, outcomes). */
    static List<String> commaList(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Puts the value when it is given (the API's defaults apply to the rest). */
    static void put(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
