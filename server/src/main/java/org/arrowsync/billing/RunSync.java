package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A sync as a billing run holds it, for each of its month's (40,000 at a million lines): what matching lines to it and
 * the run's end read, not every column the API shows. Its customer is the one whose invoice of the month it was made
 * for (D100); its period is the run's, one object for all.
 */
record RunSync(
        long id,
        UUID uuid,
        YearMonth period,
        long mappingId,
        String statementReference,
        SyncState state,
        long customerId,
        UUID customerUuid,
        String customerName,
        BigDecimal buyTotal,
        BigDecimal sellTotal,
        String currency,
        boolean linesValidated)
        implements CustomerSync {

    SyncState markSynced() {
        if (state != SyncState.PENDING && state != SyncState.SYNCED) {
            throw new SyncStateRefused(uuid, period, state, "synced again");
        }
        return SyncState.SYNCED;
    }
}
