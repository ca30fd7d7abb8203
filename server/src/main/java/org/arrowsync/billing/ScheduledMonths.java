package org.arrowsync.billing;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.Periods;
import org.arrowsync.shared.ValidationGrace;
import org.springframework.stereotype.Component;

/**
 * The months a scheduled billing sync covers: the current one, every earlier one with syncs not yet validated, and
 * (D249) each of the three before the current one that has no sync of the settings record, ended while the record
 * existed, and was not read whole after its validation grace (D259: a run limited to one license reads that license's
 * lines alone). A month the record's sync was paused through, or whose export held no line of the mapped customers
 * while it ran, is read until Arrow's lines of it can no longer be expected late; a month that ended before the record
 * was created may have been billed before arrowsync, and is synced on request.
 */
@Component
public class ScheduledMonths {

    static final int UNSYNCED_MONTHS_BACK = 3;

    private final BillingSyncRepository syncs;
    private final BillingRunRepository runs;
    private final ValidationGrace grace;
    private final Clock clock;

    ScheduledMonths(BillingSyncRepository syncs, BillingRunRepository runs, ValidationGrace grace, Clock clock) {
        this.syncs = syncs;
        this.runs = runs;
        this.grace = grace;
        this.clock = clock;
    }

    public List<YearMonth> of(Settings chosen) {
        SortedSet<YearMonth> periods = syncs.periodsIn(chosen.id(), SyncState.PENDING, SyncState.SYNCED);
        Set<YearMonth> withSyncs = syncs.periodsIn(chosen.id(), SyncState.values());
        YearMonth current = YearMonth.now(clock);
        for (int back = 1; back <= UNSYNCED_MONTHS_BACK; back++) {
            YearMonth month = current.minusMonths(back);
            if (!withSyncs.contains(month) && endedInUse(chosen, month) && !readAfterGrace(chosen, month)) {
                periods.add(month);
            }
        }
        periods.add(current);
        return List.copyOf(periods);
    }

    private static boolean endedInUse(Settings chosen, YearMonth month) {
        return chosen.created().isBefore(Periods.end(month));
    }

    private boolean readAfterGrace(Settings chosen, YearMonth month) {
        return runs.lastOfTheWholeMonth(chosen.id(), month)
                .filter(run -> grace.over(month, run.finished()))
                .isPresent();
    }
}
