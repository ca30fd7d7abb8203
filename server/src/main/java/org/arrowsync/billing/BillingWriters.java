package org.arrowsync.billing;

import java.time.Clock;
import java.time.Instant;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.ledger.ResourceService;
import org.springframework.stereotype.Component;

/** What a billing run writes through, in one bundle so a run's helpers take one parameter. */
@Component
record BillingWriters(
        BillingSyncRepository syncs,
        BillingSyncItemRepository items,
        BillingRunRepository runs,
        InvoiceService invoices,
        LicenseBilling licenses,
        ResourceService resources,
        QueryPlans plans,
        Clock clock) {

    Instant now() {
        return clock.instant();
    }
}
