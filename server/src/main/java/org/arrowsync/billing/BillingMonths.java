package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrowsync.ledger.InvoiceItem;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.VendorOfferingMappingService;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The month-end view of billing, for operators: a settings record's months by state and totals, its syncs by customer,
 * a sync's lines with the invoice items they wrote, what the last sync run changed, and what is left unbilled. Every
 * figure is an SQL aggregate and every list a page, so a month of any size costs a few bounded queries.
 */
@Service
public class BillingMonths {

    /** Changed syncs shown for one run, the largest changes first; the totals say how many there are in all. */
    static final int SHOWN_SYNC_CHANGES = 20;
    /** Changed lines shown for one sync. */
    static final int SHOWN_LINE_CHANGES = 100;

    private final BillingSyncRepository syncs;
    private final BillingSyncItemRepository items;
    private final BillingRunRepository runs;
    private final InvoiceService invoices;
    private final VendorOfferingMappingService vendors;

    BillingMonths(
            BillingSyncRepository syncs,
            BillingSyncItemRepository items,
            BillingRunRepository runs,
            InvoiceService invoices,
            VendorOfferingMappingService vendors) {
        this.syncs = syncs;
        this.items = items;
        this.runs = runs;
        this.invoices = invoices;
        this.vendors = vendors;
    }

    /** These months of the settings, newest first; a month with nothing synced is an empty summary. */
    public List<MonthSummary> summaries(Settings settings, Collection<YearMonth> periods) {
        Map<YearMonth, MonthSummary> found = syncs.summaries(settings.id(), periods).stream()
                .collect(Collectors.toMap(MonthSummary::period, summary -> summary));
        return periods.stream()
                .sorted((a, b) -> b.compareTo(a))
                .map(period -> found.getOrDefault(period, MonthSummary.empty(period)))
                .toList();
    }

    public MonthSummary summary(Settings settings, YearMonth period) {
        return summaries(settings, List.of(period)).get(0);
    }

    /** The month's syncs by customer name, a page at a time, each with its count of present lines. */
    public Listing<SyncOfCustomer> syncs(Settings settings, YearMonth period, PageRequest page) {
        List<BillingSync> found = syncs.pageOfMonth(settings.id(), period, page);
        Map<Long, Long> lines =
                items.lineCounts(found.stream().map(BillingSync::id).toList());
        return Listing.of(
                found.stream()
                        .map(sync -> new SyncOfCustomer(sync, lines.getOrDefault(sync.id(), 0L)))
                        .toList(),
                syncs.countOfMonth(settings.id(), period),
                page);
    }

    /** One of the settings' syncs of the month; not found when it is another month's or another record's. */
    public BillingSync sync(Settings settings, YearMonth period, UUID uuid) {
        return syncs.findOfMonth(settings.id(), period, uuid).orElseThrow(NotFound::new);
    }

    /** A page of a sync's lines, each with the invoice item that bills it and its latest compensation. */
    public Listing<LineWithItems> lines(UUID syncUuid, PageRequest page) {
        BillingSync sync = syncs.find(syncUuid).orElseThrow(NotFound::new);
        List<BillingSyncItem> found = items.pageOfSync(sync.id(), page);
        Map<Long, InvoiceItem> invoiceItems = invoiceItems(found);
        return Listing.of(
                found.stream()
                        .map(item -> new LineWithItems(
                                item,
                                item.invoiceItemId() == null ? null : invoiceItems.get(item.invoiceItemId()),
                                item.compensationItemId() == null ? null : invoiceItems.get(item.compensationItemId())))
                        .toList(),
                items.countOfSync(sync.id()),
                page);
    }

    /** What the month's last sync run changed, against the run before it; empty when no run finished yet. */
    public Optional<RunChanges> lastChanges(Settings settings, YearMonth period) {
        return runs.last(settings.id(), period)
                .map(run -> new RunChanges(
                        run.id(),
                        run.finished(),
                        run.linesSeen(),
                        runs.previousFinished(settings.id(), period, run.id()).orElse(null),
                        runs.changes(run.id(), SHOWN_SYNC_CHANGES),
                        runs.changeTotals(run.id())));
    }

    /** The lines of one sync that a run added, changed or removed. */
    public List<ChangedLine> changedLines(UUID syncUuid, long runId) {
        return items.changedIn(syncs.find(syncUuid).orElseThrow(NotFound::new).id(), runId, SHOWN_LINE_CHANGES);
    }

    /** The Arrow customers whose lines of the month no mapping claimed, largest amount first. */
    public List<UnmatchedCustomer> unmatched(Settings settings, YearMonth period) {
        return runs.unmatched(settings.id(), period);
    }

    /**
     * The vendors of the month's lines without an active vendor-offering mapping, with the amount of their lines: the
     * resource sync creates no resources for their licenses.
     */
    public List<VendorAmount> unmappedVendors(Settings settings, YearMonth period) {
        Map<String, ?> mapped = vendors.activeByVendor(settings);
        return runs.vendorTotals(settings.id(), period).stream()
                .filter(vendor -> !mapped.containsKey(vendor.vendorName()))
                .toList();
    }

    private Map<Long, InvoiceItem> invoiceItems(List<BillingSyncItem> lines) {
        List<Long> ids = new ArrayList<>();
        for (BillingSyncItem line : lines) {
            if (line.invoiceItemId() != null) {
                ids.add(line.invoiceItemId());
            }
            if (line.compensationItemId() != null) {
                ids.add(line.compensationItemId());
            }
        }
        Map<Long, InvoiceItem> byId = new HashMap<>();
        invoices.items(ids).forEach(item -> byId.put(item.id(), item));
        return byId;
    }

    public record SyncOfCustomer(BillingSync sync, long lines) {}

    /** A line, the invoice item billing it (null when it has none) and its latest compensation (null when none). */
    public record LineWithItems(BillingSyncItem line, InvoiceItem invoiceItem, InvoiceItem compensationItem) {}

    /** One run and the syncs it changed (at most {@link #SHOWN_SYNC_CHANGES}, largest change of total first). */
    public record RunChanges(
            long runId,
            Instant finished,
            long linesSeen,
            Instant previousRun,
            List<SyncChange> syncs,
            ChangeTotals totals) {}

    /** How a run changed one sync: lines added, changed and removed, and its totals before and after. */
    public record SyncChange(
            UUID syncUuid,
            String customerName,
            String statementReference,
            int added,
            int changed,
            int removed,
            BigDecimal sellBefore,
            BigDecimal sellAfter) {

        public BigDecimal sellDifference() {
            return sellAfter.subtract(sellBefore);
        }
    }

    public enum LineChange {
        ADDED,
        CHANGED,
        REMOVED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A line a run changed: how, and its amount (the settings' price source) before and now. */
    public record ChangedLine(
            String lineReference, String description, LineChange change, BigDecimal before, BigDecimal now) {}

    /** A run's changes over all its syncs. */
    public record ChangeTotals(int syncs, long added, long changed, long removed, BigDecimal sellDifference) {}

    /** A vendor's lines in a month and their amount (the settings' price source). */
    public record VendorAmount(String vendorName, long lines, BigDecimal amount) {

        VendorAmount plus(VendorAmount other) {
            return new VendorAmount(vendorName, lines + other.lines, amount.add(other.amount));
        }
    }
}
