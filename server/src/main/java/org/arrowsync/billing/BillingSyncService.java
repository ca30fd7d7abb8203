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
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.billing.BillingSyncItemRepository.ItemUpdate;
import org.arrowsync.billing.SyncTimings.Phase;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.ledger.InvoiceClosed;
import org.arrowsync.ledger.InvoiceState;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.mappings.MappingIndex;
import org.arrowsync.pricing.PriceBook;
import org.arrowsync.pricing.PriceRuleService;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Periods;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs one month of Arrow's billing export into billing syncs and invoice items. The month is written in one
 * transaction: a run that fails (Arrow gives up, the server dies) leaves the ledger as it was, and the next run upserts
 * on the natural keys, so any number of runs ends where one clean run would.
 */
@Service
public class BillingSyncService {

    private static final Logger log = LoggerFactory.getLogger(BillingSyncService.class);

    private final SettingsService settings;
    private final CustomerMappingService mappings;
    private final ResourceService resources;
    private final ArrowClients clients;
    private final PriceRuleService rules;
    private final BillingWriters writers;
    private final TableMaintenance maintenance;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BillingSyncService(
            SettingsService settings,
            CustomerMappingService mappings,
            ResourceService resources,
            ArrowClients clients,
            PriceRuleService rules,
            BillingWriters writers,
            TableMaintenance maintenance,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.settings = settings;
        this.mappings = mappings;
        this.resources = resources;
        this.events = events;
        this.clients = clients;
        this.rules = rules;
        this.writers = writers;
        this.maintenance = maintenance;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Checks a sync request before it is queued, so a bad one is a 400 rather than a job that does nothing. */
    public SyncTarget target(Integer year, Integer month, UUID settingsUuid, UUID resourceUuid) {
        YearMonth period = Periods.requireMonth(year, month, clock);
        Settings chosen = settings.resolve(settingsUuid).requireExportTemplate();
        String license =
                resourceUuid == null ? null : resources.licensed(resourceUuid).licenseReference();
        return new SyncTarget(chosen, period, license, resourceUuid);
    }

    /**
     * D98: an Arrow customer mapped in another settings record in use of the same Arrow account is billed through one
     * of the two, or both would bill the lines of the export they share: through the one with syncs of that customer in
     * the month, else the older. Its mapping here is left out of the run when the other bills it, and named.
     */
    private List<CustomerMapping> billedHere(
            Settings chosen, YearMonth period, List<CustomerMapping> mapped, Progress progress) {
        List<Settings> others = settings.othersInUseOfTheSameAccount(chosen);
        if (others.isEmpty()) {
            return mapped;
        }
        Set<String> syncedHere = syncedCustomers(chosen, mapped, period);
        Map<String, Settings> elsewhere = new HashMap<>();
        for (Settings other : others) {
            List<CustomerMapping> theirs = mappings.active(other);
            Set<String> syncedThere = syncedCustomers(other, theirs, period);
            boolean older = other.created().isBefore(chosen.created())
                    || other.created().equals(chosen.created()) && other.id() < chosen.id();
            for (CustomerMapping mapping : theirs) {
                List<String> names = mapping.customerNames();
                boolean there = names.stream().anyMatch(syncedThere::contains);
                if (there != names.stream().anyMatch(syncedHere::contains) ? there : older) {
                    names.forEach(name -> elsewhere.putIfAbsent(name, other));
                }
            }
        }
        List<CustomerMapping> here = new ArrayList<>();
        for (CustomerMapping mapping : mapped) {
            Optional<Settings> other = mapping.customerNames().stream()
                    .map(elsewhere::get)
                    .filter(Objects::nonNull)
                    .findFirst();
            if (other.isEmpty()) {
                here.add(mapping);
            } else {
                progress.increment("customers_billed_elsewhere");
                progress.error("Arrow customer " + mapping.arrowReference() + " is mapped in settings "
                        + Uuids.hex(other.get().uuid()) + " of the same Arrow account as well, which bills its lines:"
                        + " left out of this run (D98)");
            }
        }
        return here;
    }

    /**
     * The mappings a run bills, kept from deletion until it commits (its syncs name them): one deleted since the run
     * read it is left out, its lines unmatched, and named.
     */
    private List<CustomerMapping> stillMapped(List<CustomerMapping> wanted, Progress progress) {
        List<CustomerMapping> held = mappings.holdForBilling(wanted);
        if (held.size() < wanted.size()) {
            wanted.stream()
                    .filter(mapping -> !held.contains(mapping))
                    .forEach(gone -> progress.error("Mapping of Arrow customer " + gone.described()
                            + " was deleted as the run began: its lines are left unmatched"));
        }
        return held;
    }

    /**
     * D123: an operator who moves to a new settings record of the same Arrow account (the wizard saves a new active
     * one) leaves the old one's syncs behind, and this record would bill their lines again as lines it never saw. D159:
     * so does an operator who moves one customer to this record from another still in use, deactivating its mapping
     * there. Before it reads the month's syncs, the syncs of the account's records no longer in use, and of the
     * deactivated mappings of its records in use, move to this record's mapping of the same Arrow customer, every month
     * of them, so it goes on with their lines as billed, validates and reconciles them. The run's month of each record
     * it takes syncs from is locked as this one's, so a run of theirs waits.
     */
    private void adoptFromOtherRecords(
            Settings chosen, List<CustomerMapping> active, YearMonth period, Progress progress) {
        List<Settings> retired = settings.retiredOfTheSameAccount(chosen);
        List<Settings> inUse = settings.othersInUseOfTheSameAccount(chosen);
        if (retired.isEmpty() && inUse.isEmpty()) {
            return;
        }
        // once adopted, nothing holds syncs there: one look-up per run, then nothing to do but for the deactivated
        // mappings of customers this record does not map, which keep their syncs and are looked at again
        Set<Long> holding = writers.syncs()
                .mappingsWithSyncsLeft(
                        retired.stream().map(Settings::id).toList(),
                        inUse.stream().map(Settings::id).toList());
        if (holding.isEmpty()) {
            return;
        }
        MappingIndex ours = new MappingIndex(active);
        List<Settings> records = new ArrayList<>(retired);
        records.addAll(inUse);
        for (Settings record : records) {
            Map<CustomerMapping, CustomerMapping> adopting = new LinkedHashMap<>();
            for (CustomerMapping theirs : mappings.all(record)) {
                if (holding.contains(theirs.id())) {
                    ours.match(theirs.arrowReference(), null)
                            .or(() -> ours.match(theirs.arrowCustomerRef(), null))
                            .ifPresent(mine -> adopting.put(theirs, mine));
                }
            }
            if (adopting.isEmpty()) {
                continue;
            }
            // only a record whose syncs move here is locked: a customer deactivated there and mapped nowhere else
            // keeps its syncs there, and its record's runs never wait on this one's
            writers.licenses().lockMonthForInvoicing(record.uuid(), period);
            boolean retiredRecord = retired.contains(record);
            Map<CustomerMapping, Integer> adopted = new LinkedHashMap<>();
            Map<CustomerMapping, CustomerMapping> moved = new LinkedHashMap<>();
            Set<YearMonth> months = new TreeSet<>();
            adopting.forEach((theirs, mine) -> {
                List<YearMonth> syncs = writers.syncs().adopt(theirs.id(), mine.id(), writers.now());
                if (!syncs.isEmpty()) {
                    adopted.put(theirs, syncs.size());
                    moved.put(theirs, mine);
                    months.addAll(syncs);
                }
            });
            // each record's months show the vendors of the lines it holds now (D248)
            for (YearMonth month : months) {
                writers.runs().recountVendorTotals(record.id(), month);
                writers.runs().recountVendorTotals(chosen.id(), month);
            }
            // the customers' prices come along, where this record has none of its own for a customer (D240)
            Map<Long, Integer> rulesCopied = rules.carryOnCustomerRules(moved);
            adopted.forEach((theirs, syncs) -> {
                int copied = rulesCopied.getOrDefault(adopting.get(theirs).id(), 0);
                progress.add("syncs_adopted", syncs);
                progress.error("Arrow customer " + theirs.arrowReference() + ": " + syncs
                        + " syncs of settings " + Uuids.hex(record.uuid())
                        + (retiredRecord
                                ? ", no longer in use, of the same Arrow account continue here (D123)"
                                : ", whose mapping of it is deactivated, continue here (D159)")
                        + (copied > 0 ? ", with its " + copied + " price rule(s) (D240)" : ""));
            });
        }
    }

    /**
     * The names ({@link CustomerMapping#customerNames}) of the Arrow customers of these mappings with syncs of the
     * month in the settings.
     */
    private Set<String> syncedCustomers(Settings owner, List<CustomerMapping> mapped, YearMonth period) {
        Map<Long, CustomerMapping> byId = new HashMap<>();
        mapped.forEach(mapping -> byId.put(mapping.id(), mapping));
        Set<String> synced = new HashSet<>();
        for (BillingSync sync : writers.syncs().ofPeriod(owner.id(), period)) {
            CustomerMapping mapping = byId.get(sync.mappingId());
            if (mapping != null) {
                synced.addAll(mapping.customerNames());
            }
        }
        return synced;
    }

    /**
     * The fold and the index build a run leaves to the maintenance after it (D143, D144), for the runs whose own was
     * lost: a server that stopped after a run committed leaves its months' count deltas unfolded and its syncs'
     * references unindexed. The housekeeping schedule calls it (D146); with nothing left, it reads two small indexes.
     */
    public void catchUpMaintenance() {
        maintenance.foldAndIndex();
    }

    public SyncReport sync(SyncTarget target, Progress progress) {
        // read again as the job runs: the settings may have lost their template since it was queued
        Settings chosen = settings.named(target.settings().uuid()).requireExportTemplate();
        List<CustomerMapping> mapped = mappings.active(chosen);
        if (mapped.isEmpty()) {
            return SyncReport.nothing(target.period(), "No active customer mappings");
        }
        ArrowClient client = clients.connect(chosen.connection());
        SyncTimings timings = new SyncTimings();
        ExportQuery query = ExportQuery.forPeriod(chosen.exportTypeReference(), target.period());
        // Arrow's first pages are read while the run gets ready (customers' Refs, rules, the month's lock and syncs)
        try (ReadAhead<SyncRun.Page> pages = ReadAhead.start(sink -> fetch(client, query, sink, timings))) {
            List<CustomerMapping> known = knowingRefs(mapped, client, progress);
            Ran ran = transactions.execute(status -> {
                // D98 and D242: which record bills a customer two records map is decided by what the other committed
                writers.licenses().lockMonthOfEveryRecord(target.period());
                writers.licenses().lockMonthForInvoicing(chosen.uuid(), target.period());
                List<CustomerMapping> active =
                        stillMapped(billedHere(chosen, target.period(), known, progress), progress);
                if (active.isEmpty()) {
                    return Ran.nothing(SyncReport.nothing(
                            target.period(),
                            "Every active customer mapping is billed by another settings record of the same Arrow"
                                    + " account (D98)"));
                }
                adoptFromOtherRecords(chosen, active, target.period(), progress);
                // read after the adoption, which may bring a customer's rules along (D240)
                PriceBook prices = rules.book(chosen);
                long runId =
                        writers.runs().start(chosen.id(), target.period(), target.licenseReference(), writers.now());
                SyncRun run = new SyncRun(
                        chosen,
                        prices,
                        target.period(),
                        runId,
                        target.licenseReference(),
                        active,
                        writers,
                        progress,
                        timings);
                pages.forEach(run::page);
                run.lastPage();
                SyncReport finished = timings.time(Phase.FINISH, () -> finish(chosen, target, run, progress));
                return new Ran(finished, run.linesWritten(), System.nanoTime());
            });
            if (ran.billedElsewhere()) {
                return ran.report();
            }
            timings.add(Phase.COMMIT, System.nanoTime() - ran.committingSince());
            log.info("Billing sync of {} for settings {} in ms: {}", target.period(), chosen.uuid(), timings);
            SyncReport report = ran.report();
            maintenance.afterRun(ran.linesWritten());
            events.publishEvent(new BillingSynced(chosen.uuid(), report));
            return report;
        } catch (ArrowException | IncompleteExport | LinesWithoutLicense e) {
            recordFailure(chosen, target.period(), e.getMessage());
            throw e;
        } catch (InvoiceClosed e) {
            throw e; // an invoice closed under the run: the job runs it again (D222)
        } catch (RuntimeException e) {
            // Not Arrow's fault: the details (SQL among them) go to the log, the syncs get a plain statement.
            log.error("Billing sync of {} for settings {} failed", target.period(), chosen.uuid(), e);
            recordFailure(chosen, target.period(), "Billing sync failed on the server; see the server log");
            throw e;
        }
    }

    /**
     * Reads the export on the fetching thread. Its time less parsing and handing pages over (waiting while the writer
     * is behind) is Arrow's: the requests and their JSON.
     */
    private static void fetch(
            ArrowClient client, ExportQuery query, Consumer<SyncRun.Page> pages, SyncTimings timings) {
        long start = System.nanoTime();
        long[] notArrow = new long[1];
        client.forEachExportPage(query, BillingLine.COLUMNS, page -> {
            long handling = System.nanoTime();
            pages.accept(timings.time(Phase.PARSE, () -> SyncRun.Page.of(page, query.from())));
            notArrow[0] += System.nanoTime() - handling;
        });
        timings.add(Phase.FETCH, System.nanoTime() - start - notArrow[0]);
    }

    /**
     * D24: exports name customers by their Ref, so the mappings learn it from Arrow first. Without Arrow's customer
     * list the sync goes on: lines naming a customer by a Ref not known yet are matched by company name.
     */
    private List<CustomerMapping> knowingRefs(List<CustomerMapping> active, ArrowClient client, Progress progress) {
        try {
            return mappings.knowingCustomerRefs(active, client);
        } catch (ArrowException e) {
            progress.error(
                    "Arrow customers unavailable, lines naming a customer by its Ref are matched by company name: "
                            + e.getMessage());
            return active;
        }
    }

    private SyncReport finish(Settings chosen, SyncTarget target, SyncRun run, Progress progress) {
        List<RunSync> periodSyncs = run.syncs();
        List<Long> open = periodSyncs.stream()
                .filter(sync -> !sync.state().frozen())
                .map(RunSync::id)
                .toList();
        if (run.usableRows() == 0) {
            // D3: an empty export for a month we already billed is Arrow failing, not Arrow crediting everything; so is
            // one whose lines cannot be told apart (D29). Said for a month whose syncs are frozen too, which it cannot
            // change: a run that found nothing is no run that found everything as it was. An export of rows none of
            // which could be used bills nothing in a new month either: no success (D210).
            boolean billed =
                    writers.items().anyIn(periodSyncs.stream().map(RunSync::id).toList());
            if (billed || run.rows() > 0) {
                throw IncompleteExport.withoutLines(
                        run.rows(),
                        target.period(),
                        run.report().firstProblem(),
                        billed ? "nothing was changed, although lines were synced before" : "nothing was billed");
            }
        }
        Map<Long, RunSync> byId = periodSyncs.stream().collect(Collectors.toMap(RunSync::id, sync -> sync));
        LineReport report = run.report();
        // Only what a complete export lacks was removed by Arrow (D26, D29); a new month has only the lines the run
        // wrote.
        boolean wholeMonth = target.licenseReference() == null;
        List<BillingSyncItem> vanished = writers.items().byIds(run.unseen()).stream()
                .filter(item -> !report.keepsUnseenLines(byId.get(item.syncId()).mappingId()))
                .toList();
        // D224: a customer the export lists none of loses no line; a run limited to one license sees no customer whole
        int removed = removeVanishedLines(
                wholeMonth
                        ? report.split(target.period(), vanished, byId, run::lists)
                                .dropped()
                        : vanished,
                byId,
                run.id(),
                progress);
        // A run that wrote no line left the lines' sums as they were: the syncs' kept totals stand (D55). A run of the
        // whole month sums the lines of all its syncs, frozen ones too, for the month's vendor totals in the same pass.
        boolean linesChanged = run.linesWritten() + removed > 0;
        List<Long> summed = wholeMonth ? periodSyncs.stream().map(RunSync::id).toList() : open;
        BillingSyncItemRepository.LineSums sums = linesChanged ? writers.items().totals(summed, run.id()) : null;
        List<BillingRunRepository.SyncChange> changes = new ArrayList<>();
        List<BillingSyncRepository.Synced> synced = new ArrayList<>();
        for (RunSync sync : periodSyncs) {
            if (sync.state().frozen() && linesChanged && wholeMonth && run.lateLinesIn(sync.id())) {
                // the lines Arrow added after validation are this run's changes too (D95)
                changed(sync, sums.bySync().getOrDefault(sync.id(), BillingSyncItemRepository.Totals.NO_LINES))
                        .ifPresent(changes::add);
            }
            if (sync.state().frozen() || !wholeMonth && !run.touched(sync.id())) {
                continue;
            }
            BillingSyncItemRepository.Totals sum = linesChanged
                    ? sums.bySync().getOrDefault(sync.id(), BillingSyncItemRepository.Totals.NO_LINES)
                    : new BillingSyncItemRepository.Totals(
                            sync.buyTotal(),
                            sync.sellTotal(),
                            sync.currency(),
                            null,
                            BillingSyncItemRepository.LineChanges.NONE);
            // A run limited to one license saw only some lines: whether all carry a validation date is not its to say,
            // nor whether the sync holds the month (D147): a sync it began stays pending, out of validation's reach.
            boolean linesValidated = wholeMonth ? run.linesValidated(sync.id()) : sync.linesValidated();
            synced.add(new BillingSyncRepository.Synced(
                    sync.id(),
                    wholeMonth ? sync.markSynced() : sync.state(),
                    sum.buy(),
                    sum.sell(),
                    sum.currency() == null ? sync.currency() : sum.currency(),
                    sum.lines(),
                    linesValidated,
                    report.notes(sync.mappingId(), sync.id())));
            changed(sync, sum).ifPresent(changes::add);
        }
        writers.syncs().saveSynced(synced, writers.now());
        if (linesChanged && !wholeMonth) {
            // A run limited to one license saved the syncs it saw; lines it removed may belong to others.
            writers.runs().refreshLineTotals(open);
        }
        // A frozen sync keeps what it billed, but counts the lines Arrow added since (D95), so that the month shows
        // what reconciliation has yet to bill; a reconciled one is validated again, so that each periodic check retries
        // its month until a reconciliation bills them, as a correction waiting for an invoice is (D219, D237)
        List<Long> late = periodSyncs.stream()
                .filter(sync -> sync.state().frozen() && run.lateLinesIn(sync.id()))
                .map(RunSync::id)
                .toList();
        writers.runs().refreshLineTotals(late);
        writers.syncs().reopenForReconciliation(late, writers.now());
        writers.runs().finish(run.id(), run.rows(), changes, writers.now());
        if (wholeMonth) {
            writers.runs().replaceUnmatched(chosen.id(), target.period(), run.unmatched());
            if (linesChanged) {
                writers.runs().replaceVendorTotals(chosen.id(), target.period(), sums.byVendor());
            }
        }
        progress.add("lines_removed", removed);
        log.info(
                "Billing sync of {} for settings {}: {} rows, {} syncs",
                target.period(),
                chosen.uuid(),
                run.rows(),
                synced.size());
        return new SyncReport(
                target.period().toString(),
                run.rows(),
                synced.size(),
                removed,
                "",
                target.licenseReference(),
                run.linesSynced(),
                run.unmatched().stream().mapToLong(UnmatchedCustomer::lines).sum(),
                report.rejected(),
                run.lateLines(),
                run.unmatched());
    }

    /** What the run changed of the sync, whose lines now add up to {@code sum}; empty when nothing. */
    private static Optional<BillingRunRepository.SyncChange> changed(
            RunSync sync, BillingSyncItemRepository.Totals sum) {
        if (!sum.changes().any()
                && sum.sell().compareTo(sync.sellTotal()) == 0
                && sum.buy().compareTo(sync.buyTotal()) == 0) {
            return Optional.empty();
        }
        return Optional.of(new BillingRunRepository.SyncChange(
                sync.id(), sum.changes(), sync.sellTotal(), sum.sell(), sync.buyTotal(), sum.buy()));
    }

    /**
     * Lines Arrow dropped before validation leave the invoice while it is open; on a closed one reconciliation credits
     * them (D3), and the run names each, as it names a line changed there (D223, D262). A customer with a line the run
     * could not identify loses none this time (D29).
     */
    private int removeVanishedLines(
            List<BillingSyncItem> vanished, Map<Long, RunSync> syncs, long runId, Progress progress) {
        Map<Long, List<Long>> removals = new LinkedHashMap<>();
        Map<Long, Invoice> closed = new HashMap<>();
        List<ItemUpdate> updates = new ArrayList<>();
        for (BillingSyncItem item : vanished) {
            boolean itemOnOpenInvoice = item.invoiceItemId() != null && item.invoiceOpen();
            if (itemOnOpenInvoice) {
                removals.computeIfAbsent(item.invoiceId(), id -> new ArrayList<>())
                        .add(item.invoiceItemId());
            } else if (item.invoiceItemId() != null && item.billed().signum() != 0) {
                Invoice invoice = closed.computeIfAbsent(
                        item.invoiceId(), id -> writers.invoices().invoice(id));
                if (invoice.state() != InvoiceState.CANCELED) {
                    progress.increment("lines_awaiting_reconciliation");
                    progress.error("Line " + item.lineReference() + " of "
                            + syncs.get(item.syncId()).customerName()
                            + " is no longer in Arrow's export since its invoice of " + item.reportPeriod()
                            + " was closed: billed "
                            + Money.rounded(item.billed(), item.currency()).toPlainString()
                            + "; the month's reconciliation credits it once Arrow validates the month");
                }
            }
            updates.add(new ItemUpdate(
                    item.id(),
                    BigDecimal.ZERO,
                    itemOnOpenInvoice ? BigDecimal.ZERO : item.invoiced(),
                    itemOnOpenInvoice ? null : item.invoiceItemId(),
                    item.billedVia(),
                    item.sell(),
                    item.buy(),
                    item.quantity(),
                    true,
                    null));
        }
        removals.forEach((invoiceId, ids) ->
                writers.invoices().removeItems(writers.invoices().invoice(invoiceId), ids));
        writers.items().updateAll(updates, runId, writers.now());
        return updates.size();
    }

    private void recordFailure(Settings chosen, YearMonth period, String message) {
        transactions.executeWithoutResult(
                status -> writers.syncs().recordError(chosen.id(), period, message, writers.now()));
    }

    /**
     * A run's report, the lines it wrote, and when it began to commit ({@link System#nanoTime}); none of the latter for
     * a run that left every mapping to another record (D98), which synced nothing.
     */
    private record Ran(SyncReport report, long linesWritten, long committingSince, boolean billedElsewhere) {

        Ran(SyncReport report, long linesWritten, long committingSince) {
            this(report, linesWritten, committingSince, false);
        }

        static Ran nothing(SyncReport report) {
            return new Ran(report, 0, 0, true);
        }
    }

    /** What a trigger asked for, checked. */
    public record SyncTarget(Settings settings, YearMonth period, String licenseReference, UUID resourceUuid) {}

    /**
     * The outcome of one run, stored as the job's result: rows read, syncs written, lines removed; the lines synced,
     * matching no customer mapping ({@code unmatched} names them per Arrow customer and currency) and unusable
     * ({@code linesRejected}); {@code license} is the one license the run was limited to, if any; {@code lateLines} the
     * lines Arrow added to an already validated month, recorded for its next reconciliation to bill (D95).
     */
    public record SyncReport(
            String period,
            long rows,
            int syncs,
            int linesRemoved,
            String note,
            String license,
            long linesSynced,
            long linesUnmatched,
            long linesRejected,
            long lateLines,
            List<UnmatchedCustomer> unmatched) {

        static SyncReport nothing(YearMonth period, String note) {
            return new SyncReport(period.toString(), 0, 0, 0, note, null, 0, 0, 0, 0, List.of());
        }
    }
}
