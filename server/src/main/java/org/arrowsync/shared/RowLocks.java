package org.arrowsync.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Locks a row before the checks that allow deleting it, until the transaction ends. A row that another row names by its
 * foreign key cannot be deleted while that row's insert is under way (the insert holds a key-share lock on it), so a
 * check run after this lock sees every child committed before it, and a child inserted after it waits and then finds
 * its parent gone (its foreign key refuses it) rather than being deleted with it by a cascade, answered 201.
 */
public final class RowLocks {

    private RowLocks() {}

    /** {@code table} is the code's own table name, never input. */
    public static void forDeletion(JdbcClient jdbc, String table, long id) {
        jdbc.sql("select id from " + table + " where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional();
    }
}
