package org.arrowsync.billing;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.mappings.CustomerMapping;

/**
 * The invoices a billing run writes to (D7): the billed month's invoice while it is pending, else the customer's
 * current invoice. The billed month's invoices of every mapped customer, and their currencies (D9), are fetched once
 * per run.
 */
final class RunInvoices {

    private final InvoiceService invoices;
    private final Map<UUID, Invoice> billed = new HashMap<>();
    private final Map<UUID, Optional<Invoice>> current = new HashMap<>();
    private final Map<Long, String> currencies = new HashMap<>();

    RunInvoices(InvoiceService invoices, YearMonth period, List<CustomerMapping> mappings) {
        this.invoices = invoices;
        List<UUID> customers =
                mappings.stream().map(CustomerMapping::customerUuid).distinct().toList();
        List<Invoice> found = invoices.invoicesFor(customers, period);
        found.forEach(invoice -> billed.put(invoice.customer().uuid(), invoice));
        currencies.putAll(invoices.currencies(found));
    }

    Invoice billedInvoice(CustomerMapping mapping) {
        return billed.get(mapping.customerUuid());
    }

    /** The invoice a new item of the customer goes on, none when the month's and the current one are both closed. */
    Optional<Invoice> openInvoiceFor(CustomerMapping mapping) {
        Invoice invoice = billedInvoice(mapping);
        if (invoice.isOpen()) {
            return Optional.of(invoice);
        }
        return current.computeIfAbsent(mapping.customerUuid(), customer -> {
            Optional<Invoice> open = invoices.placement(customer, invoice.period());
            open.flatMap(invoices::currencyOf)
                    .ifPresent(currency -> currencies.put(open.get().id(), currency));
            return open;
        });
    }

    Optional<String> currencyOf(Invoice invoice) {
        return Optional.ofNullable(currencies.get(invoice.id()));
    }

    void useCurrency(Invoice invoice, String currency) {
        currencies.putIfAbsent(invoice.id(), currency);
    }
}
