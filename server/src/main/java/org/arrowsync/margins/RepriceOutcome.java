package org.arrowsync.margins;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.pricing.RepricedCustomer;
import org.arrowsync.shared.Uuids;

/**
 * What re-pricing a month changes (a preview, {@code dry_run} true) or changed (the queued run's result): per customer
 * and currency, what its lines are billed now, what the price rules bill, and the corrections booked for the difference
 * (differences under one cent are left out). Amounts are exact, unrounded.
 */
public record RepriceOutcome(
        String period,
        String settingsUuid,
        @Schema(nullable = true) String customerUuid,
        boolean dryRun,
        int compensations,
        List<Customer> customers) {

    static RepriceOutcome of(LineScope scope, boolean dryRun, List<RepricedCustomer> customers) {
        return new RepriceOutcome(
                scope.period().toString(),
                Uuids.hex(scope.settings().uuid()),
                Uuids.hex(scope.customerUuid()),
                dryRun,
                customers.stream().mapToInt(RepricedCustomer::compensations).sum(),
                customers.stream().map(Customer::of).toList());
    }

    @Schema(name = "RepricedCustomer")
    public record Customer(
            String customerUuid,
            String customerName,
            String currency,
            BigDecimal billedNow,
            BigDecimal billedUnderRules,
            BigDecimal difference,
            int compensations) {

        static Customer of(RepricedCustomer customer) {
            return new Customer(
                    Uuids.hex(customer.customerUuid()),
                    customer.customerName(),
                    customer.currency(),
                    customer.billedNow(),
                    customer.billedUnderRules(),
                    customer.difference(),
                    customer.compensations());
        }
    }
}
