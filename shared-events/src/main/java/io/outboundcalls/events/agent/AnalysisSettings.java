package io.outboundcalls.events.agent;

import java.util.List;

public record AnalysisSettings(boolean summary, List<AnalysisField> fields) {

    public static final AnalysisSettings DEFAULT = new AnalysisSettings(true, List.of());
}
