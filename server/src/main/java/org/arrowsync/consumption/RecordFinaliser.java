package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.arrowsync.consumption.ProvisionalBilling.Pricing;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.InvoiceItem;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.ledger.Resource.Ref;
import org.arrowsync.shared.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finalises one record against the export's amounts, in its own transaction: the final amounts are stored and, when the
 * invoices hold a different amount for the license-month, one compensation covers exactly the rest (D4, D8), placed per D7.
 */
@Component
class RecordFinaliser {

    private final ConsumptionRecordRepository records;
    private final LicenseBilling licenses;
    private final InvoicePlacement placement;
    private final InvoiceService invoices;
    private final Clock clock;

    RecordFinaliser(ConsumptionRecordRepository records, LicenseBilling licenses, InvoicePlacement placement, InvoiceService invoices,
            Clock clock) {
        this.records = records;
        this.licenses = licenses;
        this.placement = placement;
        this.invoices = invoices;
        this.clock = clock;
    }

    enum Result { UNCHANGED, FINALIZED, COMPENSATED, BILLED_BY_BILLING_SYNC }

    /** The export's totals of one license and month. */
    record Totals(BigDecimal sell, BigDecimal buy, String currency) {

        Totals plus(BigDecimal moreSell, BigDecimal moreBuy, String lineCurrency) {
            return new Totals(sell.add(moreSell), buy.add(moreBuy), currency != null ? currency : lineCurrency);
        }
    }

    @Transactional
    Result finalise(long id, Totals totals, Pricing pricing, boolean force) {
        ConsumptionRecord record = records.lock(id).orElse(null);
        if (record == null || (record.isReconciled() && !force)) {
            return Result.UNCHANGED;
        }
        Instant now = clock.instant();
        records.finalise(id, totals.sell(), totals.buy(), now);
        if (licenses.claim(record.licenseReference(), record.period(), BillingPath.CONSUMPTION) == BillingPath.BILLING) {
            // The billing sync invoices this license-month from the export itself: nothing to correct here (D2).
            records.markReconciled(id, now);
            return Result.BILLED_BY_BILLING_SYNC;
        }
        ConsumptionRecord finalised = records.lock(id).orElseThrow();
        BigDecimal difference = pricing.source().choose(totals.sell(), totals.buy()).subtract(finalised.invoiced());
        Result result = Result.FINALIZED;
        if (Money.significant(difference)) {
            String kind = difference.signum() > 0 ? "additional charge for " : "credit for ";
            String name = pricing.prefix() + " adjustment: " + finalised.resourceName() + " (" + kind + finalised.billingPeriod() + ")";
            InvoiceItem item = placement.add(finalised.customerUuid(), finalised.period(), name, difference,
                    totals.currency() == null ? Money.DEFAULT_CURRENCY : totals.currency(),
                    new Ref(finalised.resourceId(), finalised.resourceUuid(), finalised.resourceName()),
                    new Ref(finalised.projectId(), finalised.projectUuid(), finalised.projectName()),
                    ItemDetails.compensation(finalised, difference, now));
            records.addCompensation(id, item.id(), difference);
            result = Result.COMPENSATED;
        }
        records.markReconciled(id, now);
        if (finalised.invoiceItemUuid() != null && finalised.itemInvoiceOpen()) {
            InvoiceItem item = invoices.item(finalised.invoiceItemUuid());
            invoices.changeItem(item, item.name(), item.unitPrice(), item.quantity(), ItemDetails.finalized(finalised));
        }
        return result;
    }
}
