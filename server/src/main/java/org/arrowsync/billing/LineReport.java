package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.BillingLineResult;
import org.arrowsync.billing.BillingSyncRepository.Notes;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Progress;

/**
 * What a sync or reconciliation run found wrong with the export: rows missing from it (D26), lines it could not read
 * (D21) and billed lines whose customer columns no longer name the customer they were billed to (D29). Each is reported
 * on the job as it is found, and at the end on the syncs it concerns ({@code line_errors} and {@code error_message}):
 * the line's own sync when it was billed, else every sync of the customer the row names (a customer has one per vendor
 * program). It also says whether the export is complete for a customer: only then may a line of that customer the run
 * did not see be taken as removed.
 */
final class LineReport {

    /** Problems named in a sync's error message; the job keeps more. */
    static final int KEPT = 3;

    private final Progress progress;
    private final Map<Long, Problems> byMapping = new HashMap<>();
    private final Map<Long, Problems> bySync = new HashMap<>();
    private final Set<Mismatch> reportedMismatches = new HashSet<>();
    private final List<String> missingRows = new ArrayList<>();
    private long unusable;
    private long refused;
    private String firstProblem;

    LineReport(Progress progress) {
        this.progress = progress;
    }

    /** A row the run cannot use for billing: unreadable, or without a line reference. */
    static boolean isUnusable(BillingLineResult result) {
        return !result.isValid() || result.reference() == null;
    }

    /** What made the run's first unusable row so; null when every row was usable. */
    String firstProblem() {
        return firstProblem;
    }

    /** Reports an unusable row of a line billed before: seen, so it stays as it was billed, on its own sync. */
    void unusable(BillingLineResult result, long billedSyncId) {
        unreadable(bySync.computeIfAbsent(billedSyncId, id -> new Problems()), result);
    }

    /**
     * Reports an unusable row of no billed line; {@code mapping} is whose line it is, when anything tells. A row
     * without a line reference may stand for any line of its customer, so that customer keeps every line it was billed
     * for in this run.
     */
    void unusable(BillingLineResult result, Optional<CustomerMapping> mapping) {
        Problems problems = mapping.map(m -> byMapping.computeIfAbsent(m.id(), id -> new Problems()))
                .orElseGet(Problems::new);
        unreadable(problems, result);
        problems.keepsUnseenLines |= result.reference() == null;
    }

    private void unreadable(Problems problems, BillingLineResult result) {
        String problem = result.isValid()
                ? "export line of '" + result.line().companyName() + "' (license "
                        + result.line().licenseReference() + ") has no Sequence or Order Id"
                : result.problem();
        progress.increment("invalid_lines");
        unusable++;
        if (firstProblem == null) {
            firstProblem = problem;
        }
        progress.error(problem);
        problems.unreadable++;
        problems.keep(problems.firstUnreadable, problem);
    }

    /**
     * Reports a line the run could use but not invoice (another currency than its invoice, D9; no open invoice, D94; a
     * canceled month, D163): nothing is recorded for it, so a later sync tries it again, which bills it where it
     * {@code mayPass} (an invoice opened, Arrow's currency as before), never in a canceled month.
     */
    void refused(long syncId, String lineReference, String why, boolean mayPass) {
        refused++;
        Problems problems = bySync.computeIfAbsent(syncId, id -> new Problems());
        problems.refused++;
        if (mayPass) {
            problems.refusedForNow++;
        }
        problems.keep(problems.firstRefused, lineReference + ": " + why);
    }

    /**
     * Reports a correction reconciliation could not book (another currency than its invoice, D9; no open invoice, D94).
     * One waiting for an open invoice keeps its sync from being marked reconciled, so that a later reconciliation tries
     * it again (D108); one in another currency waits for the operator.
     */
    void uncorrected(long syncId, String lineReference, Compensations.Refusal refusal) {
        Problems problems = bySync.computeIfAbsent(syncId, id -> new Problems());
        problems.uncorrected++;
        if (refusal.waitsForInvoice()) {
            problems.waitingForInvoice++;
        }
        problems.keep(problems.firstUncorrected, lineReference + ": " + refusal.why());
    }

    /**
     * D224: splits the lines a run did not see ({@code unseen}, each of one of {@code syncs}) by customer: those of a
     * customer mapping the export {@code lists} a line of were dropped by Arrow; those of a customer it lists none of,
     * while it lists others', are kept, neither removed nor credited, and reported once per customer on the job and on
     * their syncs ({@link #waits}), in the same words by a sync and the reconciliation after it, so that a job that
     * runs both lists them once.
     */
    Unseen split(
            YearMonth period,
            List<BillingSyncItem> unseen,
            Map<Long, ? extends CustomerSync> syncs,
            LongPredicate lists) {
        List<BillingSyncItem> dropped = new ArrayList<>();
        Map<Long, List<BillingSyncItem>> leftOut = new LinkedHashMap<>();
        for (BillingSyncItem item : unseen) {
            long mapping = syncs.get(item.syncId()).mappingId();
            if (lists.test(mapping)) {
                dropped.add(item);
            } else {
                leftOut.computeIfAbsent(mapping, key -> new ArrayList<>()).add(item);
            }
        }
        List<BillingSyncItem> kept = new ArrayList<>();
        leftOut.values()
                .forEach(items -> kept.addAll(
                        leftOut(period, syncs.get(items.get(0).syncId()).customerName(), items)));
        return new Unseen(dropped, kept);
    }

