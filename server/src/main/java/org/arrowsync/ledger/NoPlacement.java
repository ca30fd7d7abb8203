package org.arrowsync.ledger;

import java.time.YearMonth;

/** Why nothing of a month can go on a customer's invoices: {@link InvoiceService#placement} found none. */
public enum NoPlacement {

    /**
     * The operator canceled the month's invoice: arrowsync bills and corrects nothing more of that month, neither on it
     * nor on a later invoice (D163), and no later run changes that.
     */
    CANCELED(
            "invoice canceled (D163)",
            "its invoice of %s was canceled, so nothing of that month is billed or corrected (D163)"),
    /** The month's invoice and the current one are both closed; a later run may find one open (D94). */
    CLOSED("no open invoice (D94)", "its invoice of %s and its invoice of the month under way are closed (D94)");

    private final String label;
    private final String why;

    NoPlacement(String label, String why) {
        this.label = label;
        this.why = why;
    }

    /** Why nothing of a month goes on an invoice, its invoice {@code billed} being closed. */
    public static NoPlacement of(Invoice billed) {
        return billed.state() == InvoiceState.CANCELED ? CANCELED : CLOSED;
    }

    /** In a few words, as a line's reason. */
    public String label() {
        return label;
    }

    /** In a sentence, for the month {@code period}. */
    public String why(YearMonth period) {
        return why.formatted(period);
    }

    /** Whether a later run may find an invoice open for it. */
    public boolean mayPass() {
        return this == CLOSED;
    }
}
