package org.arrowsync.consumption;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.BillingLineResult;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.arrowclient.ExportRow;
import org.arrowsync.consumption.LicenseMonthBilling.Pricing;
import org.arrowsync.consumption.LicenseMonthBilling.Result;
import org.arrowsync.consumption.LicenseMonthBilling.Totals;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.mappings.MappingIndex;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.DatabaseConnectionLost;
import org.arrowsync.shared.FailureMessages;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.arrowsync.shared.ValidationGrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Finalisation (the reference's {@code check_and_reconcile_billing}): the billing export of a month gives each
 * license's final amounts (lines matched by {@code ARS Subscription ID}); pending records of the settings' customers
 * are finalised and compensated. A month is finalised once it is over, a license's month once Arrow validated its lines
 * or the month's validation grace is over (D96). A finalised record is finalised again when Arrow's amounts for it
 * changed since (D109: only the difference not booked yet is). {@code force} finalises an open month and lines Arrow
 * has not validated, and re-checks every finalised record.
 */
@Service
public class FinalisationService {

    private static final Logger log = LoggerFactory.getLogger(FinalisationService.class);
    /** The license-months a message names of a customer's left out (D224); it counts them all. */
    private static final int NAMED_LICENSES = 3;

    /** How many months back the schedule finalises a month still unfinalised (D124), as D108 reconciles them. */
    static final int SCHEDULED_MONTHS_BACK = 3;

    private final ConsumptionRecordRepository records;
    private final LicenseMonthBilling finaliser;
    private final ArrowClients clients;
    private final CustomerMappingService mappings;
    private final LicenseBilling claims;
    private final ValidationGrace grace;
    private final RetiredRecords retired;
    private final RecordCountFolds folds;
    private final Clock clock;

    FinalisationService(
            ConsumptionRecordRepository records,
            LicenseMonthBilling finaliser,
            ArrowClients clients,
            CustomerMappingService mappings,
            LicenseBilling claims,
            ValidationGrace grace,
            RetiredRecords retired,
            RecordCountFolds folds,
            Clock clock) {
        this.records = records;
        this.finaliser = finaliser;
        this.clients = clients;
        this.mappings = mappings;
        this.claims = claims;
        this.grace = grace;
        this.retired = retired;
        this.folds = folds;
        this.clock = clock;
    }

    /**
     * D124: the months before the previous one, back to {@link #SCHEDULED_MONTHS_BACK}, with records of these settings
     * not finalised yet: a month whose finalisation did not succeed while it was the previous one (the sync paused,
     * Arrow's export short, the server down) is finalised once it can be, not left at its provisional amounts. Older
     * ones are finalised on request; a month Arrow has no billing data for would otherwise read its export every run,
     * for ever.
     */
    public List<YearMonth> olderMonthsUnfinalised(Settings settings) {
        YearMonth current = YearMonth.now(clock);
        return records.monthsUnfinalised(
                settings.id(), current.minusMonths(SCHEDULED_MONTHS_BACK), current.minusMonths(1));
    }

    public FinalisationReport finalise(SyncOrder order, Progress progress) {
        Settings settings = order.settings();
        if (!order.force() && !order.period().isBefore(YearMonth.now(clock))) {
            return FinalisationReport.status("month_open");
        }
        settings.requireExportTemplate();
        retired.adopt(settings, progress);
        // Finalised records too: one whose lines Arrow changed since is finalised again (D109)
        List<ConsumptionRecord> month =
                records.ofSettingsMonth(settings.id(), order.period().atDay(1));
        if (month.isEmpty()) {
            progress.add("records", 0);
            return FinalisationReport.status("no_records");
        }
        Set<String> licenses =
                month.stream().map(ConsumptionRecord::licenseReference).collect(Collectors.toSet());
        // read before the export: a move a reconciliation commits after this stays due for the next run (D119)
        Map<String, Long> moves = claims.movesUnfinalised(order.period());
        moves.keySet().retainAll(licenses);
        Export export = export(settings, order.period(), licenses, progress);
        List<ConsumptionRecord> due = month.stream()
                .filter(record -> order.force() || !record.isFinalized() || changedSince(record, export))
                .toList();
        progress.add("records", due.size());
        if (!export.missing().isEmpty()) {
            // D26: a license's lines may be among the rows missing; finalising on the others would book a wrong total
            export.missing().forEach(warning -> progress.error(warning + "; nothing was finalised"));
            return FinalisationReport.status("export_incomplete");
        }
        if (export.lines() == 0) {
            // D3: an empty export changes nothing.
            return FinalisationReport.status("no_data");
        }
        if (export.licensedLines() == 0) {
            // D238: an export whose lines name no license tells no license's final amount, forced or not
            progress.error("No line of " + order.period() + " in Arrow's export (" + export.lines() + " lines) names a"
                    + " license (its template lacks the ARS Subscription ID column, or Arrow left it empty): nothing"
                    + " was finalised");
            return FinalisationReport.status("no_license_data");
        }
        Pricing pricing = finaliser.pricing(settings);
        FinalisationReport.Builder report = new FinalisationReport.Builder();
        Set<String> unsettled = new HashSet<>();
        Map<Long, List<ConsumptionRecord>> leftOut = new LinkedHashMap<>();
        Set<Long> listed = listedCustomers(month, export);
        for (ConsumptionRecord record : due) {
            String unreadable = export.unreadable().get(record.licenseReference());
            if (unreadable != null) {
                // Its final amount is unknown: finalising on the lines that could be read would book a wrong
                // difference.
                String message = "lines of license " + record.licenseReference()
                        + " in the export could not be read (the first: " + unreadable + "); not finalised";
                report.error(Uuids.hex(record.uuid()), message);
                progress.error(message);
                unsettled.add(record.licenseReference());
                continue;
            }
            Totals totals = totalsOf(record, export);
            if ((totals == Totals.DROPPED || totals == Totals.MOVED_AWAY)
                    && !order.force()
                    && !listed.contains(record.customerId())) {
                // D224: the export lists none of the customer's lines; a customer left out whole is not credited, nor
                // is a license whose lines moved to the customer's others, which the export then lacks as well (D238)
                leftOut.computeIfAbsent(record.customerId(), customer -> new ArrayList<>())
                        .add(record);
                unsettled.add(record.licenseReference());
                continue;
            }
            if (totals == null) {
                report.noBillingData++;
                progress.increment("no_billing_data");
                unsettled.add(record.licenseReference());
                continue;
            }
            if (!totals.validated() && !order.force() && !grace.over(order.period(), clock.instant())) {
                // D96: Arrow may still correct these lines; the provisional item stays until it validates them
                report.awaitingValidation++;
                progress.increment("awaiting_validation");
                unsettled.add(record.licenseReference());
                continue;
            }
            try {
                Result result = finaliser.finalise(record, totals, pricing, order.force() || record.isFinalized());
                folds.written();
                report.count(result);
                progress.increment(result.name().toLowerCase());
                if (result == Result.FINALIZED || result == Result.COMPENSATED) {
                    warnIfBilledToAnother(record, export, report, progress);
                }
                if (result == Result.MONTH_CANCELED) {
                    String message = "license " + record.licenseReference() + " finalised, its difference not"
                            + " corrected: the customer's invoice of " + order.period() + " was canceled (D163)";
                    report.error(Uuids.hex(record.uuid()), message);
                    progress.error(message);
                }
            } catch (RuntimeException e) {
                // D21: whatever one license-month throws (its own transaction rolled back), the other records still
                // finalise; but a lost database connection fails the run, which runs again (D62).
                DatabaseConnectionLost.rethrowIfCauses(e);
                String message = FailureMessages.ofOne(e, log, "Finalisation of license " + record.licenseReference());
                report.error(Uuids.hex(record.uuid()), message);
                progress.error(record.licenseReference() + ": " + message);
                unsettled.add(record.licenseReference());
            }
        }
        leftOut.values().forEach(records -> keptLeftOut(records, order.period(), report, progress));
        // D119: the moves this run saw are booked, but for the license-months it could not finalise
        moves.keySet().removeAll(unsettled);
        claims.movesFinalised(moves, order.period());
        folds.runEnded();
        return report.build();
    }

    /**
     * The operator customers the export lists a line of (D224): those the customer columns of its lines naming a
     * license (D238) name through an active mapping, and those of the month's records whose license it lists, readable
     * or not, whatever became of their mapping (D114) or of the name Arrow gives the customer (D29).
     */
    private static Set<Long> listedCustomers(List<ConsumptionRecord> month, Export export) {
        Set<Long> listed = new HashSet<>(export.customers());
        month.stream()
                .filter(record -> export.totals().containsKey(record.licenseReference())
                        || export.unreadable().containsKey(record.licenseReference()))
                .forEach(record -> listed.add(record.customerId()));
        return listed;
    }

    /**
     * D224: the finalised license-months of a customer the export lists no line of, while it lists others', are not
     * credited as dropped (D115) but named, once for the customer, until Arrow lists it again or a forced finalisation
     * credits them.
     */
    private static void keptLeftOut(
            List<ConsumptionRecord> records, YearMonth period, FinalisationReport.Builder report, Progress progress) {
        ConsumptionRecord first = records.get(0);
        String message = "Arrow's final export of " + period + " lists no line of customer '" + first.customerName()
                + "', while it lists other customers' lines: " + records.size()
                + (records.size() == 1 ? " finalised license-month" : " finalised license-months") + " (first: "
                + records.stream()
                        .limit(NAMED_LICENSES)
                        .map(ConsumptionRecord::licenseReference)
                        .collect(Collectors.joining(", "))
                + ") not credited. The month's next finalisation looks again; if Arrow really dropped this customer's"
                + " month, a forced finalisation credits them";
        progress.increment("customers_left_out");
        progress.error(message);
        report.error(Uuids.hex(first.uuid()), message);
    }

    /**
     * D118: the export names the Arrow customer it bills a license to; when that customer is mapped to an operator
     * customer other than the one whose resource carries the license, consumption tracking billed the wrong customer.
     * The month is finalised all the same (its provisional item may be on a closed invoice, and a record on the wrong
     * customer corrected nowhere would be worse), and the run says so, by name, so the operator settles what the two
     * customers were billed and carries the license on a resource of the right customer from then on.
     */
    private static void warnIfBilledToAnother(
            ConsumptionRecord record, Export export, FinalisationReport.Builder report, Progress progress) {
        CustomerMapping billedTo = export.billedTo().get(record.licenseReference());
        if (billedTo == null || billedTo.customerId() == record.customerId()) {
            return;
        }
        String message = "Arrow bills license " + record.licenseReference() + " of " + record.period() + " to "
                + billedTo.described() + ", but consumption tracking billed it to customer '" + record.customerName()
                + "', whose resource '" + record.resourceName() + "' carries it (D118)";
        report.error(Uuids.hex(record.uuid()), message);
        progress.increment("billed_to_another_customer");
        progress.error(message);
    }

    /**
     * Whether the export's amounts of a finalised license-month differ from those it was finalised with: Arrow
     * corrected or added a line since (D109). A license whose lines could not be read counts as changed, to be
     * reported.
     */
    private static boolean changedSince(ConsumptionRecord record, Export export) {
        if (export.unreadable().containsKey(record.licenseReference())) {
            return true;
        }
        Totals totals = totalsOf(record, export);
        // compared as stored: a total with more decimals than the record keeps would differ at every run
        return totals != null
                && (record.finalSell() == null
                        || record.finalSell().compareTo(Money.stored(totals.sell())) != 0
                        || record.finalBuy() == null
                        || record.finalBuy().compareTo(Money.stored(totals.buy())) != 0);
    }

    /**
     * The export's totals of the record's license; null when it lists none. A finalised record's license that a
     * complete export no longer lists was dropped by Arrow, which now bills it nothing (D115): its lines were found
     * under this very reference, so it is not one Arrow writes otherwise (D96). A license whose lines a reconciliation
     * saw Arrow move to other licenses, which bill them, is billed nothing at once, finalised or not (D119). Read only
     * once the export is known complete.
     */
    private static Totals totalsOf(ConsumptionRecord record, Export export) {
        Totals totals = export.totals().get(record.licenseReference());
        if (totals != null || export.lines() == 0 || !export.missing().isEmpty()) {
            return totals;
        }
        if (export.movedAway().contains(record.licenseReference())) {
            return Totals.MOVED_AWAY;
        }
        return record.isFinalized() ? Totals.DROPPED : null;
    }

    /**
     * The export's totals for the licenses asked about, read page by page (memory follows the licenses, not the
     * export). Only the license reference, the customer, the amounts and the line reference are read: a line Arrow
     * lists twice counts once, as in the billing sync (remembered for the licenses asked about only). A license with a
     * line that cannot be read has no total. Each license's lines are matched to the settings' active mappings as the
     * billing sync matches them, for D118.
     */
    private Export export(Settings settings, YearMonth period, Set<String> licenses, Progress progress) {
        MappingIndex customers = new MappingIndex(mappings.active(settings));
        Map<String, CustomerMapping> billedTo = new HashMap<>();
        Map<String, Totals> totals = new HashMap<>();
        Map<String, String> unreadable = new HashMap<>();
        Set<String> counted = new HashSet<>();
        Set<Long> listed = new HashSet<>();
        LineCounts counts = new LineCounts();
        List<String> missing = new ArrayList<>();
        ExportQuery query = ExportQuery.forPeriod(settings.exportTypeReference(), period);
        clients.connect(settings.connection()).forEachExportPage(query, BillingLine.COLUMNS, page -> {
            if (page.shortened()) {
                missing.addAll(page.warnings());
            }
            for (ExportRow row : page.rows()) {
                counts.lines++;
                BillingLineResult read = row.billingLine();
                BillingLineResult result = read.ofMonth(period);
                BillingLine line = result.line();
                if (!result.isValid()) {
                    progress.increment("invalid_lines");
                    progress.error(result.problem());
                }
                if (read.isValid() && !result.isValid()) {
                    continue; // another month's line, read whole: no part of this month's total (D160)
                }
                if (line.licenseReference() == null) {
                    // D238: a line that names no license lists no customer: it cannot tell which license it bills
                    continue;
                }
                counts.licensed++;
                Optional<CustomerMapping> named = customers.match(line);
                named.ifPresent(mapping -> listed.add(mapping.customerId()));
                if (!licenses.contains(line.licenseReference())) {
                    continue;
                }
                if (result.reference() != null && !counted.add(result.reference())) {
                    progress.increment("duplicate_lines");
                    continue;
                }
                named.ifPresent(mapping -> billedTo.putIfAbsent(line.licenseReference(), mapping));
                if (result.isValid()) {
                    totals.merge(
                            line.licenseReference(),
                            Totals.of(
                                    line.sellTotal(),
                                    line.buyTotal(),
                                    line.currency(),
                                    LicenseKind.of(line),
                                    line.validated()),
                            Totals::plus);
                } else {
                    unreadable.putIfAbsent(line.licenseReference(), result.problem());
                }
            }
        });
        progress.add("export_lines", counts.lines);
        Set<String> unlisted = new HashSet<>(licenses);
        unlisted.removeAll(totals.keySet());
        unlisted.removeAll(unreadable.keySet());
        return new Export(
                counts.lines,
                counts.licensed,
                totals,
                unreadable,
                missing,
                billedTo,
                listed,
                claims.withLinesMovedAway(unlisted, period));
    }

    /** How many lines the export lists, and how many of them name a license (D238). */
    private static final class LineCounts {
        private long lines;
        private long licensed;
    }

    /**
     * The export's totals; {@code unreadable}: the first problem of each license with a line that could not be read;
     * {@code missing}: the warnings of pages that lack rows their pagination promised (D26); {@code billedTo}: the
     * mapping of the Arrow customer each license's lines are billed to, where one matches; {@code customers}: the
     * operator customers of the mappings the export's lines name (D224); {@code movedAway}: the licenses the export
     * lists no line of that lost lines to a move (D119).
     */
    private record Export(
            long lines,
            long licensedLines,
            Map<String, Totals> totals,
            Map<String, String> unreadable,
            List<String> missing,
            Map<String, CustomerMapping> billedTo,
            Set<Long> customers,
            Set<String> movedAway) {}

    /** What a finalisation did, in the reference's terms plus the D2 count of license-months the billing sync bills. */
    public record FinalisationReport(
            String status,
            int finalized,
            int reconciled,
            int compensationItemsCreated,
            int noBillingData,
            int billedByBillingSync,
            int awaitingValidation,
            List<RecordError> errors) {

        static FinalisationReport status(String status) {
            return new FinalisationReport(status, 0, 0, 0, 0, 0, 0, List.of());
        }

        static final class Builder {
            private int finalized;
            private int compensated;
            private int noBillingData;
            private int billedElsewhere;
            private int awaitingValidation;
            private final List<RecordError> errors = new ArrayList<>();

            void count(Result result) {
                switch (result) {
                    case FINALIZED -> finalized++;
                    case COMPENSATED -> {
                        finalized++;
                        compensated++;
                    }
                    case BILLED_BY_BILLING_SYNC -> {
                        finalized++;
                        billedElsewhere++;
                    }
                    case MONTH_CANCELED -> finalized++;
                    case UNCHANGED -> {}
                }
            }

            void error(String recordUuid, String message) {
                if (errors.size() < ConsumptionSyncService.KEPT_ERRORS) {
                    errors.add(new RecordError(recordUuid, message));
                }
            }

            FinalisationReport build() {
                return new FinalisationReport(
                        "ok",
                        finalized,
                        compensated,
                        compensated,
                        noBillingData,
                        billedElsewhere,
                        awaitingValidation,
                        List.copyOf(errors));
            }
        }
    }

    public record RecordError(String recordUuid, String error) {}
}
