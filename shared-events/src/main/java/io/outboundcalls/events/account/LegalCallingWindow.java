package io.outboundcalls.events.account;

import java.time.LocalTime;

/**
 * The hours of the day, {@code HH:MM} in each contact's own zone, inside which an account's
 * campaigns may ever dial, whatever their {@code calling_hours} say: [start, end).
 */
public record LegalCallingWindow(String start, String end) {

    /** 08:00–21:00, the window of the strictest common rules (the US TCPA's 8 am to 9 pm). */
    public static final LegalCallingWindow DEFAULT = new LegalCallingWindow("08:00", "21:00");

    /** The window stored as its two ends, {@link #DEFAULT} when none was set. */
    public static LegalCallingWindow orDefault(String start, String end) {
        return start == null || end == null ? DEFAULT : new LegalCallingWindow(start, end);
    }

    /** Whether calling hours from {@code from} to {@code to} (HH:MM) lie inside this window. */
    public boolean contains(String from, String to) {
        return !LocalTime.parse(from).isBefore(LocalTime.parse(start)) && !LocalTime.parse(to).isAfter(LocalTime.parse(end));
    }

    public boolean isValid() {
        return LocalTime.parse(start).isBefore(LocalTime.parse(end));
    }
}
