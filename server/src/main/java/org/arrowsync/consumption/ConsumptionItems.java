package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.ledger.InvoiceItem;
import org.arrowsync.ledger.InvoiceItemDraft;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.Resource.Ref;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A consumption item on the invoice the ledger's D7 rule picks (the billed month's while pending, else the current open
 * one), carrying the start and end of the month it bills.
 */
@Component
class ConsumptionItems {

    private final InvoiceService invoices;

    ConsumptionItems(InvoiceService invoices) {
        this.invoices = invoices;
    }

    InvoiceItem add(
            UUID customerUuid,
            YearMonth billed,
            String name,
            BigDecimal amount,
            String currency,
            Ref resource,
            Ref project,
            JsonNode details) {
        InvoiceItemDraft draft = new InvoiceItemDraft(
                name,
                amount,
                BigDecimal.ONE,
                "quantity",
                currency,
                billed.atDay(1),
                billed.atEndOfMonth(),
                resource,
                project,
                details);
        return invoices.addItem(invoices.openInvoiceFor(customerUuid, billed), draft);
    }
}
