package org.arrowsync.billing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.shared.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Vacuums and analyzes the billing tables after a large run (D80), so the month's next reads (its re-syncs, the
 * console's pages) neither wait for autovacuum to notice nor pay for what it would do: the vacuum sets the hint bits
 * and visibility of the rows the run wrote, which the first statement to read them would otherwise set, page by page,
 * writing each page again; the analyze gives the planner the month's statistics. Of the two tables a run fills by the
 * hundred thousand, only the columns that reads filter, join and sort on are sampled: half the time of the whole
 * tables, whose details and amounts autovacuum samples later (a partial {@code analyze} leaves its count of changed
 * rows as it was). It runs on a thread of its own once the run has committed, so the run's job ends with its lines.
 * Runs asked for before a waiting one starts are that one. After every run that wrote lines it also folds the months'
 * item, sync and invoice count deltas (D143, D231, D232) and indexes the references of the syncs lines were added to
 * (D144).
 */
@Component
class TableMaintenance {

    private static final Logger log = LoggerFactory.getLogger(TableMaintenance.class);

    /** Lines a run writes after which the billing tables are vacuumed and analyzed (D80). */
    private static final long BULK_ROWS = 10_000;

    private final JdbcClient jdbc;
    private final BillingSyncRepository syncs;
    private final BillingSyncItemRepository items;
    private final InvoiceService invoices;
    private final SyncReferenceIndex references;
    private final AtomicBoolean waiting = new AtomicBoolean();

    TableMaintenance(
            JdbcClient jdbc,
            BillingSyncRepository syncs,
            BillingSyncItemRepository items,
            InvoiceService invoices,
            SyncReferenceIndex references) {
        this.jdbc = jdbc;
        this.syncs = syncs;
        this.items = items;
        this.invoices = invoices;
        this.references = references;
    }

    /**
     * After a run has committed: the item, sync and invoice count deltas it added are folded (D143, D231, D232) and its
     * syncs' references indexed (D144), and after a large run the billing tables vacuumed and analyzed too, all on a
     * thread of its own (the vacuum last, so it takes the rows the others leave behind).
     */
    void afterRun(long linesWritten) {
        if (linesWritten >= BULK_ROWS) {
            runSoon();
        } else if (linesWritten > 0) {
            foldAndIndex();
        }
    }

    private void runSoon() {
        if (waiting.compareAndSet(false, true)) {
            DaemonThreads.named("table-maintenance").execute(() -> {
                waiting.set(false);
                foldAndIndex();
                vacuumAndAnalyze();
            });
        }
    }

    /**
     * A fold that fails (the server stopping) leaves the deltas exact, only more of them; a sync whose references are
     * not indexed is still found, by reading its items. The next run, or the housekeeping schedule's catch-up, does
     * what this one could not.
     */
    void foldAndIndex() {
        fold("the months' item counts", items::foldMonthCounts);
        fold("the sync counts", syncs::foldCounts);
        fold("the invoice counts", invoices::foldCounts);
        try {
            long start = System.nanoTime();
            int built = references.buildPending();
            if (built > 0) {
                log.info(
                        "Indexing the references of {} billing syncs took {} ms",
                        built,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("Could not index the billing syncs' references: {}", e.getMessage());
        }
    }

    private static void fold(String counts, Runnable fold) {
        try {
            fold.run();
        } catch (RuntimeException e) {
            log.warn("Could not fold {}: {}", counts, e.getMessage());
        }
    }

    /**
     * Outside any transaction, as {@code vacuum} must be. Where the database user may not vacuum (an external database
     * owned by another role; PostgreSQL skips such a table with a warning), or the server is stopping, autovacuum does
     * it later.
     */
    private void vacuumAndAnalyze() {
        long start = System.nanoTime();
        try {
            jdbc.sql("""
                            vacuum (analyze) billing_syncs, billing_sync_changes, billing_month_item_counts,
                                    billing_sync_counts, billing_sync_references, invoices, invoice_counts,
                                    invoice_items (invoice_id, resource_id, project_uuid, name, created),
                                    billing_sync_items (billing_sync_id, arrow_line_reference, vendor_name, classification,
                                                        subscription_reference, license_reference, billed_via, removed,
                                                        invoice_item_id, changed_in_run)""").update();
            log.info("Vacuum and analyze of the billing tables took {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.debug("Could not vacuum and analyze the billing tables: {}", e.getMessage());
        }
    }
}
