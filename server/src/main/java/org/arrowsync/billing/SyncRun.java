package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.BillingLineResult;
import org.arrowsync.arrowclient.ExportPage;
import org.arrowsync.billing.BillingSyncItemRepository.ItemUpdate;
import org.arrowsync.billing.BillingSyncItemRepository.NewItem;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.InvoiceService.ItemChange;
import org.arrowsync.ledger.NoPlacement;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService.CustomerLicense;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.pricing.PriceBook;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One billing sync of one settings record and month, fed page by page inside one transaction and written a batch of
 * lines at a time. Each batch costs a fixed handful of statements whatever its size: matching happens in memory, reads
 * and writes are set-based.
 */
final class SyncRun {

    private static final Logger log = LoggerFactory.getLogger(SyncRun.class);

    /**
     * Lines written at a time: each batch costs a fixed handful of statements (its lines' known items, syncs, license
     * claims, resources, invoice locks, two COPYs), so five export pages to a batch make those a fifth as many.
     */
    static final int WRITE_BATCH = 5_000;

    private final YearMonth period;
    private final String exportTemplate;
    private final long runId;
    private final BillingWriters writers;
    private final Progress progress;
    private final RunInvoices invoices;
    private final LineMatching matching;
    private final LineReport report;
    private final SyncTimings timings;
    private final IdSet seen = new IdSet();
    private final LicensesBilledElsewhere billedElsewhere = new LicensesBilledElsewhere();
    private final String licenseFilter;
    /**
     * How many lines were present in the syncs open as the run began; empty for a new month and for a run limited to a
     * license, which read the lines themselves.
     */
    private final OptionalLong presentBefore;

    private final List<BillingLineResult> batch = new ArrayList<>();
    private long linesSynced;
    private long linesWritten;

    SyncRun(
            Settings settings,
            PriceBook prices,
            YearMonth period,
            long runId,
            String licenseFilter,
            List<CustomerMapping> mappings,
            BillingWriters writers,
            Progress progress,
            SyncTimings timings) {
        this.period = period;
        this.exportTemplate = settings.exportTypeReference();
        this.timings = timings;
        this.runId = runId;
        this.writers = writers;
        this.progress = progress;
        this.invoices = new RunInvoices(writers.invoices(), period, mappings);
        this.report = new LineReport(progress);
        this.matching = new LineMatching(
                settings, prices, period, licenseFilter, mappings, invoices, writers, progress, report, seen);
        this.licenseFilter = licenseFilter;
        this.presentBefore = matching.newMonth() || licenseFilter != null
                ? OptionalLong.empty()
                : OptionalLong.of(writers.items().presentLineCount(matching.openBefore()));
    }

    long rows() {
        return matching.rows();
    }

    /** The run's row in {@code billing_sync_runs}: the lines it adds and changes are marked with it. */
    long id() {
        return runId;
    }

    /** The Arrow customers whose lines matched no mapping. */
    List<UnmatchedCustomer> unmatched() {
        return matching.unmatched();
    }

    long usableRows() {
        return matching.usableRows();
    }

    /** The lines this run billed or checked, those of every page. */
    long linesSynced() {
        return linesSynced;
    }

    /** The lines Arrow added after their month was validated, recorded for reconciliation to bill (D95). */
    long lateLines() {
        return matching.lateLines();
    }

    /** Whether a line came to this frozen sync after its month was validated (D95). */
    boolean lateLinesIn(long syncId) {
        return matching.lateLinesIn(syncId);
    }

    /** The lines this run added or changed, those of every page. */
    long linesWritten() {
        return linesWritten;
    }

    /**
     * The month's lines (item ids) that Arrow's export lacked: present in a sync open as the run began (within its
     * license, if limited) and not seen by it, not even in a row it could not use. A month the run began empty has
     * none. A run that saw as many of those syncs' present lines as they had when it began saw them all, and reads
     * none: an export that dropped no line costs no read of the month's lines (D104). Otherwise their ids are read now,
     * in the run's transaction: the run holds the month's lock, so nothing else adds, removes or moves a line
     * meanwhile, and the lines it added or brought back it has seen.
     */
    List<Long> unseen() {
        if (matching.newMonth()) {
            return List.of();
        }
        if (presentBefore.isPresent()) {
            long seenOfThem = matching.presentSeen();
            if (seenOfThem == presentBefore.getAsLong()) {
                return List.of();
            }
            if (seenOfThem > presentBefore.getAsLong()) {
                // Cannot happen while the counts are right: the lines are read, and the drift is said
                log.warn(
                        "The {} run saw {} lines present in its open syncs, which counted {}: the kept counts (D65)"
                                + " are lower than the lines; their ids were read instead",
                        period,
                        seenOfThem,
                        presentBefore.getAsLong());
            }
        }
        IdSet present = writers.items().lineIds(matching.openBefore(), licenseFilter, false);
        progress.add("present_lines_read", present.size());
        return present.without(seen);
    }

