package org.arrowsync.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database connection broke while a job ran (PostgreSQL restarted or became unreachable): whatever the job's open
 * transaction held was rolled back by PostgreSQL, so the job can be run again as it is run after a crash (D62). It is
 * no item's failure: a run that reports each item's failure and goes on (D21) lets it through.
 */
public final class DatabaseConnectionLost extends RuntimeException {

    public DatabaseConnectionLost(Throwable cause) {
        super("The database connection was lost while the job ran (" + sqlMessage(cause) + ")", cause);
    }

    /**
     * Whether the failure comes from a lost connection: an SQLSTATE of class 08 (connection exception) or 57P01-57P03
     * (the server shut down, crashed or is still starting) anywhere among its causes, or no connection to be had from
     * the pool in its timeout ({@link SQLTransientConnectionException}, whatever its state): asked again later, it may
     * be. Spring wraps them in many ways: a failed statement, "Could not open JDBC Connection", or "JDBC rollback
     * failed", whose own cause (the pool's closed connection) names no state while the failure it overrode does.
     */
    public static boolean causes(Throwable failure) {
        return lostConnection(failure) != null;
    }

    /**
     * For a catch that reports one item's failure and goes on with the others (D21): throws the failure on when it is a
     * lost connection, which every remaining item would meet too, so that the whole run fails and is run again (D62).
     */
    public static void rethrowIfCauses(RuntimeException failure) {
        if (causes(failure)) {
            throw failure;
        }
    }

    private static SQLException lostConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timedOut) {
                return timedOut;
            }
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
        if (sql == null) {
            return String.valueOf(failure.getMessage());
        }
        return sql.getSQLState() == null ? sql.getMessage() : "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
    }
}
