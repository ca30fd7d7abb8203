package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.BillingLineResult;
import org.arrowsync.billing.BillingSyncItemRepository.ItemUpdate;
import org.arrowsync.billing.BillingSyncItemRepository.NewItem;
import org.arrowsync.billing.BillingSyncRepository.SyncKey;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.InvoiceService.ItemChange;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.ledger.Resource;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Progress;

/**
 * One billing sync of one settings record and month, fed page by page inside one transaction. Each page costs a
 * fixed handful of statements whatever its size: matching happens in memory, reads and writes are set-based.
 */
final class SyncRun {

    private final Settings settings;
    private final YearMonth period;
    private final String licenseFilter;
    private final MappingIndex mappings;
    private final BillingWriters writers;
    private final Progress progress;

    private final Map<String, BillingSync> syncs = new HashMap<>();
    private final IdSet seen = new IdSet();
    private final Set<Long> touched = new HashSet<>();
    private final Map<Long, Boolean> allValidated = new HashMap<>();
    private final Set<String> reportedUnmatched = new HashSet<>();
    private final Placement placement;
    private long rows;

    SyncRun(Settings settings, YearMonth period, String licenseFilter, List<CustomerMapping> mappings, BillingWriters writers, Clock clock,
            Progress progress) {
        this.settings = settings;
        this.period = period;
        this.licenseFilter = licenseFilter;
        this.mappings = new MappingIndex(mappings);
        this.writers = writers;
        this.progress = progress;
        this.placement = new Placement(writers.invoices(), period, mappings);
    }

    long rows() {
        return rows;
    }

    Map<String, BillingSync> syncs() {
        return syncs;
    }

    /** Whether this run saw the line (by its item id) in Arrow's export. */
    boolean saw(long itemId) {
        return seen.contains(itemId);
    }

    /** The syncs this run saw lines of. */
    Set<Long> touched() {
        return touched;
    }

    /** Whether every line this run saw for the sync carried Arrow's Validation Date (D6). */
    boolean linesValidated(long syncId) {
        return allValidated.getOrDefault(syncId, false);
    }

    private final Map<String, Long> nanos = new java.util.TreeMap<>();

    /** Where the run's time went, for the log. */
    Map<String, Long> millis() {
        Map<String, Long> millis = new java.util.TreeMap<>();
        nanos.forEach((phase, value) -> millis.put(phase, value / 1_000_000));
        return millis;
    }

    private void time(String phase, long start) {
        nanos.merge(phase, System.nanoTime() - start, Long::sum);
    }

    /** One export page, its rows already parsed into lines (on the read-ahead thread). */
    void page(List<BillingLineResult> page) {
        long start = System.nanoTime();
        pageInner(page);
        time("total", start);
    }

    private void pageInner(List<BillingLineResult> page) {
        progress.increment("pages");
        long t = System.nanoTime();
        List<Line> lines = lines(parse(page));
        time("parse", t);
        if (lines.isEmpty()) {
            return;
        }
        t = System.nanoTime();
        Map<String, BillingSyncItem> existing = new HashMap<>();
        writers.items().findPairs(lines.stream().map(line -> line.sync().id()).toList(),
                        lines.stream().map(line -> line.line().lineReference()).toList())
                .forEach(item -> existing.put(item.syncId() + "|" + item.lineReference(), item));
        lines = withoutRepeats(lines, existing);
        time("existing", t);
        t = System.nanoTime();
        Map<String, BillingPath> owners = writers.licenses().claimAll(lines.stream()
                .filter(line -> needsClaim(line, existing.get(line.sync().id() + "|" + line.line().lineReference())))
                .map(line -> line.line().licenseReference()).distinct().toList(), period, BillingPath.BILLING);

        time("claims", t);
        t = System.nanoTime();
        List<Line> toInvoice = new ArrayList<>();
        List<ItemUpdate> updates = new ArrayList<>();
        Map<Long, List<ItemChange>> changes = new LinkedHashMap<>();
        Map<Long, List<Long>> removals = new LinkedHashMap<>();
        List<NewItem> inserts = new ArrayList<>();
        for (Line line : lines) {
            BillingSyncItem item = existing.get(line.sync().id() + "|" + line.line().lineReference());
            String via = via(line, owners, item);
            if (item == null) {
                if (BillingSyncItem.VIA_INVOICE.equals(via)) {
                    toInvoice.add(line);
                } else {
                    inserts.add(newItem(line, via, null, BigDecimal.ZERO));
                }
            } else {
                resync(line, item, via, toInvoice, updates, changes, removals);
            }
        }
        time("plan", t);
        t = System.nanoTime();
        Map<Line, Long> created = writeInvoiceItems(toInvoice);
        time("invoice_items", t);
        t = System.nanoTime();
        for (Line line : toInvoice) {
            BillingSyncItem item = existing.get(line.sync().id() + "|" + line.line().lineReference());
            Long invoiceItem = created.get(line);
            if (invoiceItem == null) {
                continue;
            }
            if (item == null) {
                inserts.add(newItem(line, BillingSyncItem.VIA_INVOICE, invoiceItem, line.amount()));
            } else {
                updates.add(update(item, line, line.amount(), invoiceItem, BillingSyncItem.VIA_INVOICE));
            }
        }
        changes.forEach((invoiceId, list) -> writers.invoices().changeItems(writers.invoices().invoice(invoiceId), list));
        removals.forEach((invoiceId, list) -> writers.invoices().removeItems(writers.invoices().invoice(invoiceId), list));
        writers.items().insertAll(inserts, writers.now()).forEach(seen::add);
        Map<Long, BillingSyncItem> byId = new HashMap<>();
        existing.values().forEach(item -> byId.put(item.id(), item));
        writers.items().updateAll(updates.stream().filter(update -> changes(byId.get(update.id()), update)).toList(), writers.now());
        time("sync_items", t);
        progress.add("lines_synced", lines.size());
    }

