package org.arrowsync.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A data folder the server will not start on (another major's cluster, another server holding it) stops it with one
 * plain message instead of a stack trace.
 */
class DataFolderFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderRefusal cause) {
        return new FailureAnalysis(cause.found(), cause.action(), cause);
    }
}
