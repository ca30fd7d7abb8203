package org.arrowsync.emulator.data;

import java.time.YearMonth;
import java.util.Set;

/** Which lines an export, a statement or a summary wants. Empty sets mean "no restriction". */
public record LineFilter(
        YearMonth from,
        YearMonth to,
        Set<String> customerRefs,
        Set<String> classifications,
        Set<String> vendorSubscriptionIds) {

    public static LineFilter month(YearMonth month) {
        return new LineFilter(month, month, Set.of(), Set.of(), Set.of());
    }

    public LineFilter forCustomer(String customerRef) {
        return new LineFilter(from, to, Set.of(customerRef), classifications, vendorSubscriptionIds);
    }

    /** Customer restriction is applied by the caller by index; this checks the license-level filters. */
    boolean acceptsLicense(Universe universe, int licenseIndex) {
        return (classifications.isEmpty()
                        || classifications.contains(
                                universe.offerOf(licenseIndex).classification()))
                && (vendorSubscriptionIds.isEmpty()
                        || vendorSubscriptionIds.contains(universe.vendorSubscriptionId(licenseIndex)));
    }
}
