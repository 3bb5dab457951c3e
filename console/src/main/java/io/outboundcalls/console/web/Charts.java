package io.outboundcalls.console.web;

import io.outboundcalls.platform.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Series for uPlot ({@code {x: [epoch seconds], series: [{label, values}]}}), written into the
 * page as JSON that console.js draws. Counting API objects per day is presentation, not a rule.
 */
final class Charts {

    private Charts() {
    }

    /**
     * Objects per day of {@code zone} (by their {@code timeField}) and per value of {@code groupField};
     * each day's x is its midnight in that zone.
     */
    static String byDay(List<Map<String, Object>> objects, String timeField, String groupField, LocalDate firstDay, int days,
                        ZoneId zone) {
        TreeSet<String> groups = new TreeSet<>();
        objects.forEach(o -> groups.add(String.valueOf(o.getOrDefault(groupField, "none") == null ? "none" : o.get(groupField))));
        List<Long> x = new ArrayList<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        groups.forEach(g -> counts.put(g, new long[days]));
        for (int d = 0; d < days; d++) {
            x.add(firstDay.plusDays(d).atStartOfDay(zone).toEpochSecond());
        }
        for (Map<String, Object> o : objects) {
            Object at = o.get(timeField);
            if (at == null) {
                continue;
            }
            LocalDate date = OffsetDateTime.parse(at.toString()).atZoneSameInstant(zone).toLocalDate();
            long day = ChronoUnit.DAYS.between(firstDay, date);
            if (day >= 0 && day < days) {
                Object group = o.get(groupField);
                counts.get(group == null ? "none" : group.toString())[(int) day]++;
            }
        }
        return write(x, counts);
    }

    /** One series per value name over the given x (epoch seconds). */
    static String write(List<Long> x, Map<String, long[]> seriesByLabel) {
        List<Map<String, Object>> series = new ArrayList<>();
        seriesByLabel.forEach((label, values) -> series.add(Map.of("label", label, "values", values)));
        try {
            return Json.MAPPER.writeValueAsString(Map.of("x", x, "series", series));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
