package org.arrowsync.jobs;

import java.sql.SQLException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database connection broke while a job ran (PostgreSQL restarted or became unreachable): whatever the job's open
 * transaction held was rolled back by PostgreSQL, so the job can be run again as it is run after a crash.
 */
final class DatabaseConnectionLost extends RuntimeException {

    DatabaseConnectionLost(Throwable cause) {
        super("The database connection was lost while the job ran (" + sqlMessage(cause) + ")", cause);
    }

    /**
     * Whether the failure comes from a lost connection: an SQLSTATE of class 08 (connection exception) or 57P01-57P03
     * (the server shut down, crashed or is still starting) anywhere among its causes. Spring wraps them in many ways: a
     * failed statement, "Could not open JDBC Connection", or "JDBC rollback failed", whose own cause (the pool's closed
     * connection) names no state while the failure it overrode does.
     */
    static boolean causes(Throwable failure) {
        return lostConnection(failure) != null;
    }

    private static SQLException lostConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return sql;
                }
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                SQLException overridden = lostConnection(rollback.getApplicationException());
                if (overridden != null) {
                    return overridden;
                }
            }
        }
        return null;
    }

    private static String sqlMessage(Throwable failure) {
        SQLException sql = lostConnection(failure);
        return sql == null
                ? String.valueOf(failure.getMessage())
                : "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
    }
}
