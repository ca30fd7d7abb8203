package org.arrowsync.ledger;

/** The two ways an Arrow amount reaches an invoice. */
public enum BillingPath {
    /** Invoice items written per billing-export line. */
    BILLING("billing"),
    /** A provisional item from consumption, corrected to the export's final amount. */
    CONSUMPTION("consumption");

    private final String value;

    BillingPath(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static BillingPath of(String value) {
        for (BillingPath path : values()) {
            if (path.value.equals(value)) {
                return path;
            }
        }
        throw new IllegalArgumentException("Unknown billing path " + value);
    }
}
