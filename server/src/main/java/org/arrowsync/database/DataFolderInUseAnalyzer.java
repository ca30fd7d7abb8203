package org.arrowsync.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A data folder another server holds stops the start with one plain message instead of a stack trace. */
class DataFolderInUseAnalyzer extends AbstractFailureAnalyzer<DataFolderLock.DataFolderInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderLock.DataFolderInUse cause) {
        return new FailureAnalysis(cause.found(), DataFolderLock.DataFolderInUse.ACTION, cause);
    }
}
