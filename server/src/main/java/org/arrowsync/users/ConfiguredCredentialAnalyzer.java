package org.arrowsync.users;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A configured admin token or password that cannot be used stops the start with what to change, not a stack trace. */
class ConfiguredCredentialAnalyzer extends AbstractFailureAnalyzer<ConfiguredCredentialRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfiguredCredentialRefused cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set " + cause.variable() + " to a usable value, or leave it unset, and start again; nothing was"
                        + " changed.",
                cause);
    }
}
