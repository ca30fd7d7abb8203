package org.arrowsync.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.pricing.ArrowAmount;
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
 * The lines the billing sync bills itself, for margin reports and re-pricing. A line is re-priced from the latest
 * amounts Arrow gave for it (the final ones once reconciled), as a correction booked the way reconciliation books one.
 * Lines of license-months consumption tracking bills are its to re-price (D2); a line Arrow dropped is reconciliation's
 * to credit.
 */
@Component
@Order(1)
class BillingLines implements PricedLines {

    private final BillingWriters writers;

    BillingLines(BillingWriters writers) {
        this.writers = writers;
    }

    @Override
    public void forEach(LineScope scope, Consumer<MarginLine> line) {
        writers.items().forEachMarginLine(scope, line);
    }

    @Override
    public List<MarginTotals> totals(LineScope scope) {
        return writers.items().marginTotals(scope);
    }

    /** Syncs whose lines a re-pricing reads in one statement: a month of 20,000 syncs costs 100 reads, not 40,000. */
    private static final int SYNCS_READ_TOGETHER = 200;

    @Override
    public RepricePlan plan(LineScope scope, PriceBook prices, PlannedRefusals refusals) {
        Compensations compensations = new Compensations(scope.settings(), scope.period(), writers);
        Map<RepricedCustomer.Key, RepricedCustomer> customers = new LinkedHashMap<>();
        // per customer and currency, as consumption tracking books their license-months' corrections
        Map<RepricedCustomer.Key, Map<Long, BigDecimal>> consumptionPrices = new HashMap<>();
        int lines = 0;
        List<BillingSync> syncs = writers.syncs().ofPeriod(scope.settings().id(), scope.period()).stream()
                .filter(sync ->
                        scope.customerUuid() == null || scope.customerUuid().equals(sync.customerUuid()))
                .toList();
        for (int from = 0; from < syncs.size(); from += SYNCS_READ_TOGETHER) {
            List<BillingSync> chunk = syncs.subList(from, Math.min(syncs.size(), from + SYNCS_READ_TOGETHER));
            List<BillingSyncItem> read =
                    writers.items().ofSyncs(chunk.stream().map(BillingSync::id).toList());
            Map<String, BillingPath> owners = writers.licenses().owners(unbilledLicenses(read), scope.period());
            Map<Long, List<BillingSyncItem>> bySync =
                    read.stream().collect(Collectors.groupingBy(BillingSyncItem::syncId));
            for (BillingSync sync : chunk) {
                for (BillingSyncItem item : bySync.getOrDefault(sync.id(), List.of())) {
                    if (item.removed()) {
                        continue;
                    }
                    Price price = prices.price(
                            scope.period(),
                            new ArrowAmount(
                                    sync.customerId(),
                                    item.vendorName(),
                                    item.classification(),
                                    item.sell(),
                                    item.buy()));
                    if (item.billedVia() == BilledVia.CONSUMPTION
                            || owners.get(item.licenseReference()) == BillingPath.CONSUMPTION) {
                        // consumption tracking re-prices its license-month; the line keeps the price (D184)
                        if (item.currentPrice().compareTo(price.billed()) != 0) {
                            consumptionPrices
                                    .computeIfAbsent(
                                            new RepricedCustomer.Key(sync.customerUuid(), item.currency()),
                                            key -> new HashMap<>())
                                    .put(item.id(), price.billed());
                        }
                        continue;
                    }
                    lines++;
                    BigDecimal correction =
                            compensations.consider(item, sync, price.billed(), price, Compensations.REPRICED);
                    customers.merge(
                            new RepricedCustomer.Key(sync.customerUuid(), item.currency()),
                            RepricedCustomer.none(sync.customerUuid(), sync.customerName(), item.currency())
                                    .plus(item.billed(), Money.rounded(price.billed(), item.currency()), correction),
                            RepricedCustomer::plus);
                }
            }
        }
        List<Long> syncIds = syncs.stream().map(BillingSync::id).toList();
        // in the order booking places them (Compensations#settle)
        compensations
                .planned()
                .forEach(c -> refusals.consider(
                        c.sync().customerUuid(),
                        c.sync().customerName(),
                        c.item().currency(),
                        c.difference()));
        return new RepricePlan(new ArrayList<>(customers.values()), lines, refused -> {
            compensations.settle((c, refusal) -> refused.accept(c.notCorrected(refusal)));
            compensations.book();
            // a license-month whose correction no invoice takes keeps the price it is billed at (D163, D199)
            consumptionPrices.forEach((key, itemPrices) -> {
                if (writers.invoices()
                        .refusalOf(key.customerUuid(), scope.period(), key.currency())
                        .isEmpty()) {
                    writers.items().recordPrices(itemPrices, writers.now());
                }
            });
            // The syncs' kept totals (what the month page shows) follow the corrections and the prices.
            writers.runs().refreshLineTotals(syncIds);
            return compensations.size();
        });
    }

    /** Licenses of lines that bill nothing yet: consumption tracking may bill their month instead. */
    private static List<String> unbilledLicenses(List<BillingSyncItem> items) {
        return items.stream()
                .filter(item -> item.billedVia() == BilledVia.ZERO
                        && !item.licenseReference().isBlank())
                .map(BillingSyncItem::licenseReference)
                .distinct()
                .toList();
    }
}
