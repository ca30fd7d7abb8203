package org.arrowsync.billing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.arrowsync.shared.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner's statistics of the billing tables after a large run, so the next reads of the month (the
 * console's pages) get good plans instead of waiting for autovacuum to notice. Of the two tables a run fills by the
 * hundred thousand, only the columns that reads filter, join and sort on are sampled: half the time of the whole
 * tables, whose details and amounts autovacuum samples later (a partial {@code analyze} leaves its count of changed
 * rows as it was). It runs on a thread of its own once the run has committed, so the run's job ends with its lines.
 * Refreshes asked for before a waiting one starts are that one.
 */
@Component
class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final JdbcClient jdbc;
    private final AtomicBoolean waiting = new AtomicBoolean();

    PlannerStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void refreshSoon() {
        if (waiting.compareAndSet(false, true)) {
            DaemonThreads.named("planner-statistics").execute(() -> {
                waiting.set(false);
                analyze();
            });
        }
    }

    /**
     * Where the database user may not analyze (an external database owned by another role), or the server is stopping,
     * autovacuum does it later.
     */
    private void analyze() {
        try {
            jdbc.sql("""
                            analyze billing_syncs, billing_sync_changes, invoices,
                                    invoice_items (invoice_id, resource_id, project_uuid, name, created),
                                    billing_sync_items (billing_sync_id, arrow_line_reference, vendor_name, classification,
                                                        subscription_reference, license_reference, billed_via, removed,
                                                        invoice_item_id, changed_in_run)""").update();
        } catch (RuntimeException e) {
            log.debug("Could not analyze the billing tables: {}", e.getMessage());
        }
    }
}
