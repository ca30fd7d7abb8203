package org.arrowsync.pricing;

import java.util.List;

/**
 * What the price rules change in the lines of one source for a month, before anything is written; booking it writes
 * exactly that.
 */
public interface RepricePlan {

    /** Per customer and currency: billed now, billed under the rules, and the corrections. */
    List<RepricedCustomer> customers();

    /** How many lines were compared. */
    int lines();

    /**
     * Books the corrections as compensation items (on the month's invoice while it is pending, else the customer's
     * current one); call inside the transaction that holds the month. Returns how many items were written.
     */
    int book();
}
