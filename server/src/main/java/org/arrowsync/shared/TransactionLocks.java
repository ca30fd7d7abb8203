package org.arrowsync.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The locks a transaction holds until it ends, taken in one place: a row's, before it is deleted, and a named one. */
public final class TransactionLocks {

    private TransactionLocks() {}

    /**
     * Locks a row before the checks that allow deleting it. A row that another row names by its foreign key cannot be
     * locked so while that row's insert is under way (the insert holds a key-share lock on it), so a check run after
     * this lock sees every child committed before it, and a child inserted after it waits and then finds its parent
     * gone (its foreign key refuses it) rather than being deleted with it by a cascade, answered 201.
     *
     * @param table the code's own table name, never input
     */
    public static void rowForDeletion(JdbcClient jdbc, String table, long id) {
        jdbc.sql("select id from " + table + " where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional();
    }

    /** Makes the transactions that take the lock of this name take turns (PostgreSQL's advisory lock of its hash). */
    public static void named(JdbcClient jdbc, String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(name)
                .query(Object.class)
                .single();
    }
}