    /** D5: before validation an existing line follows Arrow exactly while its invoice is open; after, reconciliation does. */
    private void resync(Line line, BillingSyncItem item, String via, List<Line> toInvoice, List<ItemUpdate> updates,
            Map<Long, List<ItemChange>> changes, Map<Long, List<Long>> removals) {
        boolean hasOwnItem = item.invoiceItemId() != null;
        if (!hasOwnItem) {
            if (BillingSyncItem.VIA_INVOICE.equals(via)) {
                toInvoice.add(line);
            } else {
                updates.add(update(item, line, BigDecimal.ZERO, null, via));
            }
            return;
        }
        if (!item.invoiceOpen()) {
            updates.add(update(item, line, item.invoiced(), item.invoiceItemId(), item.billedVia()));
            return;
        }
        if (line.amount().signum() == 0) {
            removals.computeIfAbsent(item.invoiceId(), id -> new ArrayList<>()).add(item.invoiceItemId());
            updates.add(update(item, line, BigDecimal.ZERO, null, BillingSyncItem.VIA_ZERO));
            return;
        }
        if (line.amount().compareTo(item.invoiced()) != 0 || line.line().quantity().compareTo(item.quantity()) != 0) {
            LineAmount amount = LineAmount.of(line.amount(), line.line().quantity());
            changes.computeIfAbsent(item.invoiceId(), id -> new ArrayList<>())
                    .add(new ItemChange(item.invoiceItemId(), line.name(), amount.unitPrice(), amount.quantity(), line.details(period)));
        }
        updates.add(update(item, line, line.amount(), item.invoiceItemId(), BillingSyncItem.VIA_INVOICE));
    }

    private Map<Line, Long> writeInvoiceItems(List<Line> lines) {
        Map<Line, Long> created = new HashMap<>();
        long t = System.nanoTime();
        Map<String, Resource> resources = writers.resources().byLicense(lines.stream().map(line -> line.line().licenseReference())
                .filter(reference -> reference != null && !reference.isBlank()).distinct().toList());
        time("ii_resources", t);
        t = System.nanoTime();
        List<Line> placed = new ArrayList<>();
        List<InvoiceService.Placed> drafts = new ArrayList<>();
        for (Line line : lines) {
            Invoice invoice = placement.invoiceFor(line.mapping());
            Optional<String> currency = placement.currencyOf(invoice);
            if (currency.isPresent() && !currency.get().equals(line.currency())) {
                progress.error("Line " + line.line().lineReference() + " is in " + line.currency() + " but the invoice of "
                        + line.mapping().customerName() + " is in " + currency.get() + " (D9): not invoiced");
                progress.increment("currency_errors");
                continue;
            }
            placement.useCurrency(invoice, line.currency());
            placed.add(line);
            drafts.add(new InvoiceService.Placed(invoice, line.draft(period, invoice.period(), resources.get(line.line().licenseReference()))));
        }
        time("ii_drafts", t);
        t = System.nanoTime();
        List<Long> ids = writers.invoices().addAll(drafts);
        time("ii_insert", t);
        for (int i = 0; i < placed.size(); i++) {
            created.put(placed.get(i), ids.get(i));
        }
        return created;
    }

    /** A valid, matched line before its sync is known. */
    private record Parsed(BillingLine line, CustomerMapping mapping, String statement) {

        String key() {
            return mapping.id() + "|" + statement;
        }
    }

    private List<Parsed> parse(List<BillingLineResult> page) {
        List<Parsed> parsed = new ArrayList<>();
        for (BillingLineResult result : page) {
            rows++;
            if (!result.isValid()) {
                progress.increment("invalid_lines");
                progress.error("Line " + result.reference() + ": " + result.problem());
                continue;
            }
            BillingLine line = result.line();
            if (licenseFilter != null && !licenseFilter.equals(line.licenseReference())) {
                continue;
            }
            Optional<CustomerMapping> mapping = mappings.match(line);
            if (mapping.isEmpty()) {
                progress.increment("unmatched_lines");
                if (reportedUnmatched.add(MappingIndex.name(line.companyName()))) {
                    progress.error("No customer mapping for Arrow customer '" + line.companyName() + "' (" + line.customerReference() + ")");
                }
                continue;
            }
            String statement = line.statementReference() != null && !line.statementReference().isBlank() ? line.statementReference()
                    : "SYNC-" + period + "-" + mapping.get().arrowReference();
            parsed.add(new Parsed(line, mapping.get(), statement));
        }
        List<SyncKey> missing = parsed.stream().filter(p -> !syncs.containsKey(p.key()))
                .map(p -> new SyncKey(p.mapping().id(), p.statement(), placement.billedInvoice(p.mapping()).id())).distinct().toList();
        if (!missing.isEmpty()) {
            writers.syncs().getOrCreateAll(missing, period, writers.now())
                    .forEach(sync -> syncs.put(sync.mappingId() + "|" + sync.statementReference(), sync));
        }
        return parsed;
    }

