package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.ledger.InvoiceItem;
import org.arrowsync.ledger.InvoiceItemDraft;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.NoPlacement;
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

    /**
     * Why a correction of the customer's month in this currency cannot be placed (D94: no open invoice; D163: the
     * month's invoice was canceled; D9: its invoice is in another currency), empty when it can: asked before adding,
     * since a refusal inside the caller's transaction would roll all of it back, and by a preview, as it opens no
     * invoice.
     */
    Optional<String> refusal(UUID customerUuid, YearMonth billed, String currency) {
        return invoices.refusalOf(customerUuid, billed, currency);
    }

    /** Whether the operator canceled the customer's invoice of the month: nothing of it is corrected (D163). */
    boolean monthCanceled(UUID customerUuid, YearMonth billed) {
        return invoices.noPlacement(customerUuid, billed) == NoPlacement.CANCELED;
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
