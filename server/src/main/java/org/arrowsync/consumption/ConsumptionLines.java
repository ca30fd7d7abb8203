package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.arrowsync.consumption.LicenseMonthBilling.Pricing;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.pricing.MarginLine;
import org.arrowsync.pricing.MarginTotals;
import org.arrowsync.pricing.PlannedRefusals;
import org.arrowsync.pricing.Price;
import org.arrowsync.pricing.PriceBook;
import org.arrowsync.pricing.PricedLines;
import org.arrowsync.pricing.RepricePlan;
import org.arrowsync.pricing.RepricedCustomer;
import org.arrowsync.shared.Money;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The license-months consumption tracking bills (D2), for margin reports and re-pricing. A month is re-priced from its
 * final amounts once finalised, else from the consumption so far, as a correction booked the way finalisation books
 * one.
 */
@Component
@Order(2)
class ConsumptionLines implements PricedLines {

    private final ConsumptionRecordRepository records;
    private final LicenseBilling licenses;
    private final LicenseMonthBilling billing;
    private final ConsumptionItems items;
    private final Clock clock;

    ConsumptionLines(
            ConsumptionRecordRepository records,
            LicenseBilling licenses,
            LicenseMonthBilling billing,
            ConsumptionItems items,
            Clock clock) {
        this.records = records;
        this.licenses = licenses;
        this.billing = billing;
        this.items = items;
        this.clock = clock;
    }

    @Override
    public void forEach(LineScope scope, Consumer<MarginLine> line) {
        records.forEachMarginLine(scope, line);
    }

    @Override
    public List<MarginTotals> totals(LineScope scope) {
        return records.marginTotals(scope);
    }

    @Override
    public RepricePlan plan(LineScope scope, PriceBook prices, PlannedRefusals refusals) {
        Pricing pricing = new Pricing(scope.settings(), prices);
        List<ConsumptionRecord> found = records
                .ofSettingsMonth(scope.settings().id(), scope.period().atDay(1))
                .stream()
                .filter(record ->
                        scope.customerUuid() == null || scope.customerUuid().equals(record.customerUuid()))
                .toList();
        Map<String, BillingPath> owners = licenses.owners(
                found.stream()
                        .map(ConsumptionRecord::licenseReference)
                        .distinct()
                        .toList(),
                scope.period());
        Map<RepricedCustomer.Key, RepricedCustomer> customers = new LinkedHashMap<>();
        List<Correction> corrections = new ArrayList<>();
        int lines = 0;
        for (ConsumptionRecord record : found) {
            if (owners.get(record.licenseReference()) != BillingPath.CONSUMPTION) {
                continue;
            }
            lines++;
            Price price = pricing.price(scope.period(), record, record.sell(), record.buy());
            BigDecimal correction =
                    Money.correction(price.billed(), record.billed(record.currency()), record.currency());
            if (correction.signum() != 0) {
                corrections.add(new Correction(record, correction, price));
            }
            customers.merge(
                    new RepricedCustomer.Key(record.customerUuid(), record.currency()),
                    RepricedCustomer.none(record.customerUuid(), record.customerName(), record.currency())
                            .plus(
                                    record.billed(record.currency()),
                                    Money.rounded(price.billed(), record.currency()),
                                    correction),
                    RepricedCustomer::plus);
        }
        // the month of every record read: the scope's
        corrections.forEach(c -> refusals.consider(
                c.record().customerUuid(), c.record().customerName(), c.record().currency(), c.difference()));
        return new RepricePlan(new ArrayList<>(customers.values()), lines, refused -> {
            int booked = 0;
            for (Correction c : corrections) {
                Optional<String> refusal = items.refusal(
                        c.record().customerUuid(),
                        c.record().period(),
                        c.record().currency());
                if (refusal.isPresent()) {
                    refused.accept("The re-pricing of license " + c.record().licenseReference() + " of "
                            + c.record().period() + " is not booked: " + refusal.get());
                    continue;
                }
                booked++;
                billing.compensate(
                        c.record(),
                        c.difference(),
                        c.record().currency(),
                        pricing.prefix(),
                        c.price(),
                        ItemDetails.REPRICED,
                        clock.instant());
            }
            return booked;
        });
    }

    private record Correction(ConsumptionRecord record, BigDecimal difference, Price price) {}
}
