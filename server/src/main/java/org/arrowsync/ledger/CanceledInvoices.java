package org.arrowsync.ledger;

/**
 * SQL telling apart the items of canceled invoices, for the figures of what a month charges: an item on a canceled
 * invoice charges nobody, and its month is not billed again (D163, D200).
 */
public final class CanceledInvoices {

    /** A query of the ids of the items on canceled invoices; few, so a statement reads them once. */
    public static final String ITEM_IDS = "select ci.id from invoice_items ci join invoices cv on cv.id = ci.invoice_id"
            + " where cv.state = '" + InvoiceState.CANCELED.value() + "'";

    private CanceledInvoices() {}

    /**
     * A condition true when the item whose id the {@code itemId} expression gives is on a canceled invoice, and not
     * true (null) when the expression is null.
     */
    private static String holds(String itemId) {
        return itemId + " in (" + ITEM_IDS + ")";
    }

    /**
     * The amount the {@code amount} expression gives where the {@code itemId} expression's item is on a canceled
     * invoice, else zero.
     */
    public static String amountOn(String itemId, String amount) {
        return "case when " + holds(itemId) + " then " + amount + " else 0 end";
    }
}
