package org.arrowsync.consumption;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Folds the consumption records' count deltas (D145) while runs write them: every {@value #RECORDS_PER_FOLD} records a
 * run writes and once at its end, so a month's count sums a few thousand rows at most while a run of 200,000 records
 * goes on (a finalised record adds four). A fold that fails leaves the deltas exact, only more of them, and the run
 * goes on: the next fold takes them.
 */
@Component
class RecordCountFolds {

    private static final Logger log = LoggerFactory.getLogger(RecordCountFolds.class);

    private static final int RECORDS_PER_FOLD = 5_000;

    private final ConsumptionRecordRepository records;

    RecordCountFolds(ConsumptionRecordRepository records) {
        this.records = records;
    }

    /** A run's folds: {@link Run#written} after each record it writes (from any thread), {@link Run#end} once. */
    Run start() {
        return new Run();
    }

    final class Run {

        private final AtomicInteger written = new AtomicInteger();

        private Run() {}

        void written() {
            if (written.incrementAndGet() % RECORDS_PER_FOLD == 0) {
                fold();
            }
        }

        void end() {
            fold();
        }
    }

    private void fold() {
        try {
            records.foldCounts();
        } catch (RuntimeException e) {
            log.warn("Could not fold the consumption records' counts: {}", e.getMessage());
        }
    }
}
