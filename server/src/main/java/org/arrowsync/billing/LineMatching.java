package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.BillingLineResult;
import org.arrowsync.billing.BillingSyncRepository.SyncKey;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.MappingIndex;
import org.arrowsync.pricing.ArrowAmount;
import org.arrowsync.pricing.Price;
import org.arrowsync.pricing.PriceBook;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.Progress;

/**
 * The reading half of a sync run. A line is identified by its line reference (D29): one billed before in this month
 * stays with the sync that billed it, whatever its customer columns say now (a change is reported, not followed); a new
 * one is matched to a customer mapping (D13) and its sync, created a page at a time. Frozen syncs, repeated lines and
 * rows that cannot be used are left out and reported.
 */
final class LineMatching {

    private final Settings settings;
    private final PriceBook prices;
    private final YearMonth period;
    private final String licenseFilter;
    private final MappingIndex mappings;
    private final Map<Long, CustomerMapping> mappingsById = new HashMap<>();
    private final RunInvoices invoices;
    private final BillingWriters writers;
    private final Progress progress;
    private final LineReport report;
    private final Map<SyncOf, RunSync> syncs = new HashMap<>();
    private final Map<Long, RunSync> syncsById = new HashMap<>();
    private final Set<Unmatched> reportedUnmatched = new HashSet<>();
    private final Map<UnmatchedKey, UnmatchedCustomer> unmatched = new LinkedHashMap<>();
    private final IdSet seen;
    /** The syncs the run saw lines of. */
    private final IdSet touched = new IdSet();
    /** The customer mappings the export lists a line of: a billed one, readable or not, or a new one (D224). */
    private final IdSet listed = new IdSet();
    /** The frozen syncs a line came to after their month was validated (D95). */
    private final IdSet lateIn = new IdSet();
    /** Those of them with a line that carried no Validation Date (D6). */
    private final IdSet notValidated = new IdSet();

    private final boolean newMonth;
    private final Set<Long> openBefore;
    private final MetReferences metReferences = new MetReferences();
    /** A run limited to a license: its lines in the syncs {@link #openBefore}, by reference; else empty. */
    private final Map<String, KnownLine> licenseLines = new HashMap<>();

    private long rows;
    private long usableRows;
    private long lateLines;
    private long presentSeen;
    private long syncsCreated;
    private long syncsCreatedAtLastPlan;

    LineMatching(
            Settings settings,
            PriceBook prices,
            YearMonth period,
            String licenseFilter,
            List<CustomerMapping> mappings,
            RunInvoices invoices,
            BillingWriters writers,
            Progress progress,
            LineReport report,
            IdSet seen) {
        this.settings = settings;
        this.prices = prices;
        this.period = period;
        this.licenseFilter = licenseFilter;
        this.mappings = new MappingIndex(mappings);
        mappings.forEach(mapping -> mappingsById.put(mapping.id(), mapping));
        this.invoices = invoices;
        this.writers = writers;
        this.progress = progress;
        this.report = report;
        this.seen = seen;
        List<RunSync> before = writers.syncs().ofRun(settings.id(), period);
        this.newMonth = before.isEmpty();
        // D93: the syncs of a mapping deactivated since are not the run's to change: their lines are never removed, and
        // a line of theirs stays billed there (D29) whichever mapping its row would match now
        this.openBefore = before.stream()
                .filter(sync -> mappingsById.containsKey(sync.mappingId())
                        && !sync.state().frozen())
                .map(RunSync::id)
                .collect(Collectors.toUnmodifiableSet());
        before.forEach(this::remember);
        if (licenseFilter != null) {
            writers.items()
                    .knownOfLicense(openBefore, licenseFilter)
                    .forEach(line -> licenseLines.merge(line.lineReference(), line, LineMatching::preferred));
        }
    }

    /**
     * Whether the month had no sync when the run began: every line it has then is one the run wrote (the run holds the
     * month's lock), so none can be missing from the export.
     */
    boolean newMonth() {
        return newMonth;
    }

    /** The month's syncs of the run's (active) mappings that were not frozen when the run began. */
    Set<Long> openBefore() {
        return openBefore;
    }

    /** How many of the lines present (not removed) in the syncs {@link #openBefore} as the run began it has seen. */
    long presentSeen() {
        return presentSeen;
    }

    long rows() {
        return rows;
    }

    /** Rows with a line reference that could be read: an export without any is no export to sync from (D3). */
    long usableRows() {
        return usableRows;
    }

    long lateLines() {
        return lateLines;
    }

    /** Whether a line came to this frozen sync after its month was validated (D95). */
    boolean lateLinesIn(long syncId) {
        return lateIn.contains(syncId);
    }