    LineReport report() {
        return report;
    }

    /** Whether the month had no sync when the run began, so that all its lines are the run's own. */
    boolean newMonth() {
        return matching.newMonth();
    }

    /** The month's syncs: those it had as the run began, and those the run created. */
    List<RunSync> syncs() {
        return matching.syncs();
    }

    /** Whether the export lists a line of the mapping's customer (D224). */
    boolean lists(long mappingId) {
        return matching.lists(mappingId);
    }

    /** Whether this run saw lines of the sync. */
    boolean touched(long syncId) {
        return matching.touched(syncId);
    }

    /** Whether every line this run saw for the sync carried Arrow's Validation Date (D6). */
    boolean linesValidated(long syncId) {
        return matching.linesValidated(syncId);
    }

    /** Takes an export page; its lines are matched and written with those of the next pages, a batch at a time. */
    void page(Page page) {
        progress.increment("pages");
        report.rowsMissing(page.missingRows());
        batch.addAll(page.lines());
        if (batch.size() >= WRITE_BATCH) {
            writeBatch();
        }
    }

    /** Matches and writes the lines of the last pages taken; the export has no more. */
    void lastPage() {
        if (!batch.isEmpty()) {
            writeBatch();
        }
    }

    private void writeBatch() {
        List<BillingLineResult> lines = List.copyOf(batch);
        batch.clear();
        LineMatching.Matched matched = timings.time(SyncTimings.Phase.MATCH, () -> matching.matchToSyncs(lines));
        if (!matched.lines().isEmpty()) {
            timings.time(SyncTimings.Phase.WRITE, () -> write(matched.lines()));
        }
        progress.add("lines_synced", matched.size());
        progress.add("lines_unchanged", matched.unchanged());
        linesSynced += matched.size();
    }

    private void write(List<Line> matched) {
        List<NewItem> inserts = new ArrayList<>();
        List<Line> lines = new ArrayList<>(matched.size());
        List<Line> late = new ArrayList<>();
        for (Line line : matched) {
            (line.sync().state().frozen() ? late : lines).add(line);
        }
        recordLate(late, inserts);
        Map<String, BillingPath> owners = writers.licenses()
                .claimAll(
                        lines.stream()
                                .filter(line -> needsClaim(line, line.billed()))
                                .map(Line::license)
                                .distinct()
                                .toList(),
                        period,
                        BillingPath.BILLING);
        billUnlicensedLines(lines);
        List<Line> toInvoice = new ArrayList<>();
        List<ItemUpdate> updates = new ArrayList<>();
        Map<Long, List<ItemChange>> changes = new LinkedHashMap<>();
        Map<Long, List<Long>> removals = new LinkedHashMap<>();
        for (Line line : lines) {
            BillingSyncItem item = line.billed();
            BilledVia via = via(line, owners, item);
            if (via == BilledVia.CONSUMPTION
                    && (item == null || Objects.equals(line.license(), item.licenseReference()))) {
                // a line Arrow moved to another license keeps its path until reconciliation moves it (D119)
                billedElsewhere.add(line);
            }
            if (item == null) {
                if (via == BilledVia.INVOICE) {
                    toInvoice.add(line);
                } else {
                    inserts.add(newItem(line, via, null, BigDecimal.ZERO));
                }
            } else if (!item.billedIn(line.currency())) {
                leftInItsCurrency(line, item);
            } else {
                resync(line, item, via, toInvoice, updates, changes, removals);
            }
        }
        billedElsewhere.check(writers, period, progress);
        Map<Line, Long> created = writeInvoiceItems(toInvoice);
        for (Line line : toInvoice) {
            BillingSyncItem item = line.billed();
            Long invoiceItem = created.get(line);
            if (invoiceItem == null) {
                if (item == null) {
                    // D94: refused, it is recorded billing nothing yet: every re-sync tries it again (it has no content
                    // hash to be found unchanged by), and once the month is validated reconciliation bills it
                    inserts.add(newItem(line, BilledVia.ZERO, null, BigDecimal.ZERO, null));
                }
                continue;
            }
            if (item == null) {
                inserts.add(newItem(line, BilledVia.INVOICE, invoiceItem, line.due()));
            } else {
                updates.add(update(item, line, line.due(), invoiceItem, BilledVia.INVOICE));
            }
        }
        changes.forEach((invoiceId, list) ->
                writers.invoices().changeItems(writers.invoices().invoice(invoiceId), list));
        removals.forEach((invoiceId, list) ->
                writers.invoices().removeItems(writers.invoices().invoice(invoiceId), list));
        writers.items().insertAll(inserts, runId, writers.now()).forEach(seen::add);
        Map<Long, BillingSyncItem> byId = new HashMap<>();
        lines.stream().map(Line::billed).filter(Objects::nonNull).forEach(item -> byId.put(item.id(), item));
        List<ItemUpdate> changed = updates.stream()
                .filter(update -> changes(byId.get(update.id()), update))
                .toList();
        writers.items().updateAll(changed, runId, writers.now());
        writers.licenses().linesChanged(consumptionChanged(changed, byId), period);
        linesWritten += inserts.size() + changed.size();
    }

