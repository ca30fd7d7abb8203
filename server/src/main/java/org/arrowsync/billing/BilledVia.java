package org.arrowsync.billing;

/**
 * How a billing line reached the invoices: through its own invoice item, through consumption tracking's provisional
 * item for its license-month (D2: the line is recorded, not invoiced again), or not at all because it bills nothing
 * (D33).
 */
enum BilledVia {
    INVOICE("invoice"),
    CONSUMPTION("consumption"),
    ZERO("zero");

    private final String value;

    BilledVia(String value) {
        this.value = value;
    }

    /** As stored in {@code billing_sync_items.billed_via}. */
    String value() {
        return value;
    }

    static BilledVia of(String value) {
        for (BilledVia via : values()) {
            if (via.value.equals(value)) {
                return via;
            }
        }
        throw new IllegalArgumentException("Unknown billing path of a line: " + value);
    }
}
