package org.arrowsync.consumption;

import java.util.Set;
import java.util.TreeSet;
import org.arrowsync.shared.Rejected;

/** D9: one license-month's lines in more than one currency; nothing is written for it, the error goes on the run. */
final class MixedCurrencies extends Rejected {

    /** The one currency a license-month's lines name, null when they name none; refused when they name several. */
    static String oneOf(String licenseReference, Set<String> currencies) {
        if (currencies.size() > 1) {
            throw new MixedCurrencies(licenseReference, currencies);
        }
        return currencies.isEmpty() ? null : currencies.iterator().next();
    }

    private MixedCurrencies(String licenseReference, Set<String> currencies) {
        super("Lines of license " + licenseReference + " mix currencies " + String.join(", ", new TreeSet<>(currencies))
                + "; nothing was recorded for it.");
    }
}