    /**
     * D293: the license-months consumption tracking bills whose lines Arrow changed the amounts of before validating
     * the month. Its finalisation bills them from Arrow's export, so each is due a run whatever the month's age, as
     * after a move (D119): the schedule finalises older months only while they are due.
     */
    private static Set<String> consumptionChanged(List<ItemUpdate> changed, Map<Long, BillingSyncItem> before) {
        Set<String> licenses = new HashSet<>();
        for (ItemUpdate update : changed) {
            BillingSyncItem item = before.get(update.id());
            boolean consumptions =
                    update.billedVia() == BilledVia.CONSUMPTION || item.billedVia() == BilledVia.CONSUMPTION;
            if (consumptions
                    && item.licenseReference() != null
                    && (item.removed()
                            || item.sell().compareTo(update.sell()) != 0
                            || item.buy().compareTo(update.buy()) != 0)) {
                licenses.add(item.licenseReference());
            }
        }
        return licenses;
    }

    /**
     * D95: a late line claims nothing and invoices nothing; reconciliation bills it as a line that was zero. One of a
     * license-month that consumption tracking bills is recorded as its, as the month's other lines are: its
     * finalisation bills it, due as after a move (D191).
     */
    private void recordLate(List<Line> late, List<NewItem> inserts) {
        if (late.isEmpty()) {
            return;
        }
        Map<String, BillingPath> owners = writers.licenses()
                .owners(
                        late.stream()
                                .map(Line::license)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList(),
                        period);
        Set<String> consumptions = new HashSet<>();
        for (Line line : late) {
            // the path a line of its license-month takes, but that a late one invoices nothing itself
            BilledVia via = via(line, owners) == BilledVia.CONSUMPTION ? BilledVia.CONSUMPTION : BilledVia.ZERO;
            if (via == BilledVia.CONSUMPTION) {
                consumptions.add(line.license());
            }
            inserts.add(newItem(line, via, null, BigDecimal.ZERO));
        }
        // their month's finalisation, which bills them, is due whatever the month's age
        writers.licenses().linesChanged(consumptions, period);
    }

    /**
     * D112: Arrow lists a line billed before in another currency: its amounts cannot replace the ones billed (D9), so
     * its item stays as billed, and the job and its sync say so at every run until Arrow lists it as before.
     */
    private void leftInItsCurrency(Line line, BillingSyncItem item) {
        String why = item.currencyChangedTo(line.currency()) + ": left as billed";
        refused(line, "currency_errors", why, why, true);
    }

    /**
     * A line this run does not bill as Arrow lists it: counted under {@code counter}, named on the job ("Line … of
     * customer is {@code state}") and on its sync ({@code why}), at every run until it can be.
     */
    private void refused(Line line, String counter, String state, String why, boolean mayPass) {
        progress.error(
                "Line " + line.line().lineReference() + " of " + line.mapping().customerName() + " is " + state);
        progress.increment(counter);
        report.refused(line.sync().id(), line.line().lineReference(), why, mayPass);
    }

