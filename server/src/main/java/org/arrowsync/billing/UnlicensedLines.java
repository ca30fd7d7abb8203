package org.arrowsync.billing;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.ledger.ResourceService.CustomerLicense;

/**
 * D69: a line naming no license (an export template without {@code ARS Subscription ID}) may be any license of its
 * customer. Billing such lines leaves the customer's month to the billing sync for every license, so consumption
 * tracking bills none of them; a month in which consumption tracking already bills one of them is refused before
 * anything is written, as those lines would bill it twice. Collects a run's lines, the first of each customer.
 */
final class UnlicensedLines {

    private final Map<UUID, First> firstOfCustomer = new LinkedHashMap<>();

    /** The first line of a customer that names no license, as a refusal names it. */
    record First(long customerId, String customer, String lineReference) {}

    void add(UUID customerUuid, First line) {
        firstOfCustomer.putIfAbsent(customerUuid, line);
    }

    /**
     * Records the customers' month as billed by the billing sync through these lines, unless consumption tracking bills
     * a license of one of them for the month.
     *
     * @throws LinesWithoutLicense naming the first such customer, its line and license
     */
    void bill(BillingWriters writers, YearMonth period, String exportTemplate) {
        if (firstOfCustomer.isEmpty()) {
            return;
        }
        List<CustomerLicense> byConsumption = writers.licenses().billedByConsumption(firstOfCustomer.keySet(), period);
        if (!byConsumption.isEmpty()) {
            CustomerLicense license = byConsumption.get(0);
            throw new LinesWithoutLicense(
                    firstOfCustomer.get(license.customerUuid()), license.licenseReference(), period, exportTemplate);
        }
        writers.licenses()
                .billedWithoutLicenses(
                        firstOfCustomer.values().stream().map(First::customerId).toList(), period);
    }
}
