package io.outboundcalls.events.agent;

import java.util.List;

/** One piece of structured data extracted from each call: type is string, number, boolean or enum. */
public record AnalysisField(String name, String type, String description, List<String> options) {
}
