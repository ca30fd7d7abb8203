package org.arrowsync.billing;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrowsync.ledger.ResourceService.CustomerLicense;
import org.arrowsync.shared.Progress;

/**
 * D118: a line that consumption tracking bills names its license; when no resource of the line's customer carries that
 * license, consumption tracking bills it to another customer, whose resource carries it by mistake. The run names each
 * such license once, while the month's invoices are still open to a cleanup and a move of the license. One batch's
 * lines at a time: their customers are asked about in one statement, only when a line of theirs goes to consumption.
 */
final class LicensesBilledElsewhere {

    private final Set<String> named = new HashSet<>();

    /** The lines of one batch that consumption tracking bills, by license: the first of each. */
    private final Map<String, Line> batch = new LinkedHashMap<>();

    void add(Line line) {
        if (!named.contains(line.license())) {
            batch.putIfAbsent(line.license(), line);
        }
    }

    /** Names, on the run, each license of the batch that no resource of its line's customer carries. */
    void check(BillingWriters writers, YearMonth period, Progress progress) {
        if (batch.isEmpty()) {
            return;
        }
        Set<UUID> customers = new HashSet<>();
        batch.values().forEach(line -> customers.add(line.mapping().customerUuid()));
        Set<CustomerLicense> carried = new HashSet<>(writers.licenses().billedByConsumption(customers, period));
        for (Line line : batch.values()) {
            if (!carried.contains(new CustomerLicense(line.mapping().customerUuid(), line.license()))
                    && named.add(line.license())) {
                progress.increment("billed_to_another_customer");
                progress.error("Arrow bills license " + line.license() + " of " + period + " to "
                        + line.mapping().arrowReference() + ", mapped to customer '"
                        + line.mapping().customerName()
                        + "', but consumption tracking bills it on a resource of another customer (D118)");
            }
        }
        batch.clear();
    }
}
