package org.arrowsync.shared;

import org.slf4j.Logger;
import org.springframework.dao.DataAccessException;

/**
 * What a job, a sync error or a response says of a failure nobody foresaw: its message, but not a database error's,
 * whose text is the statement that failed, nor the word {@code null} for one without a message. Whatever the text
 * leaves out is in the server log, whole.
 */
public final class FailureMessages {

    private FailureMessages() {}

    /** The failure's text for the operator; the caller logs the failure itself. */
    public static String of(RuntimeException failure) {
        if (failure instanceof DataAccessException) {
            return "A database statement failed on the server; see the server log";
        }
        return failure.getMessage() == null
                ? failure.getClass().getSimpleName() + " on the server; see the server log"
                : failure.getMessage();
    }

    /**
     * The failure's text for the operator, of one item of a run that goes on ({@code what}: a license, a month); the
     * log gets a failure nobody foresaw whole, with its stack: a database error, one without a message, or one of the
     * JDK's ({@code NullPointerException} has a message of its own). arrowsync's own failures (Arrow's, a refusal) are
     * outcomes, said on the run.
     */
    public static String ofOne(RuntimeException failure, Logger log, String what) {
        if (failure instanceof DataAccessException
                || failure.getMessage() == null
                || failure.getClass().getName().startsWith("java.")) {
            log.warn("{} failed", what, failure);
        }
        return of(failure);
    }
}