    /** A line an earlier page of this run already had is reported and left out (Sequence is unique per line and month). */
    private List<Line> withoutRepeats(List<Line> lines, Map<String, BillingSyncItem> existing) {
        List<Line> kept = new ArrayList<>(lines.size());
        for (Line line : lines) {
            BillingSyncItem item = existing.get(line.sync().id() + "|" + line.line().lineReference());
            if (item != null && !seen.add(item.id())) {
                repeated(line.line());
            } else {
                kept.add(line);
                touched.add(line.sync().id());
            }
        }
        return kept;
    }

    private void repeated(BillingLine line) {
        progress.increment("duplicate_lines");
        progress.error("Line " + line.lineReference() + " appears twice in the export: the second one is ignored");
    }

    private List<Line> lines(List<Parsed> parsed) {
        List<Line> lines = new ArrayList<>();
        Set<String> inPage = new HashSet<>();
        for (Parsed p : parsed) {
            BillingSync sync = syncs.get(p.key());
            BillingLine line = p.line();
            if (sync.state().frozen()) {
                progress.increment("frozen_lines");
                continue;
            }
            if (!inPage.add(sync.id() + "|" + line.lineReference())) {
                repeated(line);
                continue;
            }
            allValidated.merge(sync.id(), line.validated(), Boolean::logicalAnd);
            String currency = line.currency() == null || line.currency().isBlank() ? Money.DEFAULT_CURRENCY : line.currency();
            lines.add(new Line(sync, p.mapping(), line, settings.priceSource().choose(line.sellTotal(), line.buyTotal()), currency));
        }
        return lines;
    }

    /**
     * Only a line about to get its own invoice item needs to know who bills its license-month; a line already billed
     * keeps its path (the claim it made, or the consumption path's, stands for the whole month).
     */
    private static boolean needsClaim(Line line, BillingSyncItem item) {
        boolean billedAlready = item != null && !BillingSyncItem.VIA_ZERO.equals(item.billedVia());
        return line.amount().signum() != 0 && hasLicense(line.line()) && !billedAlready;
    }

    private String via(Line line, Map<String, BillingPath> owners, BillingSyncItem item) {
        if (item != null && !BillingSyncItem.VIA_ZERO.equals(item.billedVia()) && line.amount().signum() != 0) {
            return item.billedVia();
        }
        return via(line, owners);
    }

    private String via(Line line, Map<String, BillingPath> owners) {
        if (line.amount().signum() == 0) {
            return BillingSyncItem.VIA_ZERO;
        }
        if (hasLicense(line.line()) && owners.get(line.line().licenseReference()) == BillingPath.CONSUMPTION) {
            return BillingSyncItem.VIA_CONSUMPTION;
        }
        return BillingSyncItem.VIA_INVOICE;
    }

    private static boolean hasLicense(BillingLine line) {
        return line.licenseReference() != null && !line.licenseReference().isBlank();
    }

    private static NewItem newItem(Line line, String via, Long invoiceItem, BigDecimal invoiced) {
        BillingLine l = line.line();
        return new NewItem(line.sync().id(), l.lineReference(), invoiceItem, via, line.amount(), invoiced, l.sellTotal(), l.buyTotal(),
                l.quantity(), line.currency(), truncate(l.vendor(), 255), truncate(l.vendorSubscriptionId(), 255),
                truncate(l.licenseReference(), 255), truncate(l.classification(), 50), truncate(line.description(), 500));
    }

    private static ItemUpdate update(BillingSyncItem item, Line line, BigDecimal invoiced, Long invoiceItem, String via) {
        return new ItemUpdate(item.id(), line.amount(), invoiced, invoiceItem, via, line.line().sellTotal(), line.line().buyTotal(),
                line.line().quantity(), false);
    }

    /** An unchanged line writes nothing: a re-sync of an unchanged month only reads. */
    private static boolean changes(BillingSyncItem item, ItemUpdate update) {
        return item.removed() || item.currentPrice().compareTo(update.price()) != 0 || item.invoiced().compareTo(update.invoiced()) != 0
                || !Objects.equals(item.invoiceItemId(), update.invoiceItemId()) || !item.billedVia().equals(update.billedVia())
                || item.sell().compareTo(update.sell()) != 0 || item.buy().compareTo(update.buy()) != 0
                || item.quantity().compareTo(update.quantity()) != 0;
    }

    static String truncate(String value, int length) {
        if (value == null) {
            return "";
        }
        return value.length() <= length ? value : value.substring(0, length);
    }
}
