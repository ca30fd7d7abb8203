package org.arrowsync.emulator.data;

import java.time.LocalDate;

/** A customer's subscription ("license" in ArrowSphere), referenced by its XSP license reference. */
public record License(
        int index,
        int customerIndex,
        long number,
        Offer offer,
        String vendorSubscriptionId,
        String friendlyName,
        int seats,
        LocalDate activation) {

    public String reference() {
        return "XSP" + number;
    }
}
