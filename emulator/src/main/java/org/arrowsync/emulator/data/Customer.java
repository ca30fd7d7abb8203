package org.arrowsync.emulator.data;

import java.time.LocalDate;

/**
 * An end customer of the partner, referenced across the API by its XSP reference; exports name it by its {@code ref}
 * (Arrow's {@code Ref}) in the End User Company ID column. Arrow bills each customer in one currency, which every
 * amount of its licenses, exports, statements and consumption is given in.
 */
public record Customer(
        int index,
        String reference,
        String companyName,
        String ref,
        String internalReference,
        String firstName,
        String lastName,
        String email,
        String phone,
        String addressLine1,
        String city,
        String postCode,
        String countryCode,
        String currency,
        String tenantId,
        LocalDate createdAt) {}
