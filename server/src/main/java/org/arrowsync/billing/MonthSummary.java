package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One month of one settings record at a glance: its billing syncs by state, Arrow's total (the settings' price source)
 * beside what the lines billed through their own invoice items, and the lines no mapping claimed.
 *
 * @param arrowTotal Arrow's latest amounts of the month's lines priced, as invoices bill them: each line billed on its
 *     own item rounded alone, the lines of a license-month consumption tracking bills rounded together (D196)
 * @param billedByLines what the month's lines charge through their own invoice items, each rounded as its invoice bills
 *     it, and compensations (lines billed by consumption tracking are not in it), canceled invoices' items included
 * @param canceledByLines the part of {@code billedByLines} on canceled invoices, which charges nobody (D200)
 * @param error one of the syncs' error messages, empty when none has one
 * @param syncsWithErrors how many of the syncs have an error message
 * @param lastSync when the last sync run of the month finished, if any ran
 * @param currencies the currencies of the syncs with lines, in order, joined by commas
 */
public record MonthSummary(
        YearMonth period,
        int pending,
        int synced,
        int validated,
        int reconciled,
        long lines,
        BigDecimal arrowTotal,
        BigDecimal billedByLines,
        BigDecimal canceledByLines,
        int unmatchedCustomers,
        long unmatchedLines,
        BigDecimal unmatchedAmount,
        Instant lastSync,
        String error,
        int syncsWithErrors,
        String currencies) {

    public static MonthSummary empty(YearMonth period) {
        return new MonthSummary(
                period,
                0,
                0,
                0,
                0,
                0,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                0,
                0,
                BigDecimal.ZERO,
                null,
                "",
                0,
                "");
    }

    /** Whether the month's syncs are in more than one currency: its totals then add them up as one figure. */
    public boolean mixesCurrencies() {
        return currencies.contains(",");
    }

    /** The one currency of the month's syncs, its figures shown to its minor unit; null when none or several. */
    public String currency() {
        return currencies.isEmpty() || mixesCurrencies() ? null : currencies;
    }

    public int syncs() {
        return pending + synced + validated + reconciled;
    }

    /** The month is as far as its least advanced sync; empty while nothing is synced. */
    public Optional<SyncState> state() {
        if (pending > 0) {
            return Optional.of(SyncState.PENDING);
        }
        if (synced > 0) {
            return Optional.of(SyncState.SYNCED);
        }
        if (validated > 0) {
            return Optional.of(SyncState.VALIDATED);
        }
        return reconciled > 0 ? Optional.of(SyncState.RECONCILED) : Optional.empty();
    }

    public int count(SyncState state) {
        return switch (state) {
            case PENDING -> pending;
            case SYNCED -> synced;
            case VALIDATED -> validated;
            case RECONCILED -> reconciled;
        };
    }

    /** The states the month's syncs are in, with how many are in each; states without syncs are left out. */
    public List<StateCount> counts() {
        return Arrays.stream(SyncState.values())
                .filter(state -> count(state) > 0)
                .map(state -> new StateCount(state, count(state)))
                .toList();
    }

    public record StateCount(SyncState state, int count) {}

    /** Whether reconciling the month would find syncs to work on. */
    public boolean reconcilable(boolean force) {
        return Arrays.stream(SyncState.values()).anyMatch(state -> count(state) > 0 && state.reconcilable(force));
    }
}