    /**
     * The lines a run did not see, split ({@link #split}): those Arrow dropped, and those kept of customers left out
     * whole that still charge something, or that consumption tracking bills.
     */
    record Unseen(List<BillingSyncItem> dropped, List<BillingSyncItem> kept) {}

    /** Reports one customer left out whole ({@link #split}) with its unseen lines; returns those it keeps. */
    private List<BillingSyncItem> leftOut(YearMonth period, String customerName, List<BillingSyncItem> items) {
        List<BillingSyncItem> charging = items.stream()
                .filter(item -> item.billedVia() == BilledVia.CONSUMPTION
                        ? !item.removed()
                        : item.credit().signum() != 0)
                .toList();
        if (charging.isEmpty()) {
            return charging;
        }
        Map<String, BigDecimal> billed = new TreeMap<>();
        charging.stream()
                .filter(item -> item.billedVia() != BilledVia.CONSUMPTION)
                .forEach(item ->
                        billed.merge(item.currency(), Money.rounded(item.billed(), item.currency()), BigDecimal::add));
        boolean consumption = charging.stream().anyMatch(item -> item.billedVia() == BilledVia.CONSUMPTION);
        progress.increment("customers_left_out");
        progress.error("Arrow's export of " + period + " lists none of the " + lines(charging.size()) + " billed to "
                + customerName + " (" + billedText(billed) + "), while it lists other customers' lines: nothing was"
                + " removed or credited. The month's next run looks again; if Arrow really dropped this customer's"
                + " month, a forced reconciliation credits " + (charging.size() == 1 ? "it" : "them")
                + " once the month is final"
                + (consumption
                        ? " (a forced consumption finalisation the license-months consumption tracking bills)"
                        : ""));
        charging.stream()
                .collect(Collectors.groupingBy(BillingSyncItem::syncId, Collectors.counting()))
                .forEach((syncId, count) ->
                        bySync.computeIfAbsent(syncId, id -> new Problems()).leftOut = count.intValue());
        return charging;
    }

    /** What lines' invoices bill, per currency ("12.50 EUR, 3.00 USD on their invoices"). */
    private static String billedText(Map<String, BigDecimal> totals) {
        return totals.isEmpty()
                ? "billed through consumption tracking"
                : totals.entrySet().stream()
                                .map(total -> total.getValue().toPlainString() + " " + total.getKey())
                                .collect(Collectors.joining(", "))
                        + " on their invoices";
    }

    private static String lines(long count) {
        return count + (count == 1 ? " line" : " lines");
    }

    /**
     * Whether the sync is left to a later reconciliation: a correction of its lines waits for an open invoice
     * ({@link #uncorrected}, D108), or the export leaves its customer out ({@link #split}, D224).
     */
    boolean waits(long syncId) {
        Problems problems = bySync.get(syncId);
        return problems != null && (problems.waitingForInvoice > 0 || problems.leftOut > 0);
    }

    /** How many rows the run could not use (unreadable, or without a line reference) or could not invoice. */
    long rejected() {
        return unusable + refused;
    }

    /**
     * Reports a billed line whose row now names another customer, or none of the mapped ones: it stays with the
     * customer it was billed to (D29). A row naming no customer at all (a template without customer columns) is no
     * mismatch.
     */
    void checkCustomer(BillingLine line, CustomerMapping billedTo, Optional<CustomerMapping> named, long billedSyncId) {
        boolean namesACustomer = !blank(line.companyName()) || !blank(line.customerReference());
        if (!namesACustomer || named.map(m -> m.id() == billedTo.id()).orElse(false)) {
            return;
        }
        progress.increment("customer_mismatches");
        String now = "'" + line.companyName() + "'"
                + (blank(line.customerReference()) ? "" : " (" + line.customerReference() + ")");
        if (reportedMismatches.add(new Mismatch(billedTo.id(), now))) {
            progress.error("Lines billed to Arrow customer '" + billedTo.arrowCompanyName() + "' ("
                    + billedTo.arrowReference() + ") now name " + now + " in the export (first: " + line.lineReference()
                    + "): they stay with that customer, matched by their line reference; update the customer mapping"
                    + " if Arrow renamed the customer");
        }
        Problems problems = bySync.computeIfAbsent(billedSyncId, id -> new Problems());
        problems.mismatches++;
        problems.keep(problems.firstMismatches, now);
    }

    /**
     * Reports the warnings of an export page with fewer rows than its pagination promises (D26), none for a whole page:
     * rows of the export are missing, and could be any customer's lines.
     */
    void rowsMissing(List<String> warnings) {
        warnings.forEach(warning -> progress.error(warning + "; no line was removed"));
        missingRows.addAll(warnings);
    }

