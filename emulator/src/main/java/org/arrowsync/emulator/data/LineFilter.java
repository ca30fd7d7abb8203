package org.arrowsync.emulator.data;

import java.time.YearMonth;
import java.util.Set;

/** Which lines an export, a statement or a summary wants. Empty sets mean "no restriction". */
public record LineFilter(
        YearMonth from,
        YearMonth to,
        Set<String> customerRefs,
        Set<String> classifications,
        Set<String> vendorSubscriptionIds,
        Set<String> programs) {

    public static LineFilter month(YearMonth month) {
        return new LineFilter(month, month, Set.of(), Set.of(), Set.of(), Set.of());
    }

    public LineFilter forCustomer(String customerRef) {
        return new LineFilter(from, to, Set.of(customerRef), classifications, vendorSubscriptionIds, programs);
    }

    /** The lines of one vendor program: what one statement holds. */
    public LineFilter forProgram(String programCode) {
        return new LineFilter(from, to, customerRefs, classifications, vendorSubscriptionIds, Set.of(programCode));
    }

    /** Customer restriction is applied by the caller by index; this checks the license-level filters. */
    boolean acceptsLicense(Universe universe, int licenseIndex) {
        return (classifications.isEmpty()
                        || classifications.contains(
                                universe.offerOf(licenseIndex).classification()))
                && (vendorSubscriptionIds.isEmpty()
                        || vendorSubscriptionIds.contains(universe.vendorSubscriptionId(licenseIndex)))
                && (programs.isEmpty()
                        || programs.contains(universe.offerOf(licenseIndex).programCode()));
    }
}
