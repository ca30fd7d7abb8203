package org.arrowsync.billing;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.NoPlacement;
import org.arrowsync.mappings.CustomerMapping;

/**
 * The invoices a billing run writes to (D7): the billed month's invoice while it is pending, else the customer's
 * current invoice. The billed month's invoices that exist are fetched once per run; one is opened for a customer when
 * the run first syncs a line of its (D294: a mapped customer with no line that month gets no invoice of 0.00); an
 * invoice's currency (D9) is read once, when the run first gives it an item.
 */
final class RunInvoices {

    private final InvoiceService invoices;
    private final YearMonth period;
    private final Map<UUID, Invoice> billed = new HashMap<>();
    private final Map<UUID, Optional<Invoice>> current = new HashMap<>();
    /** By invoice id, once read or given by the run: empty while the invoice has no item. */
    private final Map<Long, Optional<String>> currencies = new HashMap<>();

    RunInvoices(InvoiceService invoices, YearMonth period, List<CustomerMapping> mappings) {
        this.invoices = invoices;
        this.period = period;
        List<UUID> customers =
                mappings.stream().map(CustomerMapping::customerUuid).distinct().toList();
        remember(invoices.existingFor(customers, period));
    }

    /** Opens together the billed month's invoices of these mappings' customers that the run has none of (D294). */
    void open(Collection<CustomerMapping> mappings) {
        List<UUID> missing = mappings.stream()
                .map(CustomerMapping::customerUuid)
                .filter(customer -> !billed.containsKey(customer))
                .distinct()
                .toList();
        remember(invoices.open(missing, period));
    }

    private void remember(List<Invoice> found) {
        found.forEach(invoice -> billed.put(invoice.customer().uuid(), invoice));
    }

    /**
     * The billed month's invoice of the mapping's customer; one the run has not fetched or opened (the customer of a
     * sync whose mapping now bills another, D100) is fetched, or opened, when first asked for.
     */
    Invoice billedInvoice(CustomerMapping mapping) {
        return billed.computeIfAbsent(
                mapping.customerUuid(),
                customer -> invoices.open(List.of(customer), period).stream()
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("Customer " + customer + " no longer exists")));
    }

    /**
     * The invoice a new item of the customer goes on, none when the month's and the current one are both closed or the
     * month's was canceled (D163).
     */
    Optional<Invoice> openInvoiceFor(CustomerMapping mapping) {
        Invoice invoice = billedInvoice(mapping);
        if (invoice.isOpen()) {
            return Optional.of(invoice);
        }
        return current.computeIfAbsent(
                mapping.customerUuid(), customer -> invoices.placement(customer, invoice.period()));
    }

    /** Why {@link #openInvoiceFor} found no invoice for the customer's new items. */
    NoPlacement noPlacement(CustomerMapping mapping) {
        return NoPlacement.of(billedInvoice(mapping));
    }

    /**
     * Reads the currencies of the invoices that new items of these customers go on, those not read yet, in one
     * statement, so that {@link #currencyOf} asks for none of them alone: a re-sync that adds no line reads none.
     */
    void readCurrencies(Collection<CustomerMapping> mappings) {
        List<Invoice> unread = new ArrayList<>();
        for (CustomerMapping mapping : mappings) {
            openInvoiceFor(mapping)
                    .filter(invoice -> !currencies.containsKey(invoice.id()))
                    .ifPresent(unread::add);
        }
        if (!unread.isEmpty()) {
            Map<Long, String> found = invoices.currencies(unread);
            unread.forEach(invoice -> currencies.put(invoice.id(), Optional.ofNullable(found.get(invoice.id()))));
        }
    }

    /** The currency of the invoice's items, or the one the run gave it; read once a run. */
    Optional<String> currencyOf(Invoice invoice) {
        return currencies.computeIfAbsent(invoice.id(), id -> invoices.currencyOf(invoice));
    }

    /** The invoice's first item is in this currency, unless it has one already. */
    void useCurrency(Invoice invoice, String currency) {
        currencies.merge(invoice.id(), Optional.of(currency), (known, given) -> known.isPresent() ? known : given);
    }
}
