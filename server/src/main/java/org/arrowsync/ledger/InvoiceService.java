package org.arrowsync.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arrowsync.shared.CorrectionPlace;
import org.arrowsync.shared.Csv;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageInParts;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Texts;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The ledger's write side for every feature that bills: invoices are found or opened per customer and month, and items
 * change only while their invoice is pending (the invoice row is locked for each change).
 */
@Service
public class InvoiceService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);

    private final InvoiceRepository invoices;
    private final InvoiceItemRepository items;
    private final CustomerRepository customers;
    private final Clock clock;

    InvoiceService(InvoiceRepository invoices, InvoiceItemRepository items, CustomerRepository customers, Clock clock) {
        this.invoices = invoices;
        this.items = items;
        this.customers = customers;
        this.clock = clock;
    }

    /** The customer's invoice for the month, opened (pending) if there is none yet. */
    @Transactional
    public Invoice invoiceFor(UUID customerUuid, YearMonth period) {
        Customer customer = customers.find(customerUuid).orElseThrow(NotFound::new);
        return invoices.getOrCreate(customer.id(), period, clock.instant());
    }

    @Transactional
    public InvoiceItem addItem(Invoice invoice, InvoiceItemDraft draft) {
        long id = addAll(List.of(new Placed(invoice, draft))).get(0);
        return items.byIds(List.of(id)).get(0);
    }

    @Transactional
    public void changeItem(InvoiceItem item, String name, BigDecimal unitPrice, BigDecimal quantity, JsonNode details) {
        changeItems(invoice(item.invoiceId()), List.of(new ItemChange(item.id(), name, unitPrice, quantity, details)));
    }

    @Transactional
    public void removeItem(InvoiceItem item) {
        removeItems(invoice(item.invoiceId()), List.of(item.id()));
    }

    /** Adds many items to one open invoice under one lock; returns their ids in order. */
    @Transactional
    public List<Long> addItems(Invoice invoice, List<InvoiceItemDraft> drafts) {
        return addAll(drafts.stream().map(draft -> new Placed(invoice, draft)).toList());
    }

    /**
     * Adds items to several open invoices at once (the bulk path of large syncs): one lock statement, one currency
     * check, one insert. Refuses the whole batch if any invoice is closed or would mix currencies.
     */
    @Transactional
    public List<Long> addAll(List<Placed> placed) {
        if (placed.isEmpty()) {
            return List.of();
        }
        List<Long> invoiceIds =
                placed.stream().map(p -> p.invoice().id()).distinct().toList();
        for (Invoice locked : invoices.lockAll(invoiceIds)) {
            if (!locked.isOpen()) {
                throw new InvoiceClosed(locked);
            }
        }
        // an invoice is in one currency: its first item's, else the first new item's
        Map<Long, String> currencies = new HashMap<>(items.currencyOf(invoiceIds));
        for (Placed p : placed) {
            String known = currencies.putIfAbsent(p.invoice().id(), p.draft().currency());
            if (known != null && !known.equals(p.draft().currency())) {
                throw InvalidInput.of(
                        "currency",
                        "Invoice " + p.invoice().period() + " of "
                                + p.invoice().customer().name() + " is in " + known + "; an item in "
                                + p.draft().currency() + " cannot join it.");
            }
        }
        return items.insertAll(
                placed.stream().map(p -> p.invoice().id()).toList(),
                placed.stream().map(Placed::draft).toList(),
                clock.instant());
    }

    /** The customers' invoices for a month, opened where missing. */
    @Transactional
    public List<Invoice> open(Collection<UUID> customerUuids, YearMonth period) {
        if (customerUuids.isEmpty()) {
            return List.of();
        }
        return invoices.openAll(customerUuids, period, clock.instant());
    }

    /** The customers' invoices for a month that exist: nothing is opened. */
    public List<Invoice> existingFor(Collection<UUID> customerUuids, YearMonth period) {
        if (customerUuids.isEmpty()) {
            return List.of();
        }
        return invoices.ofCustomers(customerUuids, period);
    }

    /** Each invoice's currency, for those that have items (D9: an invoice has one). */
    public Map<Long, String> currencies(Collection<Invoice> found) {
        return items.currencyOf(found.stream().map(Invoice::id).toList());
    }

    /** Changes many items of one open invoice under one lock. */
    @Transactional
    public void changeItems(Invoice invoice, List<ItemChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Invoice locked = lockOpen(invoice.id());
        requireOn(locked, changes.stream().map(ItemChange::id).toList());
        items.updateAll(changes);
    }

    /** Removes many items of one open invoice under one lock. */
    @Transactional
    public void removeItems(Invoice invoice, List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        Invoice locked = lockOpen(invoice.id());
        requireOn(locked, itemIds);
        items.deleteAll(itemIds);
    }

    /**
     * Where a correction of {@code period} goes (D7): that month's invoice while it is still pending, otherwise the
     * customer's invoice of the current month; never the current month's for a month whose invoice was canceled (D163).
     */
    @Transactional
    public Invoice openInvoiceFor(UUID customerUuid, YearMonth period) {
        return placement(customerUuid, period).orElseThrow(() -> {
            Invoice billed = invoiceFor(customerUuid, period);
            return new InvoiceClosed(
                    NoPlacement.of(billed) == NoPlacement.CANCELED
                            ? billed
                            : invoiceFor(customerUuid, YearMonth.now(clock)));
        });
    }

    /**
     * {@link #openInvoiceFor}'s invoice, none when both are closed (D94) or the month's was canceled (D163): for
     * callers that refuse one item and go on, since a refusal thrown inside their transaction would roll all of it
     * back.
     */
    @Transactional
    public Optional<Invoice> placement(UUID customerUuid, YearMonth period) {
        // both invoices are opened where they are not yet: the place found is one of them
        return place(
                        Optional.of(invoiceFor(customerUuid, period)),
                        () -> Optional.of(invoiceFor(customerUuid, YearMonth.now(clock))))
                .invoice();
    }

    /**
     * Why a correction of the customer's month in {@code currency} would not be placed, as {@link #placement} and the
     * currency of the invoice it finds decide it (D9, D94, D163), empty where it would be: read without opening an
     * invoice (one not opened yet would be opened pending, and takes any currency): a preview asks it as booking does.
     */
    public Optional<String> refusalOf(UUID customerUuid, YearMonth period, String currency) {
        return correctionPlace(customerUuid, period).refusalIn(currency);
    }

    /** Where the customer's corrections of the month would go, as {@link #placement} finds it, opening nothing. */
    public CorrectionPlace correctionPlace(UUID customerUuid, YearMonth period) {
        long customer = customers.find(customerUuid).orElseThrow(NotFound::new).id();
        YearMonth now = YearMonth.now(clock);
        Place place = place(invoices.findOf(customer, period), () -> invoices.findOf(customer, now));
        if (place.refused() != null) {
            return CorrectionPlace.refused(place.refused().why(period));
        }
        return new CorrectionPlace(
                place.current() ? now : period, place.invoice().flatMap(this::currencyOf), Optional.empty());
    }

    /**
     * Where a month's corrections go (D7): the month's invoice while it is open, else the current month's unless the
     * month's was canceled (D163) or the current one is closed too (D94). Either invoice may be absent, not opened yet:
     * it would be opened pending, so it takes them.
     */
    private static Place place(Optional<Invoice> billed, Supplier<Optional<Invoice>> current) {
        if (billed.isEmpty() || billed.get().isOpen()) {
            return new Place(billed, false, null);
        }
        if (NoPlacement.of(billed.get()) == NoPlacement.CANCELED) {
            return new Place(Optional.empty(), false, NoPlacement.CANCELED);
        }
        Optional<Invoice> now = current.get();
        return now.isEmpty() || now.get().isOpen()
                ? new Place(now, true, null)
                : new Place(Optional.empty(), false, NoPlacement.CLOSED);
    }

    /**
     * The invoice corrections go on (empty: one not opened yet, or none), whether it is the current month's rather than
     * the month's own, or why none takes them.
     */
    private record Place(Optional<Invoice> invoice, boolean current, NoPlacement refused) {}

    /** Why {@link #placement} found no invoice for the customer's month (one look-up of the month's invoice). */
    public NoPlacement noPlacement(UUID customerUuid, YearMonth period) {
        return NoPlacement.of(invoiceFor(customerUuid, period));
    }

    /** The currency an invoice's items are in, if it has any. */
    public Optional<String> currencyOf(Invoice invoice) {
        return Optional.ofNullable(currencies(List.of(invoice)).get(invoice.id()));
    }

    public Invoice invoice(long id) {
        return invoices.findById(id).orElseThrow(NotFound::new);
    }

    /** These items (those that still exist), by id. */
    public List<InvoiceItem> items(Collection<Long> ids) {
        return items.byIds(ids);
    }

    public InvoiceItem item(UUID uuid) {
        return items.find(uuid).orElseThrow(NotFound::new);
    }

    /** Past months are final: their pending invoices become created. Returns how many were closed. */
    @Transactional
    public int closePastMonths() {
        int closed = invoices.closeBefore(YearMonth.now(clock), clock.instant());
        if (closed > 0) {
            log.info("Closed {} pending invoices of past months", closed);
        }
        return closed;
    }

    public InvoiceWithItems get(UUID uuid) {
        Invoice invoice = invoices.find(uuid).orElseThrow(NotFound::new);
        return new InvoiceWithItems(invoice, items.ofInvoices(Map.of(invoice.id(), invoice.uuid())));
    }

    /**
     * A page of invoices with all their items: the same statements whatever the page size, the items' split in parts
     * read at once on a large page (D154); a page of more items than a part of it holds is read as it is written
     * ({@link PageInParts}, D316). Map its items with {@link Listing#mapEach}, which keeps that.
     */
    public Listing<InvoiceWithItems> list(InvoiceFilter filter, PageRequest page) {
        return invoices.list(filter, page).mapAll(found -> {
            Map<Long, Long> counts =
                    invoices.itemCounts(found.stream().map(Invoice::id).toList());
            return PageInParts.of(found, invoice -> counts.getOrDefault(invoice.id(), 0L), this::withItems);
        });
    }

    private List<InvoiceWithItems> withItems(List<Invoice> found) {
        Map<Long, List<InvoiceItem>> byInvoice =
                items.ofInvoices(found.stream().collect(Collectors.toMap(Invoice::id, Invoice::uuid))).stream()
                        .collect(Collectors.groupingBy(InvoiceItem::invoiceId));
        return found.stream()
                .map(invoice -> new InvoiceWithItems(invoice, byInvoice.getOrDefault(invoice.id(), List.of())))
                .toList();
    }

    /**
     * Folds the invoices' count deltas (D232), which every run writing items adds to: after each billing run that wrote
     * lines, each consumption or finalisation run, and on the housekeeping schedule's catch-up.
     */
    public void foldCounts() {
        invoices.foldCounts();
    }

    InvoiceItemDetail itemDetail(UUID uuid) {
        return items.findDetail(uuid).orElseThrow(NotFound::new);
    }

    Listing<InvoiceItemDetail> items(ItemFilter filter, PageRequest page) {
        return items.list(filter, page);
    }

    @Transactional
    public Invoice setState(UUID uuid, String state) {
        return setState(uuid, state, null);
    }

    /**
     * Moves the invoice to {@code state} if it is still in the state {@code shown} (null: whatever it is), as checked
     * under its row lock: a page that showed it before another operator moved it changes nothing.
     */
    @Transactional
    public Invoice setState(UUID uuid, String state, String shown) {
        FieldErrors errors = new FieldErrors();
        List<String> states =
                Arrays.stream(InvoiceState.values()).map(InvoiceState::value).toList();
        if (errors.requiredValue("state", state)) {
            errors.oneOf("state", state, states);
        }
        if (shown != null) {
            errors.oneOf("from", shown, states);
        }
        errors.throwIfAny();
        InvoiceState target = InvoiceState.of(state).orElseThrow();
        Invoice invoice = invoices.find(uuid).orElseThrow(NotFound::new);
        Invoice locked = invoices.lock(invoice.id()).orElseThrow();
        if (shown != null && !shown.equals(locked.state().value())) {
            throw InvalidInput.of(
                    "state",
                    "The invoice was marked " + locked.state().value() + " after this page showed it " + shown
                            + ": nothing was changed. Look at it again before you change it.");
        }
        Invoice moved = locked.moveTo(target);
        invoices.updateState(moved.id(), moved.state(), clock.instant());
        return invoices.find(uuid).orElseThrow();
    }

    private void requireOn(Invoice invoice, List<Long> itemIds) {
        if (items.onInvoice(invoice.id(), itemIds).size() != itemIds.size()) {
            throw new ItemsNotOnInvoice(invoice);
        }
    }

    private Invoice lockOpen(long invoiceId) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(NotFound::new);
        if (!invoice.isOpen()) {
            throw new InvoiceClosed(invoice);
        }
        return invoice;
    }

    /** An invoice with its items; the total is the sum of the items' rounded prices. */
    public record InvoiceWithItems(Invoice invoice, List<InvoiceItem> items) {

        public String currency() {
            return items.isEmpty() ? Money.DEFAULT_CURRENCY : items.get(0).currency();
        }

        /** The invoice's total: its items' prices summed at the currency's scale (the console's pages show it). */
        public BigDecimal total() {
            return total(items.stream().map(InvoiceItem::price));
        }

        /**
         * {@link #total()} from the prices of its items as {@link InvoiceItem#price} gives them, which the caller has
         * made for its own use (the API's answer writes each item's price too).
         */
        public BigDecimal total(Stream<BigDecimal> itemPrices) {
            return itemPrices.reduce(Money.price(BigDecimal.ZERO, BigDecimal.ONE, currency()), BigDecimal::add);
        }

        /** The items as CSV rows after a header row: what each bills, for which period, resource and project. */
        void writeItems(Csv csv) {
            csv.row(
                    "uuid",
                    "name",
                    "resource_name",
                    "project_name",
                    "start",
                    "end",
                    "quantity",
                    "unit",
                    "unit_price",
                    "price",
                    "currency");
            for (InvoiceItem item : items) {
                csv.text(Uuids.hex(item.uuid()))
                        .text(item.name())
                        .text(item.resource() == null ? null : item.resource().name())
                        .text(item.project() == null ? null : item.project().name())
                        .date(item.start())
                        .date(item.end())
                        .number(item.quantity())
                        .text(item.unit())
                        .number(item.unitPrice())
                        .number(item.price())
                        .text(item.currency())
                        .end();
            }
        }
    }

    /** An item to add and the invoice it goes on. */
    public record Placed(Invoice invoice, InvoiceItemDraft draft) {}

    /** New name, amount and details for an existing item; the name is cut as a new item's is. */
    public record ItemChange(long id, String name, BigDecimal unitPrice, BigDecimal quantity, JsonNode details) {

        public ItemChange {
            name = Texts.truncate(name, InvoiceItemDraft.NAME_LENGTH);
        }
    }

    public record InvoiceFilter(UUID customerUuid, Integer year, Integer month, String state) {}

    record ItemFilter(
            UUID invoiceUuid,
            UUID customerUuid,
            UUID projectUuid,
            UUID resourceUuid,
            Integer year,
            Integer month,
            String name) {

        /** Whether it filters on the items' invoices and customers alone: what the kept counts know. */
        boolean countKept() {
            return projectUuid == null && resourceUuid == null && (name == null || name.isEmpty());
        }
    }
}