    /**
     * The month's syncs as the run has them, in the order they were created: those it began with and those it created.
     * What a run's end reads of them (state, totals, currency, whether their lines are validated) nothing else changes
     * meanwhile: the run holds the month's lock, under which syncs are created, judged, reconciled and re-priced.
     */
    List<RunSync> syncs() {
        return syncsById.values().stream()
                .sorted(Comparator.comparingLong(RunSync::id))
                .toList();
    }

    /** Whether the export lists a line of the mapping's customer, as far as the run read it (D224). */
    boolean lists(long mappingId) {
        return listed.contains(mappingId);
    }

    /** Whether this run saw lines of the sync. */
    boolean touched(long syncId) {
        return touched.contains(syncId);
    }

    boolean linesValidated(long syncId) {
        return touched.contains(syncId) && !notValidated.contains(syncId);
    }

    /**
     * The page's lines that this run bills, each with its sync, the item billed for it before, and its amount; the
     * syncs the page's lines need and the month does not have yet are created here. A line billed before that did not
     * change since is only counted: it has nothing to write (D55).
     */
    Matched matchToSyncs(List<BillingLineResult> page) {
        List<BillingLineResult> wanted = new ArrayList<>(page.size());
        for (BillingLineResult result : page) {
            rows++;
            if (!LineReport.isUnusable(result)) {
                usableRows++;
            }
            if (licenseFilter == null || licenseFilter.equals(result.line().licenseReference())) {
                wanted.add(result);
            } else {
                nowOfAnotherLicense(result);
            }
        }
        Map<String, KnownLine> billed = billed(wanted);
        List<Parsed> parsed = new ArrayList<>();
        for (BillingLineResult result : wanted) {
            KnownLine known = result.reference() == null ? null : billed.get(result.reference());
            if (LineReport.isUnusable(result)) {
                if (known != null) {
                    // Seen, so the line stays as it was billed; a usable row with its reference later is a repeat.
                    saw(known);
                    report.unusable(result, known.syncId());
                } else {
                    report.unusable(result, mappings.match(result.line()));
                }
                continue;
            }
            BillingLine line = result.line();
            Optional<CustomerMapping> named = mappings.match(line);
            if (known != null) {
                RunSync billedIn = syncsById.get(known.syncId());
                CustomerMapping billedTo = mappingsById.get(billedIn.mappingId());
                if (billedTo == null) {
                    // D93: billed through a mapping deactivated since; it stays there, billed once
                    saw(known);
                    progress.increment("lines_of_inactive_mappings");
                    continue;
                }
                report.checkCustomer(line, billedTo, named, known.syncId());
                parsed.add(
                        new Parsed(line, billing(billedTo, billedIn), billedIn.statementReference(), known, billedIn));
            } else if (named.isPresent()) {
                listed.add(named.get().id());
                String statement = line.statementReference() != null
                                && !line.statementReference().isBlank()
                        ? line.statementReference()
                        : "SYNC-" + period + "-" + named.get().arrowReference();
                RunSync existing = syncs.get(new SyncOf(named.get().id(), statement));
                CustomerMapping mapping = existing == null ? named.get() : billing(named.get(), existing);
                parsed.add(new Parsed(line, mapping, statement, null, null));
            } else {
                unmatched(line);
            }
        }
        createSyncs(parsed);
        return matched(parsed);
    }

    /**
     * D100: the lines of a sync bill the customer it was made for, as its corrections do, also when its mapping has
     * been pointed at another customer since; the statements the month has no sync of yet go to the mapping's customer.
     */
    private static CustomerMapping billing(CustomerMapping mapping, RunSync sync) {
        return sync.customerUuid() == null
                ? mapping
                : mapping.billing(sync.customerId(), sync.customerUuid(), sync.customerName());
    }

    /**
     * In a run limited to a license, a row of another license that is one of this license's lines: Arrow moved the line
     * to another license since. It is seen, so this run does not take it off as dropped; the next full run bills it
     * where its row now says.
     */
    private void nowOfAnotherLicense(BillingLineResult result) {
        KnownLine known = result.reference() == null ? null : licenseLines.get(result.reference());
        if (known != null && saw(known)) {
            progress.increment("lines_of_another_license_now");
        }
    }

    /**
     * Marks a line billed before as seen by the run; returns false if it was seen already. A line is known as the run
     * began: those it writes are marked seen as they are written (a later page that finds one finds it seen), and its
     * {@code removed} is the one it had then, as the run changes a line only where it first sees it.
     */
    private boolean saw(KnownLine known) {
        markListed(known);
        boolean first = seen.add(known.id());
        if (first && !known.removed() && openBefore.contains(known.syncId())) {
            presentSeen++;
        }
        return first;
    }

