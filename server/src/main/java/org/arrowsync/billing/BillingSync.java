package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One Arrow statement of one mapped customer for one month. Its transitions check the state they leave.
 * {@code errorMessage} says what went wrong in its latest run (a failure, or problems with some of its lines, D21/D29);
 * {@code lineErrors} counts the export lines that run could not use.
 */
public record BillingSync(
        long id,
        UUID uuid,
        long mappingId,
        UUID mappingUuid,
        String arrowReference,
        long customerId,
        UUID customerUuid,
        String customerName,
        String statementReference,
        YearMonth reportPeriod,
        String arrowState,
        SyncState state,
        BigDecimal buyTotal,
        BigDecimal sellTotal,
        String currency,
        UUID invoiceUuid,
        String errorMessage,
        int lineErrors,
        Instant syncedAt,
        Instant validatedAt,
        Instant reconciledAt,
        boolean linesValidated,
        Instant created,
        Instant modified)
        implements CustomerSync {

    /**
     * A synced sync becomes validated; one a forced reconciliation closed before Arrow's word keeps its state, with the
     * month now final: reconciled (D107), or validated while a correction of its lines waits for an open invoice (D219,
     * D236).
     */
    SyncState markValidated() {
        if (state == SyncState.SYNCED) {
            return SyncState.VALIDATED;
        }
        if (state.frozen() && validatedAt == null) {
            return state;
        }
        throw new SyncStateRefused(this, "validated");
    }

    /** Whether reconciliation may run on this sync: validated or reconciled before, or synced when forced (D4). */
    boolean isReconcilable(boolean force) {
        return state.reconcilable(force);
    }

    SyncState markReconciled(boolean force) {
        if (!isReconcilable(force)) {
            throw new SyncStateRefused(this, "reconciled");
        }
        return SyncState.RECONCILED;
    }
}
