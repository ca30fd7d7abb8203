package org.arrowsync.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.ledger.Resource.Ref;
import org.arrowsync.shared.InvalidInput;

/** A customer's invoice for one month. */
public record Invoice(
        long id, UUID uuid, Ref customer, int year, int month, InvoiceState state, Instant created, Instant modified) {

    public YearMonth period() {
        return YearMonth.of(year, month);
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    /** The next state, if the state machine allows it; a closed invoice never goes back. */
    Invoice moveTo(InvoiceState target) {
        if (!state.canMoveTo(target)) {
            throw InvalidInput.of(
                    "state", "An invoice cannot move from " + state.value() + " to " + target.value() + ".");
        }
        return new Invoice(id, uuid, customer, year, month, target, created, modified);
    }
}