    /** The export lists a line billed to the customer of the known line's mapping (D224). */
    private void markListed(KnownLine known) {
        listed.add(syncsById.get(known.syncId()).mappingId());
    }

    /** The lines of a page this run writes, and how many more it found unchanged. */
    record Matched(List<Line> lines, int unchanged) {

        int size() {
            return lines.size() + unchanged;
        }
    }

    /**
     * A usable line with its mapping and statement; a line billed before comes with its sync, a new one finds (or
     * creates) it by {@link #key}.
     */
    private record Parsed(
            BillingLine line, CustomerMapping mapping, String statement, KnownLine billed, RunSync billedIn) {

        SyncOf key() {
            return new SyncOf(mapping.id(), statement);
        }

        /**
         * The sync the line goes to: the one it was billed in, else its mapping's of its statement; null if none yet.
         */
        RunSync syncIn(Map<SyncOf, RunSync> syncs) {
            return billedIn != null ? billedIn : syncs.get(key());
        }
    }

    /**
     * The items this month already has for the rows' line references, in the syncs of the mapped customers. A new month
     * has only the lines this run wrote, so it is asked only for the references the run met before: in an earlier
     * batch, or earlier in this one when Arrow lists a line twice (then the database has neither copy), and the few
     * that {@link MetReferences} takes for met.
     */
    private Map<String, KnownLine> billed(List<BillingLineResult> results) {
        // A reference listed twice is asked twice; the index scan takes each key once
        List<String> references = new ArrayList<>(results.size());
        for (BillingLineResult result : results) {
            if (result.reference() != null && (!newMonth || metReferences.add(result.reference()))) {
                references.add(result.reference());
            }
        }
        if (references.isEmpty()) {
            return Map.of();
        }
        Map<String, KnownLine> billed = new HashMap<>(room(references.size()));
        // A reference billed twice (only older runs could do that) belongs to its line still present, else the first.
        writers.items()
                .known(syncsById.keySet(), references)
                .forEach(item -> billed.merge(item.lineReference(), item, LineMatching::preferred));
        return billed;
    }

    private static KnownLine preferred(KnownLine one, KnownLine other) {
        if (one.removed() != other.removed()) {
            return one.removed() ? other : one;
        }
        return one.id() < other.id() ? one : other;
    }

    /** The Arrow customers whose lines matched no mapping, with their lines and amounts, per currency. */
    List<UnmatchedCustomer> unmatched() {
        return List.copyOf(unmatched.values());
    }

    private void unmatched(BillingLine line) {
        progress.increment("unmatched_lines");
        String currency = currency(line);
        BigDecimal amount = settings.priceSource().choose(line.sellTotal(), line.buyTotal());
        unmatched.merge(
                new UnmatchedKey(
                        MappingIndex.name(line.companyName()),
                        MappingIndex.reference(line.customerReference()),
                        currency),
                new UnmatchedCustomer(
                        orEmpty(line.customerReference()), orEmpty(line.companyName()), currency, 1, amount),
                (known, one) -> new UnmatchedCustomer(
                        known.customerReference(),
                        known.companyName(),
                        currency,
                        known.lines() + 1,
                        known.amount().add(amount)));
        boolean anonymous = (line.companyName() == null || line.companyName().isBlank())
                && (line.customerReference() == null || line.customerReference().isBlank());
        if (reportedUnmatched.add(new Unmatched(
                MappingIndex.name(line.companyName()), MappingIndex.reference(line.customerReference()), anonymous))) {
            progress.error(
                    anonymous
                            ? "Export lines name no customer (no End User Company Name or ID), first "
                                    + line.lineReference() + ": new lines cannot be billed"
                            : "No customer mapping for Arrow customer '" + line.companyName() + "' ("
                                    + line.customerReference() + ")");
        }
    }

    private String currency(BillingLine line) {
        return settings.currencyOf(line.currency());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    /**
     * Unmatched lines are summed per Arrow customer (by name and id, as matching compares them: two customers of one
     * name are two, D279) and currency.
     */
    private record UnmatchedKey(String name, String reference, String currency) {}

    private void createSyncs(List<Parsed> parsed) {
        List<Parsed> unsynced =
                parsed.stream().filter(p -> p.syncIn(syncs) == null).toList();
        invoices.open(unsynced.stream().map(Parsed::mapping).toList());
        List<SyncKey> missing = unsynced.stream()
                .map(p -> new SyncKey(
                        p.mapping().id(),
                        p.statement(),
                        invoices.billedInvoice(p.mapping()).id()))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            writers.syncs().getOrCreateAll(missing, period, writers.now()).forEach(this::remember);
            syncsCreated += missing.size();
            planAgainAsSyncsGrow();
        }
    }