    /**
     * D5: before validation an existing line follows Arrow exactly while its invoice is open (its own item bills what
     * its corrections do not); after, reconciliation does.
     */
    private void resync(
            Line line,
            BillingSyncItem item,
            BilledVia via,
            List<Line> toInvoice,
            List<ItemUpdate> updates,
            Map<Long, List<ItemChange>> changes,
            Map<Long, List<Long>> removals) {
        boolean hasOwnItem = item.invoiceItemId() != null;
        if (!hasOwnItem) {
            if (via == BilledVia.INVOICE) {
                toInvoice.add(line);
            } else {
                updates.add(update(item, line, BigDecimal.ZERO, null, via));
            }
            return;
        }
        if (!item.invoiceOpen() || item.billedVia() == BilledVia.CONSUMPTION) {
            // D119: a line reconciliation credited when Arrow moved it to a license consumption tracking bills keeps
            // its item and the credit, which bill nothing together
            if (item.billedVia() != BilledVia.CONSUMPTION) {
                awaitsReconciliation(line, item);
            }
            updates.add(update(item, line, item.invoiced(), item.invoiceItemId(), item.billedVia()));
            return;
        }
        if (line.due().signum() == 0) {
            removals.computeIfAbsent(item.invoiceId(), id -> new ArrayList<>()).add(item.invoiceItemId());
            updates.add(update(item, line, BigDecimal.ZERO, null, BilledVia.ZERO));
            return;
        }
        // the details show Arrow's sell and buy and the price rule, which may change while the amount stays (D120)
        if (line.due().compareTo(item.invoiced()) != 0
                || line.line().quantity().compareTo(item.quantity()) != 0
                || !line.contentHash().equals(item.contentHash())) {
            LineAmount amount = LineAmount.of(line.due(), line.line().quantity());
            changes.computeIfAbsent(item.invoiceId(), id -> new ArrayList<>())
                    .add(new ItemChange(
                            item.invoiceItemId(),
                            line.name(period),
                            amount.unitPrice(),
                            amount.quantity(),
                            line.details(period)));
        }
        updates.add(update(item, line, line.due(), item.invoiceItemId(), BilledVia.INVOICE));
    }

    /**
     * D223: a line Arrow changed after its invoice was closed keeps what it billed until the month's reconciliation
     * books the difference, once Arrow validates the month: the run that sees the change names the wait. Not a month
     * whose invoice was canceled, which nothing corrects (D163).
     */
    private void awaitsReconciliation(Line line, BillingSyncItem item) {
        BigDecimal billed = Money.rounded(item.billed(), item.currency());
        BigDecimal now = Money.rounded(line.due(), item.currency());
        if (now.compareTo(billed) != 0 && invoices.noPlacement(line.mapping()) != NoPlacement.CANCELED) {
            progress.increment("lines_awaiting_reconciliation");
            progress.error("Line " + line.line().lineReference() + " of "
                    + line.mapping().customerName()
                    + " changed since its invoice of " + period + " was closed: billed "
                    + billed.toPlainString() + ", Arrow's now " + now.toPlainString()
                    + "; the month's reconciliation books the difference once Arrow validates the month");
        }
    }

