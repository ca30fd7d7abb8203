package org.arrowsync.shared;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The locks a transaction holds until it ends, taken in one place: a row's, before it is deleted, and a named one. */
public final class TransactionLocks {

    /**
     * How long a deletion waits for a row another transaction holds: a billing run holds its mappings (and the rows its
     * syncs name) until it commits, which may take minutes.
     */
    private static final String DELETION_WAIT = "5s";

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private TransactionLocks() {}

    /**
     * Locks a row before the checks that allow deleting it. A row that another row names by its foreign key cannot be
     * locked so while that row's insert is under way (the insert holds a key-share lock on it), so a check run after
     * this lock sees every child committed before it, and a child inserted after it waits and then finds its parent
     * gone (its foreign key refuses it) rather than being deleted with it by a cascade, answered 201. A row held longer
     * than {@link #DELETION_WAIT} (a running billing sync holds its mappings) is refused as in use, a 409.
     *
     * @param table the code's own table name, never input
     */
    public static void rowForDeletion(JdbcClient jdbc, String table, long id) {
        jdbc.sql("set local lock_timeout = '" + DELETION_WAIT + "'").update();
        try {
            jdbc.sql("select id from " + table + " where id = ? for update")
                    .param(id)
                    .query(Long.class)
                    .optional();
        } catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                throw new RowInUse();
            }
            throw e;
        }
        jdbc.sql("set local lock_timeout to default").update();
    }

    /** A deletion that waited in vain for a row a running job holds. */
    static final class RowInUse extends StateConflict {

        RowInUse() {
            super("A job that is running (a billing sync or reconciliation writing this month) uses this object;"
                    + " try again once it has ended.");
        }
    }

    /** Makes the transactions that take the lock of this name take turns (PostgreSQL's advisory lock of its hash). */
    public static void named(JdbcClient jdbc, String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(name)
                .query(Object.class)
                .single();
    }
}
