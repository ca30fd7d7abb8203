package org.arrowsync.billing;

import java.time.YearMonth;
import org.arrowsync.settings.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Billing sync and reconciliation of one settings record and month never run at once, whichever instance runs them. */
final class BillingLocks {

    private BillingLocks() {
    }

    static void lock(JdbcClient jdbc, Settings settings, YearMonth period) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("billing|" + settings.uuid() + "|" + period)
                .query(Object.class).single();
    }
}
