package io.outboundcalls.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {
    }

    /** Objects per UTC day (by their {@code timeField}) and per value of {@code groupField}. */
    static String byDay(List<Map<String, Object>> objects, String timeField, String groupField, Instant firstDay, int days) {
        TreeSet<String> groups = new TreeSet<>();
        objects.forEach(o -> groups.add(String.valueOf(o.getOrDefault(groupField, "none") == null ? "none" : o.get(groupField))));
        List<Long> x = new ArrayList<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        groups.forEach(g -> counts.put(g, new long[days]));
        for (int d = 0; d < days; d++) {
            x.add(firstDay.plus(d, ChronoUnit.DAYS).getEpochSecond());
        }
        for (Map<String, Object> o : objects) {
            Object at = o.get(timeField);
            if (at == null) {
                continue;
            }
            long day = ChronoUnit.DAYS.between(firstDay, Instant.parse(at.toString()).truncatedTo(ChronoUnit.DAYS));
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
            return JSON.writeValueAsString(Map.of("x", x, "series", series));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
