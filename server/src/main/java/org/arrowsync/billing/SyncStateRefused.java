package org.arrowsync.billing;

import org.arrowsync.shared.StateConflict;

/** A billing sync asked to make a transition its state does not allow (a frozen month stays frozen). */
final class SyncStateRefused extends StateConflict {

    SyncStateRefused(BillingSync sync, String transition) {
        super("Billing sync " + sync.uuid() + " of " + sync.reportPeriod() + " is "
                + sync.state().display() + " and cannot be " + transition);
    }
}
