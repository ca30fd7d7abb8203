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
 * such license of a customer once, while the month's invoices are still open to a cleanup and a move of the license.
 * One batch's lines at a time: their customers are asked about in one statement, only for lines that go to consumption
 * tracking and were not asked about before in the run.
 */
final class LicensesBilledElsewhere {

    /** The customers' licenses checked in this run, named or not: each is asked about once. */
    private final Set<CustomerLicense> checked = new HashSet<>();

    /** The lines of one batch that consumption tracking bills, by customer and license: the first of each. */
    private final Map<CustomerLicense, Line> batch = new LinkedHashMap<>();

    void add(Line line) {
        CustomerLicense key = new CustomerLicense(line.mapping().customerUuid(), line.license());
        if (!checked.contains(key)) {
            batch.putIfAbsent(key, line);
        }
    }

    /** Names, on the run, each license of the batch that no resource of its line's customer carries. */
    void check(BillingWriters writers, YearMonth period, Progress progress) {
        if (batch.isEmpty()) {
            return;
        }
        Set<UUID> customers = new HashSet<>();
        batch.keySet().forEach(key -> customers.add(key.customerUuid()));
        Set<CustomerLicense> carried = new HashSet<>(writers.licenses().billedByConsumption(customers, period));
        batch.forEach((key, line) -> {
            if (!carried.contains(key)) {
                progress.increment("billed_to_another_customer");
                progress.error("Arrow bills license " + line.license() + " of " + period + " to "
                        + line.mapping().described()
                        + ", but consumption tracking bills it on a resource of another customer (D118)");
            }
        });
        checked.addAll(batch.keySet());
        batch.clear();
    }
}
