package org.arrowsync.firstrun;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An Arrow API configured in the environment that cannot become settings stops the start with what to change. */
class ConfiguredArrowAnalyzer extends AbstractFailureAnalyzer<ConfiguredArrowRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfiguredArrowRefused cause) {
        return new FailureAnalysis(
                "The Arrow API configured in the environment cannot be used:" + System.lineSeparator()
                        + cause.getMessage(),
                "Correct the variables named above and start again; nothing was created.",
                cause);
    }
}
