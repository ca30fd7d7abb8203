package org.arrowsync.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.arrowsync.ledger.Resource.Ref;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.RawJson;

/**
 * One line of an invoice. {@code unitPrice} and {@code quantity} are kept unrounded; {@link #price()} is what is
 * billed.
 */
public record InvoiceItem(
        long id,
        UUID uuid,
        long invoiceId,
        UUID invoiceUuid,
        String name,
        BigDecimal unitPrice,
        BigDecimal quantity,
        String unit,
        String currency,
        LocalDate start,
        LocalDate end,
        Ref resource,
        Ref project,
        RawJson details,
        Instant created) {

    /** The same item linked to {@code resource} as read apart. */
    InvoiceItem withResource(Ref resource) {
        return new InvoiceItem(
                id,
                uuid,
                invoiceId,
                invoiceUuid,
                name,
                unitPrice,
                quantity,
                unit,
                currency,
                start,
                end,
                resource,
                project,
                details,
                created);
    }

    public BigDecimal price() {
        return Money.price(unitPrice, quantity, currency);
    }
}
