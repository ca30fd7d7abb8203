package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.ledger.InvoiceItem;
import org.arrowsync.ledger.InvoiceItemDraft;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.Resource.Ref;
import org.arrowsync.shared.Rejected;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Where a consumption item goes (D7): the invoice of the month it bills while that invoice is pending, otherwise the customer's
 * current open invoice. Either way the item carries the start and end of the month it bills.
 */
@Component
class InvoicePlacement {

    private final InvoiceService invoices;
    private final Clock clock;

    InvoicePlacement(InvoiceService invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    InvoiceItem add(UUID customerUuid, YearMonth billed, String name, BigDecimal amount, String currency, Ref resource, Ref project,
            JsonNode details) {
        Invoice invoice = target(customerUuid, billed);
        InvoiceItemDraft draft = new InvoiceItemDraft(truncated(name), amount, BigDecimal.ONE,
                "quantity", currency, billed.atDay(1), billed.atEndOfMonth(), resource, project, details);
        return invoices.addItem(invoice, draft);
    }

    /** Invoice item names hold at most 255 characters. */
    static String truncated(String name) {
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private Invoice target(UUID customerUuid, YearMonth billed) {
        Invoice invoice = invoices.invoiceFor(customerUuid, billed);
        if (invoice.isOpen()) {
            return invoice;
        }
        Invoice current = invoices.invoiceFor(customerUuid, YearMonth.now(clock));
        if (!current.isOpen()) {
            throw new Rejected(409, "No open invoice for customer " + customerUuid + ": neither " + billed + " nor " + current.period());
        }
        return current;
    }
}
