package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.InvoiceItem;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.Resource.Ref;
import org.arrowsync.settings.PriceSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Records one license-month's consumption and keeps its provisional invoice item in step, in one transaction, so a failing
 * license never poisons the others (D21). The license-month is claimed for the consumption path first (D2): when the billing
 * sync already bills it, the amounts are recorded and no item is written.
 */
@Component
class ProvisionalBilling {

    private final ConsumptionRecordRepository records;
    private final LicenseBilling licenses;
    private final InvoicePlacement placement;
    private final InvoiceService invoices;
    private final Clock clock;

    ProvisionalBilling(ConsumptionRecordRepository records, LicenseBilling licenses, InvoicePlacement placement, InvoiceService invoices,
            Clock clock) {
        this.records = records;
        this.licenses = licenses;
        this.placement = placement;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** What happened to one license-month. */
    enum Outcome { SYNCED, NO_DATA, SKIPPED_FINALIZED, BILLED_BY_BILLING_SYNC }

    /** The prefix and price source of the settings the run works for. */
    record Pricing(String prefix, PriceSource source) {
    }

    /**
     * @param reopen also rewrite a finalised record (historical sync with {@code force}); it becomes pending again and the next
     *               finalisation corrects only the remaining difference (D4)
     */
    @Transactional
    Outcome record(Resource resource, YearMonth period, Consumption consumption, Pricing pricing, boolean reopen) {
        String license = resource.licenseReference();
        LocalDate month = period.atDay(1);
        Optional<ConsumptionRecord> existing = records.find(resource.id(), month, license);
        if (existing.isPresent() && existing.get().isFinalized() && !reopen) {
            return Outcome.SKIPPED_FINALIZED;
        }
        if (existing.isEmpty() && consumption.isZero()) {
            return Outcome.NO_DATA;
        }
        Optional<Long> id = records.upsertConsumed(resource.id(), month, license, consumption.sell(), consumption.buy(), consumption.lines(),
                reopen, clock.instant());
        if (id.isEmpty()) {
            return Outcome.SKIPPED_FINALIZED;
        }
        if (licenses.claim(license, period, BillingPath.CONSUMPTION) == BillingPath.BILLING) {
            return Outcome.BILLED_BY_BILLING_SYNC;
        }
        ConsumptionRecord record = records.lock(id.get()).orElseThrow();
        BigDecimal amount = pricing.source().choose(consumption.sell(), consumption.buy());
        JsonNode details = ItemDetails.provisional(license, record.consumedSell(), record.consumedBuy());
        String name = pricing.prefix() + ": " + resource.name();
        if (record.invoiceItemUuid() != null) {
            // D10: a month that drops to zero is updated too; an item on a closed invoice stays, finalisation corrects it.
            if (record.itemInvoiceOpen()) {
                invoices.changeItem(invoices.item(record.invoiceItemUuid()), truncated(name), amount, BigDecimal.ONE, details);
            }
        } else if (amount.signum() != 0) {
            InvoiceItem item = placement.add(resource.customer().uuid(), period, name, amount, consumption.currency(),
                    new Ref(resource.id(), resource.uuid(), resource.name()), resource.project(), details);
            records.linkInvoiceItem(record.id(), item.id());
        }
        return consumption.isZero() ? Outcome.NO_DATA : Outcome.SYNCED;
    }

    static String truncated(String name) {
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
