package org.arrowsync.billing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * D82: PostgreSQL plans the check of a foreign key once per connection, when a row first needs it, and keeps that plan
 * until the parent table's statistics change. A month's first sync creates the parents of its lines (billing syncs,
 * invoices, resources) as it goes, in its one transaction: a check planned while its parent table held a few pages is a
 * sequential scan, and stays one while the table grows to thousands of rows, so each line's check reads every sync the
 * run wrote before it (on two million lines, a run that slowed page after page and did not end in half an hour).
 * Discarding the connection's plans makes the next check plan again against the table as it has grown; it takes no
 * lock, and only the statements the run uses next are planned again.
 */
@Component
class QueryPlans {

    private final JdbcClient jdbc;

    QueryPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Plans every statement of this connection (and so of its transaction) again when it next runs. */
    void discard() {
        jdbc.sql("discard plans").update();
    }
}