    /**
     * Whether lines of this mapping that the run did not see must be kept (not removed, not credited) this time: the
     * export is not complete for this customer, because rows are missing from it (D26) or one of this customer's rows
     * has no line reference (D29).
     */
    boolean keepsUnseenLines(long mappingId) {
        Problems problems = byMapping.get(mappingId);
        return !missingRows.isEmpty() || problems != null && problems.keepsUnseenLines;
    }

    /** What to note on a sync; an empty message when nothing was wrong. */
    Notes notes(long mappingId, long syncId) {
        Problems problems = new Problems();
        problems.add(byMapping.get(mappingId));
        problems.add(bySync.get(syncId));
        List<String> parts = new ArrayList<>();
        if (!missingRows.isEmpty()) {
            parts.add("Arrow's export was incomplete ("
                    + String.join("; ", missingRows.subList(0, Math.min(KEPT, missingRows.size())))
                    + "): no line was removed");
        }
        parts.addAll(problems.messages());
        return new Notes(String.join(". ", parts), problems.unreadable + problems.refused);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static final class Problems {
        private int unreadable;
        private int mismatches;
        private int refused;
        /** Of {@link #refused}, those a later sync may bill: not of a canceled month. */
        private int refusedForNow;

        private int uncorrected;
        private int waitingForInvoice;
        private boolean keepsUnseenLines;
        /**
         * How many of the sync's lines the export leaves out, when it lists none of its customer's ({@link #split}).
         */
        private int leftOut;

        private final List<String> firstUnreadable = new ArrayList<>();
        private final List<String> firstMismatches = new ArrayList<>();
        private final List<String> firstRefused = new ArrayList<>();
        private final List<String> firstUncorrected = new ArrayList<>();

        void keep(List<String> first, String text) {
            if (first.size() < KEPT && !first.contains(text)) {
                first.add(text);
            }
        }

        void add(Problems other) {
            if (other != null) {
                unreadable += other.unreadable;
                mismatches += other.mismatches;
                refused += other.refused;
                refusedForNow += other.refusedForNow;
                uncorrected += other.uncorrected;
                waitingForInvoice += other.waitingForInvoice;
                leftOut += other.leftOut;
                other.firstUnreadable.forEach(text -> keep(firstUnreadable, text));
                other.firstMismatches.forEach(text -> keep(firstMismatches, text));
                other.firstRefused.forEach(text -> keep(firstRefused, text));
                other.firstUncorrected.forEach(text -> keep(firstUncorrected, text));
            }
        }

        List<String> messages() {
            List<String> parts = new ArrayList<>();
            if (leftOut > 0) {
                parts.add("Arrow's export lists none of its " + lines(leftOut)
                        + ", while it lists other customers': nothing"
                        + " was removed or credited; a later run looks again, and a forced reconciliation credits them"
                        + " if Arrow dropped this customer's month");
            }
            if (unreadable > 0) {
                parts.add(unreadable + (unreadable == 1 ? " export line" : " export lines")
                        + " could not be used (what was billed for them before is left as it is): "
                        + String.join("; ", firstUnreadable));
            }
            if (mismatches > 0) {
                parts.add(mismatches + (mismatches == 1 ? " line now names" : " lines now name")
                        + " another customer in the export (" + String.join(", ", firstMismatches)
                        + "): kept with this customer by their line reference, nothing credited;"
                        + " update the customer mapping if Arrow renamed the customer");
            }
            if (refused > 0) {
                // a line of a canceled month is never billed (D163): no later sync is promised for it
                String later = later(
                        refusedForNow,
                        refused,
                        ", and a later sync tries again",
                        " (a later sync tries the " + refusedForNow + " not of a canceled month again)");
                parts.add(refused + (refused == 1 ? " line was" : " lines were") + " not invoiced" + later + ": "
                        + String.join("; ", firstRefused));
            }
            if (uncorrected > 0) {
                // only those waiting for an open invoice are booked later (D94), not those of a canceled month or in
                // another currency than their invoice (D163, D9)
                String later = later(
                        waitingForInvoice,
                        uncorrected,
                        " (a later reconciliation books them once their customer has an open invoice)",
                        " (a later reconciliation books the " + waitingForInvoice + " waiting for an open invoice)");
                parts.add(uncorrected + (uncorrected == 1 ? " correction was" : " corrections were") + " not booked"
                        + later + ": " + String.join("; ", firstUncorrected));
            }
            return parts;
        }
    }

    /**
     * What a later run does of {@code all} lines or corrections left, {@code passing} of which it may still take: said
     * of them all, of some, or nothing when none.
     */
    private static String later(int passing, int all, String ofAll, String ofSome) {
        return passing == 0 ? "" : passing == all ? ofAll : ofSome;
    }

    /** Lines billed to one mapping that now name another customer are reported once per name. */
    private record Mismatch(long mappingId, String namedNow) {}
}
