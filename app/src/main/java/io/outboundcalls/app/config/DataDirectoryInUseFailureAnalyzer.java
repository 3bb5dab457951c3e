package io.outboundcalls.app.config;

import io.outboundcalls.app.config.DataDirectoryLock.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second start on a live data directory ends with one clear sentence instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other service, or start this one with another outboundcalls.data-dir (OUTBOUNDCALLS_DATA_DIR).",
                cause);
    }
}
