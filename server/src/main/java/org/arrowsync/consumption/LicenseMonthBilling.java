package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.InvoiceItem;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.Resource.Ref;
import org.arrowsync.pricing.ArrowAmount;
import org.arrowsync.pricing.Price;
import org.arrowsync.pricing.PriceBook;
import org.arrowsync.pricing.PriceRuleService;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The invoice side of one license-month, one transaction per call so a failing license never poisons the others (D21).
 * {@link #record} keeps the provisional item in step with the consumption; {@link #finalise} stores the export's final
 * amounts and adds one compensation for exactly what the invoices still miss (D4, D8), placed per D7. Amounts are
 * priced by the price rules, so a license-month bills rule(final amount) as the billing sync would bill its lines. The
 * license-month is claimed for the consumption path first (D2): when the billing sync already bills it (or billed the
 * customer's month through lines naming no license, D69), amounts are recorded and no item is written. Each transaction
 * first shares the settings' month lock, so it waits for a running billing sync of that month, which claims
 * license-months and locks invoices in the other order, instead of deadlocking with it.
 */
@Component
class LicenseMonthBilling {

    private final ConsumptionRecordRepository records;
    private final LicenseBilling licenses;
    private final ConsumptionItems items;
    private final InvoiceService invoices;
    private final PriceRuleService rules;
    private final Clock clock;

    LicenseMonthBilling(
            ConsumptionRecordRepository records,
            LicenseBilling licenses,
            ConsumptionItems items,
            InvoiceService invoices,
            PriceRuleService rules,
            Clock clock) {
        this.records = records;
        this.licenses = licenses;
        this.items = items;
        this.invoices = invoices;
        this.rules = rules;
        this.clock = clock;
    }

    /** What happened to one license-month. */
    enum Outcome {
        SYNCED,
        NO_DATA,
        SKIPPED_FINALIZED,
        BILLED_BY_BILLING_SYNC
    }

    /**
     * The settings a run works for: the month lock is theirs, items take their prefix and their price rules, the book
     * the run holds (its workers share it).
     */
    record Pricing(Settings settings, AtomicReference<PriceBook> book) {

        Pricing(Settings settings, PriceBook book) {
            this(settings, new AtomicReference<>(book));
        }

        long settingsId() {
            return settings.id();
        }

        UUID settingsUuid() {
            return settings.uuid();
        }

        String prefix() {
            return settings.itemPrefixOrDefault();
        }

        Price price(YearMonth period, ConsumptionRecord record, BigDecimal sell, BigDecimal buy) {
            return book.get()
                    .price(
                            period,
                            new ArrowAmount(
                                    record.customerId(), record.vendorName(), record.classification(), sell, buy));
        }
    }

    /** The run's pricing for these settings: their rules read once, and again where they change (D251). */
    Pricing pricing(Settings settings) {
        return new Pricing(settings, rules.book(settings));
    }

    /**
     * The run's pricing with its rules as they are now, under the month's lock: a re-pricing booked (under the month's
     * exclusive lock) since the run read them is not undone by the run's later license-months (D251).
     */
    private Pricing current(Pricing pricing) {
        PriceBook held = pricing.book().get();
        pricing.book().compareAndSet(held, rules.current(held, pricing.settings()));
        return pricing;
    }

    /**
     * @param reopen also rewrite a finalised record (historical sync with {@code force}); it becomes pending again and
     *     the next finalisation corrects only the remaining difference (D4)
     */
    @Transactional
    Outcome record(Resource resource, YearMonth period, Consumption consumption, Pricing pricing, boolean reopen) {
        licenses.lockMonthShared(pricing.settingsUuid(), period);
        String license = resource.licenseReference();
        LocalDate month = period.atDay(1);
        Optional<ConsumptionRecord> existing = records.find(resource.id(), month, license);
        if (existing.isPresent() && existing.get().isFinalized() && !reopen) {
            return Outcome.SKIPPED_FINALIZED;
        }
        if (existing.isEmpty()) {
            // D92: the month stays with the resource that recorded it, whichever resource carries the license now.
            Optional<ConsumptionRecord> elsewhere =
                    records.onAnotherResource(pricing.settingsId(), resource.id(), month, license);
            if (elsewhere.isPresent()) {
                throw LicenseLinkedTwice.recordedOn(elsewhere.get(), resource);
            }
        }
        if (existing.isEmpty() && consumption.isZero()) {
            return Outcome.NO_DATA;
        }
        Optional<Long> id = records.upsertConsumed(
                pricing.settingsId(),
                resource.id(),
                month,
                license,
                LicenseKind.of(resource),
                consumption.sell(),
                consumption.buy(),
                consumption.lines(),
                reopen,
                clock.instant());
        if (id.isEmpty()) {
            return Outcome.SKIPPED_FINALIZED;
        }
        if (licenses.claimForConsumption(resource.customer().id(), license, period) == BillingPath.BILLING) {
            return Outcome.BILLED_BY_BILLING_SYNC;
        }
        ConsumptionRecord record = records.lock(id.get()).orElseThrow();
        Price price = current(pricing).price(period, record, consumption.sell(), consumption.buy());
        // The provisional item bills what corrections booked for the month (by re-pricing) do not.
        // in the currency Arrow names, else the settings record's (D9, D261)
        String currency = pricing.settings().currencyOf(consumption.currency());
        BigDecimal amount = Money.itemAmount(price.billed(), record.compensated(), currency);
        JsonNode details = ItemDetails.provisional(license, record.consumedSell(), record.consumedBuy(), price);
        String name = pricing.prefix() + ": " + resource.name();
        if (record.invoiceItemUuid() != null) {
            InvoiceItem item = billedIn(record, consumption.currency());
            // D10: a month that drops to zero is updated too; an item on a closed invoice stays, finalisation corrects
            // it.
            if (record.itemInvoiceOpen()) {
                invoices.changeItem(item, name, amount, BigDecimal.ONE, details);
            }
        } else if (amount.signum() != 0) {
            InvoiceItem item = items.add(
                    resource.customer().uuid(),
                    period,
                    name,
                    amount,
                    currency,
                    new Ref(resource.id(), resource.uuid(), resource.name()),
                    resource.project(),
                    details);
            records.linkInvoiceItem(record.id(), item.id());
        }
        return consumption.isZero() ? Outcome.NO_DATA : Outcome.SYNCED;
    }

    enum Result {
        UNCHANGED,
        FINALIZED,
        COMPENSATED,
        BILLED_BY_BILLING_SYNC,
        /** Finalised, its difference not corrected: the operator canceled the month's invoice (D163). */
        MONTH_CANCELED
    }

    /**
     * The export's totals of one license and month, with every currency its lines name, the vendor and classification
     * they give the license, and whether Arrow validated every one of them.
     */
    record Totals(BigDecimal sell, BigDecimal buy, Set<String> currencies, LicenseKind license, boolean validated) {

        Totals {
            currencies = Set.copyOf(currencies);
        }

        /**
         * A finalised license-month of which a complete export lists no line any more (D115): Arrow bills it nothing.
         * Not validated, so that within the month's grace Arrow may still list its lines again (D96).
         */
        static final Totals DROPPED =
                new Totals(BigDecimal.ZERO, BigDecimal.ZERO, Set.of(), LicenseKind.UNKNOWN, false);

        /**
         * A license-month whose lines Arrow moved, validated, to licenses the billing sync bills, which charges them
         * now (D119): Arrow bills it nothing.
         */
        static final Totals MOVED_AWAY =
                new Totals(BigDecimal.ZERO, BigDecimal.ZERO, Set.of(), LicenseKind.UNKNOWN, true);

        /** One line's amounts; {@code validated}: it carries Arrow's Validation Date. */
        static Totals of(BigDecimal sell, BigDecimal buy, String currency, LicenseKind license, boolean validated) {
            return new Totals(
                    sell,
                    buy,
                    currency == null ? Set.of() : Set.of(currency), // kept upper case by the client (D168)
                    license,
                    validated);
        }

        Totals plus(Totals more) {
            Set<String> both = new HashSet<>(currencies);
            both.addAll(more.currencies());
            return new Totals(
                    sell.add(more.sell()),
                    buy.add(more.buy()),
                    both,
                    license.or(more.license()),
                    validated && more.validated());
        }

        /** The one currency the lines name, null when none; lines in several cannot be added up (D9). */
        String namedCurrency(String licenseReference) {
            return MixedCurrencies.oneOf(licenseReference, currencies);
        }
    }

    @Transactional
    Result finalise(ConsumptionRecord due, Totals totals, Pricing pricing, boolean force) {
        licenses.lockMonthShared(pricing.settingsUuid(), due.period());
        String named = totals.namedCurrency(due.licenseReference());
        long id = due.id();
        ConsumptionRecord record = records.lock(id).orElse(null);
        if (record == null || (record.isReconciled() && !force)) {
            return Result.UNCHANGED;
        }
        Instant now = clock.instant();
        records.finalise(id, totals, now);
        if (licenses.claimForConsumption(record.customerId(), record.licenseReference(), record.period())
                == BillingPath.BILLING) {
            // The billing sync invoices this license-month from the export itself: nothing to correct here (D2).
            records.markReconciled(id, now);
            return Result.BILLED_BY_BILLING_SYNC;
        }
        ConsumptionRecord finalised = records.lock(id).orElseThrow();
        InvoiceItem item = finalised.invoiceItemUuid() == null ? null : billedIn(finalised, named);
        Price price = current(pricing).price(finalised.period(), finalised, totals.sell(), totals.buy());
        Result result = Result.FINALIZED;
        // in the currency Arrow names, else in the license-month's own (D9): a default could differ from it; a month
        // with no item yet takes the settings record's (D261)
        String currency = named != null
                ? named
                : finalised.invoiceItemUuid() != null
                        ? finalised.currency()
                        : pricing.settings().currencyOf(null);
        BigDecimal difference = Money.correction(price.billed(), finalised.billed(currency), currency);
        if (difference.signum() != 0) {
            if (items.monthCanceled(finalised.customerUuid(), finalised.period())) {
                records.markReconciled(id, now);
                return Result.MONTH_CANCELED;
            }
            compensate(finalised, difference, currency, pricing.prefix(), price, null, now);
            result = Result.COMPENSATED;
        }
        records.markReconciled(id, now);
        if (item != null && finalised.itemInvoiceOpen()) {
            invoices.changeItem(
                    item, item.name(), item.unitPrice(), item.quantity(), ItemDetails.finalized(finalised, price));
        }
        return result;
    }

    /**
     * The record's provisional item, in the currency Arrow now gives when it names one (null: none named): amounts in
     * two currencies cannot be compared or added (D9).
     */
    private InvoiceItem billedIn(ConsumptionRecord record, String currency) {
        InvoiceItem item = invoices.item(record.invoiceItemUuid());
        if (currency != null && !item.currency().equals(currency)) {
            throw new CurrencyChanged(record.licenseReference(), record.period(), currency, item.currency());
        }
        return item;
    }

    /**
     * Books one correction of a license-month (D4): an item of {@code difference} on the billed month's invoice while
     * it is pending, else the customer's current one (D7), named after the month it corrects.
     *
     * @param reason why, beside the final amount ({@link ItemDetails#REPRICED}), or null
     */
    void compensate(
            ConsumptionRecord record,
            BigDecimal difference,
            String currency,
            String prefix,
            Price price,
            String reason,
            Instant now) {
        String kind = difference.signum() > 0 ? "additional charge for " : "credit for ";
        if (reason != null) {
            kind = "re-pricing " + kind;
        }
        String name = prefix + " adjustment: " + record.resourceName() + " (" + kind + record.billingPeriod() + ")";
        InvoiceItem item = items.add(
                record.customerUuid(),
                record.period(),
                name,
                difference,
                currency,
                new Ref(record.resourceId(), record.resourceUuid(), record.resourceName()),
                new Ref(record.projectId(), record.projectUuid(), record.projectName()),
                ItemDetails.compensation(record, difference, now, price, reason));
        records.addCompensation(record.id(), item.id(), difference);
    }
}
