package io.outboundcalls.app.admin;

import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.events.account.LegalCallingWindow;
import java.util.regex.Pattern;

/** Reads {@code legal_calling_window: {"start": "08:00", "end": "21:00"}}, the shape of a campaign's {@code calling_hours}. */
final class LegalCallingWindowRequest {

    static final String FIELD = "legal_calling_window";
    private static final Pattern HH_MM = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");

    private LegalCallingWindowRequest() {
    }

    /** The window asked for, or null when the body leaves it out (or it is invalid: the errors are on {@code f}). */
    static LegalCallingWindow read(JsonFields f) {
        JsonFields w = f.optionalObject(FIELD);
        if (w == null) {
            return null;
        }
        String start = time(w, "start");
        String end = time(w, "end");
        if (start == null || end == null) {
            return null;
        }
        LegalCallingWindow window = new LegalCallingWindow(start, end);
        if (!window.isValid()) {
            w.error("end", "invalid_value", "'" + w.param("end") + "' must be after '" + w.param("start") + "'");
            return null;
        }
        return window;
    }

    private static String time(JsonFields w, String field) {
        String raw = w.requiredString(field, 5);
        if (raw != null && !HH_MM.matcher(raw).matches()) {
            w.error(field, "invalid_time", "'" + w.param(field) + "' must be a time HH:MM such as 08:00");
            return null;
        }
        return raw;
    }
}
