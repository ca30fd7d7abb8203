package org.arrowsync.support;

import java.math.BigDecimal;
import org.arrowsync.arrowclient.BillingLine;

/** Billing lines for the tests of matching and hashing, with only the columns those read; the others are null. */
public final class TestLines {

    private TestLines() {}

    public static BillingLine line(
            String customerReference, String companyName, BigDecimal sell, BigDecimal buy, BigDecimal quantity) {
        return new BillingLine(
                "S-1",
                null,
                companyName,
                customerReference,
                sell,
                buy,
                quantity,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