    private Map<Line, Long> writeInvoiceItems(List<Line> lines) {
        // By identity: a line's own hash would hash its whole Arrow row, once for every line of the month
        Map<Line, Long> created = new IdentityHashMap<>();
        Map<CustomerLicense, Resource> resources = writers.resources()
                .byLicense(lines.stream()
                        .map(Line::license)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        List<Line> placed = new ArrayList<>();
        List<InvoiceService.Placed> drafts = new ArrayList<>();
        invoices.readCurrencies(lines.stream().map(Line::mapping).distinct().toList());
        for (Line line : lines) {
            Optional<Invoice> open = invoices.openInvoiceFor(line.mapping());
            if (open.isEmpty()) {
                // D94: the customer has no invoice open for it; its other customers' lines go on, a later sync bills
                // it. D163: the operator canceled the month's invoice
                NoPlacement none = invoices.noPlacement(line.mapping());
                refused(line, "invoice_errors", "not invoiced: " + none.why(period), none.label(), none.mayPass());
                continue;
            }
            Invoice invoice = open.get();
            Optional<String> currency = invoices.currencyOf(invoice);
            if (currency.isPresent() && !currency.get().equals(line.currency())) {
                String why = "in " + line.currency() + ", its invoice in " + currency.get() + " (D9)";
                refused(line, "currency_errors", why + ": not invoiced", why, true);
                continue;
            }
            invoices.useCurrency(invoice, line.currency());
            placed.add(line);
            Resource resource = resources.get(new CustomerLicense(line.mapping().customerUuid(), line.license()));
            drafts.add(new InvoiceService.Placed(invoice, line.draft(period, resource)));
        }
        List<Long> ids = writers.invoices().addAll(drafts);
        for (int i = 0; i < placed.size(); i++) {
            created.put(placed.get(i), ids.get(i));
        }
        return created;
    }

    /**
     * Only a line about to get its own invoice item needs to know who bills its license-month; a line already billed
     * keeps its path (the claim it made, or the consumption path's, stands for the whole month).
     */
    private static boolean needsClaim(Line line, BillingSyncItem item) {
        boolean billedAlready = item != null && item.billedVia() != BilledVia.ZERO;
        return line.amount().signum() != 0 && line.license() != null && !billedAlready;
    }

    /** D69: the lines naming no license bill their customers' month unless consumption tracking bills it. */
    private void billUnlicensedLines(List<Line> lines) {
        UnlicensedLines unlicensed = new UnlicensedLines();
        lines.stream()
                .filter(line -> line.due().signum() != 0 && line.license() == null)
                .forEach(line -> unlicensed.add(
                        line.mapping().customerUuid(),
                        new UnlicensedLines.First(
                                line.mapping().customerId(),
                                "Arrow customer '" + line.mapping().arrowCompanyName() + "' ("
                                        + line.mapping().arrowReference() + ")",
                                line.line().lineReference())));
        unlicensed.bill(writers, period, exportTemplate);
    }

    private BilledVia via(Line line, Map<String, BillingPath> owners, BillingSyncItem item) {
        if (item != null && item.billedVia() != BilledVia.ZERO && line.amount().signum() != 0) {
            return item.billedVia();
        }
        return via(line, owners);
    }

    private BilledVia via(Line line, Map<String, BillingPath> owners) {
        if (line.due().signum() == 0) {
            return BilledVia.ZERO;
        }
        if (line.license() != null && owners.get(line.license()) == BillingPath.CONSUMPTION) {
            return BilledVia.CONSUMPTION;
        }
        return BilledVia.INVOICE;
    }

    private static NewItem newItem(Line line, BilledVia via, Long invoiceItem, BigDecimal invoiced) {
        return newItem(line, via, invoiceItem, invoiced, line.contentHash());
    }

    private static NewItem newItem(Line line, BilledVia via, Long invoiceItem, BigDecimal invoiced, UUID contentHash) {
        BillingLine l = line.line();
        return new NewItem(
                line.sync().id(),
                l.lineReference(),
                invoiceItem,
                via,
                line.amount(),
                invoiced,
                l.sellTotal(),
                l.buyTotal(),
                l.quantity(),
                line.currency(),
                Texts.truncate(l.vendor(), 255),
                Texts.truncate(l.vendorSubscriptionId(), 255),
                Texts.truncate(l.licenseReference(), 255),
                Texts.truncate(l.classification(), 50),
                Texts.truncate(line.description(), 500),
                contentHash);
    }

    private static ItemUpdate update(
            BillingSyncItem item, Line line, BigDecimal invoiced, Long invoiceItem, BilledVia via) {
        return new ItemUpdate(
                item.id(),
                line.amount(),
                invoiced,
                invoiceItem,
                via,
                line.line().sellTotal(),
                line.line().buyTotal(),
                line.line().quantity(),
                false,
                line.contentHash());
    }

    /**
     * An unchanged line writes nothing: a re-sync of an unchanged month only reads. One whose hash alone changed (the
     * rule that prices it, D120, or a hash a reconciliation cleared) records its new hash, so the next run skips it.
     */
    private static boolean changes(BillingSyncItem item, ItemUpdate update) {
        return item.removed()
                || item.currentPrice().compareTo(update.price()) != 0
                || item.invoiced().compareTo(update.invoiced()) != 0
                || !Objects.equals(item.invoiceItemId(), update.invoiceItemId())
                || item.billedVia() != update.billedVia()
                || item.sell().compareTo(update.sell()) != 0
                || item.buy().compareTo(update.buy()) != 0
                || item.quantity().compareTo(update.quantity()) != 0
                || !Objects.equals(item.contentHash(), update.contentHash());
    }

    /**
     * One export page as a sync reads it: its lines, read on the fetching thread, and the warnings of a page that holds
     * fewer rows than its pagination promises (D26), empty when none are missing.
     */
    record Page(List<BillingLineResult> lines, List<String> missingRows) {

        static Page of(ExportPage page, YearMonth period) {
            return new Page(
                    page.rows().stream()
                            .map(row -> row.billingLine().ofMonth(period))
                            .toList(),
                    page.shortened() ? page.warnings() : List.of());
        }
    }
}
