package org.arrowsync.billing;

import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.shared.StateConflict;

/** A billing sync asked to make a transition its state does not allow (a frozen month stays frozen). */
final class SyncStateRefused extends StateConflict {

    SyncStateRefused(BillingSync sync, String transition) {
        this(sync.uuid(), sync.reportPeriod(), sync.state(), transition);
    }

    SyncStateRefused(UUID uuid, YearMonth period, SyncState state, String transition) {
        super("Billing sync " + uuid + " of " + period + " is " + state.display() + " and cannot be " + transition);
    }
}
