package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.BillingLineResult;
import org.arrowsync.arrowclient.ExportPage;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.arrowclient.ExportRow;
import org.arrowsync.billing.BillingSyncItemRepository.FinalAmounts;
import org.arrowsync.billing.Compensations.Compensation;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.mappings.MappingIndex;
import org.arrowsync.pricing.ArrowAmount;
import org.arrowsync.pricing.Price;
import org.arrowsync.pricing.PriceBook;
import org.arrowsync.pricing.PriceRuleService;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Periods;
import org.arrowsync.shared.Progress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares what was charged for each line of a final month with Arrow's final amount, priced by the price rules (D46),
 * and books the difference (D4, D7, D8): a compensation covers only what the line's invoices do not bill yet, both
 * rounded to the currency's minor unit as the invoice bills them (D169), and a line whose reference Arrow dropped is
 * credited only from a complete export: one that came back empty or without a usable line reference (D3) or with rows
 * missing from a page (D26) reconciles nothing, and a customer with a row without line reference loses no line. Lines
 * are found by their reference alone; a row that names another customer now, or cannot be read, is reported, never
 * credited (D29).
 */
@Service
public class BillingReconciliation {

    /** How many months back {@link #waiting} looks. */
    static final int RETRIED_MONTHS = 3;

    private final SettingsService settings;
    private final CustomerMappingService mappings;
    private final ArrowClients clients;
    private final PriceRuleService rules;
    private final BillingWriters writers;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BillingReconciliation(
            SettingsService settings,
            CustomerMappingService mappings,
            ArrowClients clients,
            PriceRuleService rules,
            BillingWriters writers,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.settings = settings;
        this.mappings = mappings;
        this.clients = clients;
        this.rules = rules;
        this.events = events;
        this.writers = writers;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Target target(Integer year, Integer month, UUID settingsUuid, boolean force) {
        YearMonth period = Periods.requireMonth(year, month, clock);
        Periods.requireEnded(period, clock);
        Settings chosen = settings.resolve(settingsUuid).requireExportTemplate();
        return new Target(chosen, period, force);
    }

    /**
     * The recent months (the last {@value #RETRIED_MONTHS}) with syncs validated and not reconciled since: their
     * reconciliation failed, or left out a correction that waits for an open invoice (D108), or was forced before Arrow
     * said the month was final (D107), or waits for an operator. Older months wait for an operator.
     */
    public SortedSet<YearMonth> waiting(UUID settingsUuid) {
        return writers.syncs()
                .periodsToReconcile(
                        settings.named(settingsUuid).id(), YearMonth.now(clock).minusMonths(RETRIED_MONTHS));
    }

    /**
     * D105: whether the run syncs the month first, so that the lines Arrow added since its last sync are recorded (as
     * late lines of its frozen syncs, D95) and reconciled with the rest. Not a forced run of a month with synced syncs:
     * a sync would first bring those to Arrow's amounts, leaving the forced run nothing to correct (D4).
     */
    public boolean syncsFirst(Target target) {
        return !target.force() || !writers.syncs().hasSyncs(target.settings().id(), target.period(), SyncState.SYNCED);
    }

    public Report reconcile(Target target, Progress progress) {
        Settings chosen = settings.named(target.settings().uuid()).requireExportTemplate();
        try {
            // settled, and told of, in the commit that books it (D265, D269)
            return transactions.execute(status -> {
                Report report = within(
                        chosen,
                        target,
                        progress,
                        Run::finish,
                        month -> new Report(
                                target.period().toString(),
                                0,
                                0,
                                BigDecimal.ZERO,
                                Map.of(),
                                NOTHING_TO_RECONCILE,
                                List.of(),
                                0,
                                0,
                                0));
                if (report.compensations() > 0) {
                    events.publishEvent(new ReconciliationBooked(chosen.uuid(), report));
                }
                return progress.settled(report);
            });
        } catch (ArrowException | IncompleteExport | LinesWithoutLicense e) {
            transactions.executeWithoutResult(
                    status -> writers.syncs().recordError(chosen.id(), target.period(), e.getMessage(), writers.now()));
            throw e;
        }
    }

    /**
     * What {@link #reconcile} would book now, per customer, and on which month's invoice: the same run, rolled back, so
     * nothing is written (not even the error a failing export would leave).
     */
    public Preview preview(Target target) {
        Settings chosen = settings.named(target.settings().uuid()).requireExportTemplate();
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return within(chosen, target, Progress.NONE, Run::preview, month -> nothingToTake(chosen, target, month));
        });
    }

    /** The preview of a month with no sync the reconciliation takes; it still syncs the month first (D105). */
    private Preview nothingToTake(Settings chosen, Target target, List<BillingSync> month) {
        if (month.isEmpty()) {
            // never synced: the lines the reconciliation's own sync bills, counted (D216)
            return read(new Run(chosen, target, month, Progress.NONE)).preview().noted(NOT_SYNCED_YET);
        }
        // synced syncs and none to take: the reconciliation's own sync may validate them (D213)
        boolean synced = month.stream().anyMatch(sync -> sync.state() == SyncState.SYNCED);
        return new Preview(
                target.period().toString(),
                0,
                List.of(),
                BigDecimal.ZERO,
                Map.of(),
                synced ? NOT_VALIDATED_YET : NOTHING_TO_RECONCILE,
                0,
                List.of(),
                List.of());
    }

    /**
     * One run over Arrow's export of the month inside the caller's transaction, ended by {@code end}; a month with no
     * sync to take is answered by {@code nothingToDo} from the month's syncs.
     */
    private <T> T within(
            Settings chosen,
            Target target,
            Progress progress,
            Function<Run, T> end,
            Function<List<BillingSync>, T> nothingToDo) {
        writers.licenses().lockMonthForInvoicing(chosen.uuid(), target.period());
        List<BillingSync> month = writers.syncs().ofPeriod(chosen.id(), target.period());
        if (month.stream().noneMatch(sync -> sync.state().reconcilable(target.force()))) {
            return nothingToDo.apply(month);
        }
        return end.apply(read(new Run(chosen, target, month, progress)));
    }

    /** Arrow's export of the run's month, read through it. */
    private Run read(Run run) {
        ArrowClient client = clients.connect(run.settings.connection());
        ExportQuery query = ExportQuery.forPeriod(run.settings.exportTypeReference(), run.period);
        ReadAhead.<ExportPage>run(pages -> client.forEachExportPage(query, BillingLine.COLUMNS, pages), run::page);
        return run;
    }

    /**
     * One reconciliation, page by page; of the lines seen only their ids are kept, one bit each (and the few a cleanup
     * let go, D177, until the plan). Each billed item is compared with the row of its line reference, whatever that
     * row's customer columns say now (D29), at the price the rules give Arrow's final amount.
     */
    private final class Run {

        private final Settings settings;
        private final YearMonth period;
        /** Whether the operator forced the run, which also credits a customer Arrow's export leaves out (D224). */
        private final boolean force;

        private final PriceBook prices;
        private final Map<Long, BillingSync> syncs;
        /**
         * The month's other syncs (not reconciled by this run), whose lines are recorded all the same, with their
         * customer mappings.
         */
        private final Map<Long, Long> others;

        private final Map<Long, CustomerMapping> mappingsById = new HashMap<>();
        private final MappingIndex index;
        private final LineReport report;
        private final IdSet seen = new IdSet();
        /** The customer mappings of which the export lists a billed line at least (D224). */
        private final IdSet listed = new IdSet();
        /** Lines consumption tracking bills that Arrow no longer lists, found by {@link #plan}. */
        private final List<BillingSyncItem> droppedFromConsumption = new ArrayList<>();
        /** The license-months consumption tracking bills of which Arrow changed a line's amounts (D283). */
        private final Set<String> changedForConsumption = new TreeSet<>();

        private final Compensations compensations;
        private final LicenseMoves moves = new LicenseMoves();
        private final Progress progress;
        private long rows;
        private long usableRows;
        /** Lines of mapped customers that no sync recorded yet: a preview leaves them out (D105). */
        private long unsynced;
        /** The corrections this run does not book, for its preview to name. */
        private final List<RefusedPreview> refusals = new ArrayList<>();

        /** A run over the month's syncs ({@code month}) that it may reconcile, those its target takes. */
        Run(Settings settings, Target target, List<BillingSync> month, Progress progress) {
            this.settings = settings;
            this.period = target.period();
            this.force = target.force();
            this.prices = rules.book(settings);
            this.syncs = month.stream()
                    .filter(sync -> sync.state().reconcilable(target.force()))
                    .collect(Collectors.toMap(BillingSync::id, sync -> sync));
            this.others = month.stream()
                    .filter(sync -> !syncs.containsKey(sync.id()))
                    .collect(Collectors.toMap(BillingSync::id, BillingSync::mappingId));
            List<CustomerMapping> active = mappings.active(settings);
            active.forEach(mapping -> mappingsById.put(mapping.id(), mapping));
            this.index = new MappingIndex(active);
            this.report = new LineReport(progress);
            this.compensations = new Compensations(settings, period, writers);
            this.progress = progress;
        }

        void page(ExportPage page) {
            if (page.shortened()) {
                // D26: the export is not complete, and a line missing from it would be credited as removed. Unlike a
                // sync, which keeps what it did not see until a later run, reconciliation is final: it waits.
                throw IncompleteExport.rowsMissing(page.warnings(), period, "nothing was reconciled");
            }
            Map<String, BillingLineResult> byReference = new HashMap<>();
            for (ExportRow row : page.rows()) {
                rows++;
                BillingLineResult result = row.billingLine().ofMonth(period);
                if (result.reference() == null) {
                    // Could be any line of the customer it names: that customer loses no line this time.
                    report.unusable(result, index.match(result.line()));
                    continue;
                }
                if (!LineReport.isUnusable(result)) {
                    usableRows++;
                }
                // As in the sync, a repeated Sequence counts once.
                if (byReference.putIfAbsent(result.reference(), result) != null) {
                    progress.increment("duplicate_lines");
                }
            }
            List<FinalAmounts> changed = new ArrayList<>();
            List<RecordedForConsumption> consumptions = new ArrayList<>();
            // the lines priced anew (consumption tracking's, and those owing nothing now), written in one statement
            Map<Long, BigDecimal> settled = new HashMap<>();
            Set<String> unrecorded = new HashSet<>(byReference.keySet());
            for (BillingSyncItem item : writers.items().find(syncs.keySet(), byReference.keySet())) {
                unrecorded.remove(item.lineReference());
                listed.add(syncs.get(item.syncId()).mappingId());
                if (!seen.add(item.id())) {
                    progress.increment("duplicate_lines");
                    continue;
                }
                BillingLineResult result = byReference.get(item.lineReference());
                BillingSync sync = syncs.get(item.syncId());
                Optional<CustomerMapping> billedTo = Optional.ofNullable(mappingsById.get(sync.mappingId()));
                if (LineReport.isUnusable(result)) {
                    // Seen, so never credited as removed; not compared either, as its amount is unknown.
                    report.unusable(result, item.syncId());
                    continue;
                }
                BillingLine line = result.line();
                billedTo.ifPresent(mapping -> report.checkCustomer(line, mapping, index.match(line), item.syncId()));
                String currency = settings.currencyOf(line.currency());
                if (!item.billedIn(currency)) {
                    // D112: an amount in another currency is no final amount of what was billed
                    refused(item, sync, null, new Compensations.Refusal(item.currencyChangedTo(currency), false));
                    continue;
                }
                FinalAmounts amounts = FinalAmounts.of(item, line);
                boolean amountsChanged = amounts.differ(item);
                if (amountsChanged) {
                    changed.add(amounts);
                }
                Price price = prices.price(
                        period,
                        new ArrowAmount(
                                sync.customerId(),
                                item.vendorName(),
                                item.classification(),
                                line.sellTotal(),
                                line.buyTotal()));
                String movedTo = LicenseMoves.movedTo(item, line);
                if (movedTo != null) {
                    moves.add(item, sync, price, movedTo);
                } else if (item.billedVia() == BilledVia.CONSUMPTION) {
                    consumptions.add(new RecordedForConsumption(item, sync, price, amountsChanged));
                } else if (compensations
                                        .consider(item, sync, price.billed(), price, null)
                                        .signum()
                                == 0
                        && item.currentPrice().compareTo(price.billed()) != 0) {
                    // nothing owed: the price a correction waiting for an invoice left (D214) is what it bills (D246)
                    settled.put(item.id(), price.billed());
                }
            }
            if (!others.isEmpty() && !unrecorded.isEmpty()) {
                writers.items().find(others.keySet(), unrecorded).forEach(item -> {
                    unrecorded.remove(item.lineReference());
                    listed.add(others.get(item.syncId()));
                });
            }
            for (String reference : unrecorded) {
                BillingLineResult result = byReference.get(reference);
                Optional<CustomerMapping> named = index.match(result.line());
                if (LineReport.isUnusable(result)) {
                    // a line no sync billed that cannot be read, or of another month (D160): named, not unsynced
                    report.unusable(result, named);
                } else if (named.isPresent()) {
                    // a new line of the customer: its own sync records it (D105), so the customer is listed
                    listed.add(named.get().id());
                    unsynced++;
                }
            }
            letGo(consumptions, settled);
            writers.items().recordPrices(settled, writers.now());
            // Arrow's final amounts stay on the lines, so re-pricing and margin reports start from them.
            writers.items().recordFinalAmounts(changed, writers.now());
            progress.increment("pages");
        }

        /**
         * Of the page's lines recorded as consumption tracking's, those whose license-month it no longer bills (a
         * cleanup let it go, D165) are billed here, as a line moved to its own license (D177). The others are its: they
         * keep Arrow's final amount priced, which its finalisation bills, so that the month's priced total follows it
         * (D184), put in {@code prices} with the page's other lines priced anew. Asked per page: only those let go are
         * kept until the plan.
         */
        private void letGo(List<RecordedForConsumption> consumptions, Map<Long, BigDecimal> prices) {
            if (consumptions.isEmpty()) {
                return;
            }
            Map<String, BillingPath> owners = writers.licenses()
                    .owners(
                            consumptions.stream()
                                    .map(line -> line.item().licenseReference())
                                    .distinct()
                                    .toList(),
                            period);
            for (RecordedForConsumption line : consumptions) {
                if (owners.get(line.item().licenseReference()) != BillingPath.CONSUMPTION) {
                    moves.add(
                            line.item(), line.sync(), line.price(), line.item().licenseReference());
                } else {
                    prices.put(line.item().id(), line.price().billed());
                    if (line.changed()) {
                        changedForConsumption.add(line.item().licenseReference());
                    }
                }
            }
        }

        /** A page's line recorded as consumption tracking's, with its sync and Arrow's final amount priced. */
        private record RecordedForConsumption(BillingSyncItem item, BillingSync sync, Price price, boolean changed) {}

        /** The compensations the month needs, once every page is read. */
        private void plan() {
            if (usableRows == 0 && writers.items().anyIn(syncs.keySet())) {
                throw IncompleteExport.withoutLines(rows, period, report.firstProblem(), "nothing was reconciled");
            }
            // Removed lines too: one dropped while its invoice was closed still holds its charge until credited here.
            List<BillingSyncItem> unseen = writers.items().unseen(syncs.keySet(), null, true, seen).stream()
                    .filter(item ->
                            !report.keepsUnseenLines(syncs.get(item.syncId()).mappingId()))
                    .toList();
            // D224: a customer the export lists none of is credited only by a forced run
            LineReport.Unseen split = report.split(period, unseen, syncs, mapping -> force || listed.contains(mapping));
            for (BillingSyncItem item : split.dropped()) {
                if (item.billedVia() == BilledVia.CONSUMPTION) {
                    // its finalisation credits it; the line only leaves the month's priced total (D191)
                    droppedFromConsumption.add(item);
                } else {
                    compensations.consider(
                            item, syncs.get(item.syncId()), BigDecimal.ZERO, null, Compensations.LINE_REMOVED);
                }
            }
            // what a forced run would credit, for the preview; consumption tracking's lines are its finalisation's
            split.kept().stream()
                    .filter(item -> item.billedVia() != BilledVia.CONSUMPTION)
                    .forEach(item -> refusals.add(
                            RefusedPreview.of(item, syncs.get(item.syncId()), item.credit(), LEFT_OUT, false, true)));
            moves.plan(compensations, writers, period);
            // A correction that waits for an open invoice (D94) leaves Arrow's amount on its line, so the month's
            // priced
            // total shows what is still owed (D214); one never booked (a canceled month, D163) keeps it as billed
            // (D199).
            Map<Long, BigDecimal> owed = new HashMap<>();
            compensations.settle((c, refusal) -> {
                refused(c.item(), c.sync(), c.difference(), refusal);
                if (refusal.waitsForInvoice() && c.price() != null) {
                    owed.put(c.item().id(), c.arrowAmount());
                }
            });
            writers.items().recordPrices(owed, writers.now());
        }

        /**
         * A correction this run does not book, named on the job and on its sync, and kept for a preview;
         * {@code difference} is null where Arrow's amount is in another currency than the line's.
         */
        private void refused(
                BillingSyncItem item, BillingSync sync, BigDecimal difference, Compensations.Refusal refusal) {
            progress.increment("corrections_refused");
            progress.error(refusal.of(item.lineReference(), sync.customerName()));
            report.uncorrected(item.syncId(), item.lineReference(), refusal);
            refusals.add(RefusedPreview.of(item, sync, difference, refusal.why(), refusal.waitsForInvoice(), false));
        }

        Preview preview() {
            plan();
            Map<UUID, List<Compensation>> byCustomer = new LinkedHashMap<>();
            compensations.planned().stream()
                    .sorted(Comparator.comparing((Compensation c) -> c.sync().customerName())
                            .thenComparing(c -> c.item().lineReference()))
                    .forEach(c -> byCustomer
                            .computeIfAbsent(c.sync().customerUuid(), key -> new ArrayList<>())
                            .add(c));
            List<CustomerPreview> customers = new ArrayList<>();
            for (Map.Entry<UUID, List<Compensation>> entry : byCustomer.entrySet()) {
                List<Compensation> list = entry.getValue();
                BigDecimal sum = list.stream().map(Compensation::difference).reduce(BigDecimal.ZERO, BigDecimal::add);
                Invoice invoice = compensations.invoiceFor(entry.getKey());
                customers.add(new CustomerPreview(
                        entry.getKey(),
                        list.get(0).sync().customerName(),
                        invoice.period().toString(),
                        list.get(0).item().currency(),
                        list.size(),
                        sum,
                        list.stream()
                                .map(c -> new LinePreview(
                                        c.item().lineReference(),
                                        c.item().description(),
                                        c.item().billed(),
                                        c.target(),
                                        c.difference(),
                                        c.reason() == null ? "" : c.reason()))
                                .toList()));
            }
            Map<String, BigDecimal> totals =
                    totals(customers.stream().map(customer -> Map.entry(customer.currency(), customer.total())));
            List<RefusedPreview> refused = refusals.stream()
                    .sorted(Comparator.comparing(RefusedPreview::customerName)
                            .thenComparing(RefusedPreview::lineReference))
                    .toList();
            return new Preview(
                    period.toString(),
                    syncs.size(),
                    customers,
                    oneCurrency(totals),
                    totals,
                    "",
                    unsynced,
                    refused,
                    List.copyOf(changedForConsumption));
        }

        Report finish() {
            plan();
            compensations.book();
            List<String> dropped = writers.items().recordDropped(droppedFromConsumption, writers.now());
            writers.licenses().linesChanged(dropped, period);
            progress.add("lines_dropped", dropped.size());
            writers.licenses().linesChanged(changedForConsumption, period);
            progress.add("consumption_changed", changedForConsumption.size());
            int linesMoved = moves.record(compensations.planned(), writers, period);
            writers.runs().refreshLineTotals(syncs.keySet());
            // the month's vendors as its lines now add up (the month page's vendors without an offering mapping)
            writers.runs().recountVendorTotals(settings.id(), period);
            // not reconciled while a correction of its lines waits for an open invoice (D108, D219) or for Arrow to
            // list its customer again (D224)
            writers.syncs()
                    .saveReconciliation(
                            syncs.values().stream()
                                    .map(sync -> new BillingSyncRepository.Reconciled(
                                            sync.id(),
                                            report.waits(sync.id()) ? null : sync.markReconciled(true),
                                            report.notes(sync.mappingId(), sync.id())))
                                    .toList(),
                            writers.now());
            progress.add("compensations", compensations.size());
            List<CustomerAdjustment> customers = byCustomer();
            Map<String, BigDecimal> totals =
                    totals(customers.stream().map(customer -> Map.entry(customer.currency(), customer.amount())));
            return new Report(
                    period.toString(),
                    syncs.size(),
                    compensations.size(),
                    oneCurrency(totals),
                    totals,
                    "",
                    customers,
                    linesMoved,
                    dropped.size(),
                    changedForConsumption.size());
        }

        /** What was booked for each customer, per currency, in the order it was booked. */
        private List<CustomerAdjustment> byCustomer() {
            Map<CustomerCurrency, CustomerAdjustment> sums = new LinkedHashMap<>();
            for (Compensation c : compensations.planned()) {
                sums.merge(
                        new CustomerCurrency(c.sync().customerUuid(), c.item().currency()),
                        new CustomerAdjustment(
                                c.sync().customerUuid(),
                                c.sync().customerName(),
                                c.item().currency(),
                                1,
                                c.difference()),
                        (known, one) -> new CustomerAdjustment(
                                known.customerUuid(),
                                known.customerName(),
                                known.currency(),
                                known.compensations() + 1,
                                known.amount().add(one.amount())));
            }
            return List.copyOf(sums.values());
        }
    }

    private record CustomerCurrency(UUID customer, String currency) {}

    /** Amounts summed per currency, in the order of their codes. */
    private static Map<String, BigDecimal> totals(Stream<Map.Entry<String, BigDecimal>> amounts) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        amounts.forEach(amount -> totals.merge(amount.getKey(), amount.getValue(), BigDecimal::add));
        return totals;
    }

    /** The one currency's total; none (null) over several currencies, whose sum would mean nothing. */
    private static BigDecimal oneCurrency(Map<String, BigDecimal> totals) {
        return totals.size() > 1 ? null : totals.values().stream().findFirst().orElse(BigDecimal.ZERO);
    }

    static final String NOTHING_TO_RECONCILE = "No validated billing syncs to reconcile";

    /** Why the lines of a customer Arrow's final export leaves out are not credited (D224). */
    static final String LEFT_OUT = "Arrow's final export lists none of this customer's lines: kept until it"
            + " lists them again, or a forced reconciliation credits them";

    /**
     * A preview's note of a month no sync recorded: the reconciliation syncs it first (D105), which bills its lines as
     * a billing sync does, {@code unsyncedLines} of them; then it reconciles what Arrow has validated.
     */
    public static final String NOT_SYNCED_YET =
            "No billing sync of the month yet. Reconciling syncs the month first, which bills Arrow's lines of mapped"
                    + " customers at Arrow's amounts as a billing sync does (and validates the month if Arrow has made"
                    + " it final): there is nothing to correct yet.";

    /**
     * A preview's note of a month whose syncs are not validated yet: the reconciliation's own sync validates it if
     * Arrow has made it final since (D213), which a preview, writing nothing, cannot tell.
     */
    public static final String NOT_VALIDATED_YET =
            "No billing sync of the month is validated yet. Reconciling syncs the"
                    + " month first, which validates it if Arrow has made it final since its last sync, and then reconciles"
                    + " it; if Arrow has not, it books nothing.";

    public record Target(Settings settings, YearMonth period, boolean force) {}

    /**
     * What reconciling the month would book: per customer, the invoice month it lands on, its currency and each line's
     * difference; the totals per currency ({@code compensationTotal} when there is one currency, else null).
     */
    public record Preview(
            String period,
            int syncs,
            List<CustomerPreview> customers,
            BigDecimal compensationTotal,
            Map<String, BigDecimal> compensationTotals,
            String note,
            long unsyncedLines,
            List<RefusedPreview> refused,
            List<String> consumptionChanged) {

        /**
         * Whether a reconciliation may book anything: the month has syncs it takes, or its own sync may bill or
         * validate them first (D213, D216).
         */
        public boolean reconcilable() {
            return !NOTHING_TO_RECONCILE.equals(note);
        }

        /** Whether Arrow's export lists none of a customer's lines, which only a forced run credits (D224). */
        public boolean leavesOutCustomers() {
            return refused.stream().anyMatch(RefusedPreview::customerLeftOut);
        }

        Preview noted(String note) {
            return new Preview(
                    period,
                    syncs,
                    customers,
                    compensationTotal,
                    compensationTotals,
                    note,
                    unsyncedLines,
                    refused,
                    consumptionChanged);
        }
    }

    public record CustomerPreview(
            UUID customerUuid,
            String customerName,
            String invoicePeriod,
            String currency,
            int compensations,
            BigDecimal total,
            List<LinePreview> lines) {}

    /** One line's correction: what its invoices bill so far (D169), Arrow's final amount and the difference to book. */
    public record LinePreview(
            String lineReference,
            String description,
            BigDecimal charged,
            BigDecimal finalPrice,
            BigDecimal difference,
            String reason) {}

    /**
     * A correction the run would not book (D9, D94, D112, D163, D224), named as its job names it: the line, the
     * difference left out (null where Arrow's amount is in another currency than the line's) and why;
     * {@code waitsForInvoice}: a later reconciliation books it once the customer has an open invoice;
     * {@code customerLeftOut}: Arrow's export lists none of the customer's lines, and a forced run would credit it.
     */
    public record RefusedPreview(
            UUID customerUuid,
            String customerName,
            String lineReference,
            String description,
            String currency,
            BigDecimal difference,
            String why,
            boolean waitsForInvoice,
            boolean customerLeftOut) {

        static RefusedPreview of(
                BillingSyncItem item,
                BillingSync sync,
                BigDecimal difference,
                String why,
                boolean waitsForInvoice,
                boolean customerLeftOut) {
            return new RefusedPreview(
                    sync.customerUuid(),
                    sync.customerName(),
                    item.lineReference(),
                    item.description(),
                    item.currency(),
                    difference,
                    why,
                    waitsForInvoice,
                    customerLeftOut);
        }
    }

    /**
     * The outcome of a reconciliation, stored as the job's result; {@code customers} says what each one was booked, the
     * totals what was booked per currency ({@code compensationTotal} when there is one currency, else null),
     * {@code linesMoved} how many lines Arrow moved to or from a license-month that consumption tracking bills, which
     * took their new license here (D119), {@code linesDropped} how many lines of such license-months Arrow no longer
     * lists (D191), {@code consumptionChanged} how many of those license-months Arrow changed a line's amounts of
     * (D283): the finalisation of their month is due in each case.
     */
    public record Report(
            String period,
            int syncs,
            int compensations,
            BigDecimal compensationTotal,
            Map<String, BigDecimal> compensationTotals,
            String note,
            List<CustomerAdjustment> customers,
            int linesMoved,
            int linesDropped,
            int consumptionChanged) {

        /** Whether license-months consumption tracking bills changed here, which its finalisation must see. */
        public boolean changesConsumption() {
            return linesMoved > 0 || linesDropped > 0 || consumptionChanged > 0;
        }
    }

    /** The compensations booked for one customer in one currency, and their sum (negative: a credit). */
    public record CustomerAdjustment(
            UUID customerUuid, String customerName, String currency, int compensations, BigDecimal amount) {}
}
