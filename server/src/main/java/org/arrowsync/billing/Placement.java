package org.arrowsync.billing;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.mappings.CustomerMapping;

/**
 * Which invoice a run writes to (D7): the billed month's invoice while it is pending, else the customer's current
 * invoice. Looked up once per customer and run, with the invoice's currency (D9).
 */
final class Placement {

    private final InvoiceService invoices;
    private final YearMonth period;
    private final Clock clock;
    private final Map<UUID, Invoice> billed = new HashMap<>();
    private final Map<UUID, Invoice> open = new HashMap<>();
    private final Map<Long, Optional<String>> currencies = new HashMap<>();

    Placement(InvoiceService invoices, YearMonth period, Clock clock) {
        this.invoices = invoices;
        this.period = period;
        this.clock = clock;
    }

    Invoice billedInvoice(CustomerMapping mapping) {
        return billed.computeIfAbsent(mapping.customerUuid(), customer -> invoices.invoiceFor(customer, period));
    }

    Invoice invoiceFor(CustomerMapping mapping) {
        Invoice invoice = billedInvoice(mapping);
        if (invoice.isOpen()) {
            return invoice;
        }
        return open.computeIfAbsent(mapping.customerUuid(), customer -> invoices.invoiceFor(customer, YearMonth.now(clock)));
    }

    Optional<String> currencyOf(Invoice invoice) {
        return currencies.computeIfAbsent(invoice.id(), id -> invoices.currencyOf(invoice));
    }

    void useCurrency(Invoice invoice, String currency) {
        currencies.putIfAbsent(invoice.id(), Optional.of(currency));
        if (currencies.get(invoice.id()).isEmpty()) {
            currencies.put(invoice.id(), Optional.of(currency));
        }
    }
}
