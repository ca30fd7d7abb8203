package org.arrowsync.users;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A configured admin password that cannot be used stops the start with what to change, not a stack trace. */
class ConfiguredPasswordAnalyzer extends AbstractFailureAnalyzer<ConfiguredPasswordRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfiguredPasswordRefused cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set ARROWSYNC_ADMIN_PASSWORD to a usable password, or leave it unset, and start again; nothing was"
                        + " changed.",
                cause);
    }
}
