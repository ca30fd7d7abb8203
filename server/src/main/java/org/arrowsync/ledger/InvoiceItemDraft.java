package org.arrowsync.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.arrowsync.ledger.Resource.Ref;
import org.arrowsync.shared.Texts;
import tools.jackson.databind.JsonNode;

/**
 * A new invoice line as the billing features describe it: the amount is {@code unitPrice × quantity}, the period it
 * bills is {@code start}..{@code end}, {@code details} says where it came from.
 */
public record InvoiceItemDraft(
        String name,
        BigDecimal unitPrice,
        BigDecimal quantity,
        String unit,
        String currency,
        LocalDate start,
        LocalDate end,
        Ref resource,
        Ref project,
        JsonNode details) {

    public static final int NAME_LENGTH = 255;

    /** Names are cut to what an invoice shows (Waldur's 255 characters). */
    public InvoiceItemDraft {
        name = Texts.truncate(name, NAME_LENGTH);
    }
}
