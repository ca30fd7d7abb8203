package org.arrowsync.billing;

import org.arrowsync.shared.Rejected;

/** A billing sync asked to make a transition its state does not allow (a frozen month stays frozen). */
class SyncStateRefused extends Rejected {

    SyncStateRefused(BillingSync sync, String transition) {
        super(
                409,
                "Billing sync " + sync.uuid() + " of " + sync.reportPeriod() + " is "
                        + sync.state().display() + " and cannot be " + transition);
    }
}