    /**
     * D82: each time the run has created twice as many syncs (and with them invoices and resources) as when the
     * connection last planned, its foreign-key checks are planned again before the batch's lines are written, so a
     * check planned over a nearly empty table does not scan the thousands of rows it grows to. A month of 20,000
     * customers plans about ten times.
     */
    private void planAgainAsSyncsGrow() {
        if (syncsCreated >= 2 * syncsCreatedAtLastPlan) {
            writers.plans().discard();
            syncsCreatedAtLastPlan = syncsCreated;
        }
    }

    private void remember(RunSync sync) {
        syncs.put(new SyncOf(sync.mappingId(), sync.statementReference()), sync);
        syncsById.put(sync.id(), sync);
    }

    /**
     * The lines of the page to write, each once: a line an earlier page or row already had is reported and left out
     * (Sequence is unique per line and month), so is an unchanged one; only the items of the lines left are read whole.
     * A line billed before is a repeat once its item was seen; a new one, once its reference was met in the page.
     */
    private Matched matched(List<Parsed> parsed) {
        List<Pending> pending = new ArrayList<>();
        Set<String> newInPage = new HashSet<>();
        int unchanged = 0;
        for (Parsed p : parsed) {
            RunSync sync = p.syncIn(syncs);
            BillingLine line = p.line();
            KnownLine known = p.billed();
            if (sync.state().frozen()) {
                if (known == null && newInPage.add(line.lineReference())) {
                    // D95: a line Arrow added after the month was validated is recorded, for reconciliation to bill
                    late(line, sync, p.mapping());
                    pending.add(new Pending(new Line(sync, p.mapping(), line, null, price(p), currency(line)), null));
                } else {
                    if (known != null) {
                        // its customer is listed, whatever the state of the sync that billed the line (D224, D237)
                        markListed(known);
                    }
                    progress.increment("frozen_lines");
                }
                continue;
            }
            boolean first = known != null ? saw(known) : newInPage.add(line.lineReference());
            if (!first) {
                repeated(line);
                continue;
            }
            touched.add(sync.id());
            if (!line.validated()) {
                notValidated.add(sync.id());
            }
            Price price = price(p);
            if (known != null
                    && known.unchanged(KnownLine.contentHash(price.billed(), line, price.terms()), currency(line))) {
                unchanged++;
                continue;
            }
            pending.add(new Pending(new Line(sync, p.mapping(), line, null, price, currency(line)), known));
        }
        return new Matched(withItems(pending), unchanged);
    }

    /** What the line bills: its Arrow amount priced by the rules for its customer. */
    private Price price(Parsed p) {
        BillingLine line = p.line();
        return prices.price(
                period,
                new ArrowAmount(
                        p.mapping().customerId(),
                        line.vendor(),
                        line.classification(),
                        line.sellTotal(),
                        line.buyTotal()));
    }

    private void late(BillingLine line, RunSync sync, CustomerMapping mapping) {
        lateLines++;
        lateIn.add(sync.id());
        progress.increment("late_lines");
        progress.error("Line " + line.lineReference() + " of " + mapping.customerName() + " came after "
                + sync.statementReference() + " was validated: recorded, for the month's reconciliation to bill, or"
                + " consumption tracking's finalisation where it bills the license (D95)");
    }

    /** A line to write and what was known of it before its item is read whole. */
    private record Pending(Line line, KnownLine known) {}

    /** The lines with the items billed for them before, read whole. */
    private List<Line> withItems(List<Pending> pending) {
        Map<Long, BillingSyncItem> items = new HashMap<>();
        writers.items()
                .byIds(pending.stream()
                        .map(Pending::known)
                        .filter(Objects::nonNull)
                        .map(KnownLine::id)
                        .toList())
                .forEach(item -> items.put(item.id(), item));
        return pending.stream()
                .map(p -> p.known() == null
                        ? p.line()
                        : p.line().billedAs(items.get(p.known().id())))
                .toList();
    }

    /** A hash table's capacity for {@code entries} without growing: each batch fills thousands. */
    private static int room(int entries) {
        return entries * 4 / 3 + 1;
    }

    private void repeated(BillingLine line) {
        progress.increment("duplicate_lines");
        progress.error("Line " + line.lineReference() + " appears twice in the export: the second one is ignored");
    }

    /** A customer mapping's sync of one statement: at most one per month. */
    private record SyncOf(long mappingId, String statement) {}

    /**
     * Unmatched lines are reported once per Arrow customer (its company name and id), and once for those that name no
     * customer.
     */
    private record Unmatched(String companyName, String reference, boolean anonymous) {}
}
