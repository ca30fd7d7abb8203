package org.arrowsync.consumption;

import java.util.Set;
import java.util.TreeSet;
import org.arrowsync.shared.Rejected;

/** D9: one license-month's lines in more than one currency; nothing is written for it, the error goes on the run. */
final class MixedCurrencies extends Rejected {

    MixedCurrencies(String licenseReference, Set<String> currencies) {
        super("Lines of license " + licenseReference + " mix currencies " + String.join(", ", new TreeSet<>(currencies))
                + "; nothing was recorded for it.");
    }
}
