package org.arrowsync.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A data folder the server cannot open stops it with one plain message instead of a stack trace. */
class DataFolderFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderNeedsUpgrade> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderNeedsUpgrade cause) {
        return new FailureAnalysis(cause.found(), cause.action(), cause);
    }
}
