package org.arrowsync.consumption;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.arrowsync.shared.StateConflict;

/**
 * D117: a resource whose consumption months are not finalised yet stays with its customer: its provisional items are on
 * that customer's invoices, and finalisation would book their corrections, priced by the other customer's rules, on the
 * other customer's invoice.
 */
final class ResourceBilledByConsumption extends StateConflict {

    /** {@code subject}: the resource that would move, as the message names it. */
    ResourceBilledByConsumption(String subject, List<YearMonth> months) {
        super(subject + " has Arrow consumption billed to its customer and not finalised yet ("
                + months.stream().map(YearMonth::toString).collect(Collectors.joining(", "))
                + "): it stays with that customer until those months are finalised against Arrow's billing export.");
    }
}
