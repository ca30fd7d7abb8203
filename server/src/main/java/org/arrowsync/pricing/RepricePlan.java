package org.arrowsync.pricing;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * What the price rules change in the lines of one source for a month, before anything is written: per customer and
 * currency billed now, billed under the rules and the corrections ({@code customers}), and how many lines were compared
 * ({@code lines}); those no invoice would take are in the {@link PlannedRefusals} it was planned with. Booking it
 * writes those corrections, and the prices a source keeps of lines another bills (D184).
 *
 * @param booking writes the plan's corrections and returns how many items it wrote; it names each correction it cannot
 *     place (D9, D94) to the consumer it is given
 */
public record RepricePlan(List<RepricedCustomer> customers, int lines, ToIntFunction<Consumer<String>> booking) {

    /**
     * Books the corrections as compensation items (on the month's invoice while it is pending, else the customer's
     * current one); call inside the transaction that holds the month. Returns how many items were written; each
     * correction left out is named to {@code refused}.
     */
    public int book(Consumer<String> refused) {
        return booking.applyAsInt(refused);
    }
}
