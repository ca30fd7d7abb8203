package org.arrowsync.consumption;

import java.util.concurrent.atomic.AtomicLong;
import org.arrowsync.ledger.InvoiceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Folds the consumption records' count deltas (D145) while runs write them: every {@value #RECORDS_PER_FOLD} records
 * the runs write and once at each run's end, so a month's count sums a few thousand rows at most while a run of 200,000
 * records goes on (a finalised record adds four). A fold that fails leaves the deltas exact, only more of them, and the
 * run goes on: the next fold takes them.
 */
@Component
class RecordCountFolds {

    private static final Logger log = LoggerFactory.getLogger(RecordCountFolds.class);

    private static final int RECORDS_PER_FOLD = 5_000;

    private final ConsumptionRecordRepository records;
    private final InvoiceService invoices;
    /** Records written by every run since the server started: the counts are one table, whichever run wrote them. */
    private final AtomicLong written = new AtomicLong();

    RecordCountFolds(ConsumptionRecordRepository records, InvoiceService invoices) {
        this.records = records;
        this.invoices = invoices;
    }

    /** After each record a run writes, from any of its threads. */
    void written() {
        if (written.incrementAndGet() % RECORDS_PER_FOLD == 0) {
            fold("the consumption records' counts", records::foldCounts);
        }
    }

    /**
     * Once a run has written its last record; the invoices' counts too (D232), which the items a run adds, its
     * corrections among them, add to between billing runs.
     */
    void runEnded() {
        fold("the consumption records' counts", records::foldCounts);
        fold("the invoice counts", invoices::foldCounts);
    }

    private static void fold(String counts, Runnable fold) {
        try {
            fold.run();
        } catch (RuntimeException e) {
            log.warn("Could not fold {}: {}", counts, e.getMessage());
        }
    }
}
