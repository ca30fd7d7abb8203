package org.arrowsync.consumption;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrowsync.consumption.ConsumptionRecordService.RecordFilter;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Periods;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cleanup (docs/reference-behaviour.md §4.12, D11): a dry run by default. Deleting a record also removes its
 * provisional item from its open invoice. A record whose month is already billed beyond recall (its provisional item on
 * a closed invoice, or compensations, which are accounting facts) is kept and reported: deleting it would let the next
 * sync bill the month again (D2). A license-month left without a record gives up its claim (D165): a run of the month
 * (the hourly one for the current month, one triggered for another) records it again if it claims it first, else the
 * billing sync bills it; a record whose resource no run covers any more is kept (D116). A finalised record is kept too
 * unless the request asks for finalised records (D89). A real cleanup shares the month lock of every settings record,
 * as consumption writes do: it waits for a running billing sync of the month instead of deadlocking with it, and then
 * decides on what that sync left.
 */
@Service
public class ConsumptionCleanup {

    static final String ON_CLOSED_INVOICE = "provisional_item_on_closed_invoice";
    static final String COMPENSATED = "has_compensation";
    static final String FINALIZED = "finalized";
    static final String NOT_RECORDED_AGAIN = "not_recorded_again";

    private final ConsumptionRecordRepository records;
    private final InvoiceService invoices;
    private final LicenseBilling licenses;
    private final SettingsService settings;
    private final ResourceService resources;

    ConsumptionCleanup(
            ConsumptionRecordRepository records,
            InvoiceService invoices,
            LicenseBilling licenses,
            SettingsService settings,
            ResourceService resources) {
        this.records = records;
        this.invoices = invoices;
        this.licenses = licenses;
        this.settings = settings;
        this.resources = resources;
    }

    @Transactional
    public CleanupConsumptionResponse cleanup(CleanupConsumptionRequest request) {
        FieldErrors errors = new FieldErrors();
        YearMonth from = Periods.optionalField(errors, "period_from", request.periodFrom());
        YearMonth to = Periods.optionalField(errors, "period_to", request.periodTo());
        boolean onlyFinalized = Boolean.TRUE.equals(request.onlyFinalized());
        boolean onlyUnfinalized = Boolean.TRUE.equals(request.onlyUnfinalized());
        if (onlyFinalized && onlyUnfinalized) {
            errors.add(InvalidInput.NON_FIELD_ERRORS, "Cannot specify both only_finalized and only_unfinalized");
        }
        errors.throwIfAny();
        UUID resource = Uuids.optionalField("resource_uuid", request.resourceUuid());
        if (resource != null) {
            // D34: a resource the request names must exist, as everywhere else
            resources.named(resource);
        }
        RecordFilter filter = new RecordFilter(
                resource,
                null,
                null,
                null,
                null,
                from == null ? null : from.atDay(1),
                to == null ? null : to.atDay(1),
                onlyFinalized ? Boolean.TRUE : onlyUnfinalized ? Boolean.FALSE : null,
                null);
        boolean dryRun = request.dryRun() == null || request.dryRun();
        List<ConsumptionRecord> asked = records.all(filter);
        if (!dryRun) {
            lockMonths(asked);
            // read again, rows locked: a run or finalisation writing one commits first, and is decided on as it left it
            asked = records.allLocked(filter);
        }
        List<ConsumptionRecord> deletable = new ArrayList<>();
        List<KeptRecord> kept = new ArrayList<>();
        Set<Long> covered =
                records.coveredByARun(asked.stream().map(ConsumptionRecord::id).toList());
        for (ConsumptionRecord record : asked) {
            String reason = keptBecause(record, onlyFinalized, covered.contains(record.id()));
            if (reason == null) {
                deletable.add(record);
            } else {
                kept.add(new KeptRecord(
                        Uuids.hex(record.uuid()),
                        record.licenseReference(),
                        record.period().toString(),
                        reason));
            }
        }
        int items = (int) deletable.stream()
                .filter(record -> record.invoiceItemId() != null)
                .count();
        if (dryRun) {
            return new CleanupConsumptionResponse(true, deletable.size(), 0, 0, items, kept.size(), kept);
        }
        for (ConsumptionRecord record : deletable) {
            if (record.invoiceItemUuid() != null) {
                invoices.removeItem(invoices.item(record.invoiceItemUuid()));
            }
        }
        int deleted =
                records.delete(deletable.stream().map(ConsumptionRecord::id).toList());
        releaseClaims(deletable);
        return new CleanupConsumptionResponse(false, deletable.size(), deleted, 0, items, kept.size(), kept);
    }

    /**
     * A license-month left without a record gives up consumption tracking's claim (D2): a run that covers its resource
     * claims it again, and otherwise the billing sync bills it. Kept, the claim kept the billing sync from billing a
     * month whose resource was then terminated, deleted or unlinked, and nobody billed it (D165).
     */
    private void releaseClaims(List<ConsumptionRecord> deleted) {
        Map<YearMonth, Set<String>> byMonth = new TreeMap<>();
        deleted.forEach(record -> byMonth.computeIfAbsent(record.period(), month -> new TreeSet<>())
                .add(record.licenseReference()));
        byMonth.forEach((period, licenseReferences) ->
                licenses.releaseForConsumption(records.unrecorded(licenseReferences, period), period));
    }

    /** The month locks of the records' months, for every settings record, in one fixed order. */
    private void lockMonths(List<ConsumptionRecord> asked) {
        SortedSet<YearMonth> periods =
                asked.stream().map(ConsumptionRecord::period).collect(Collectors.toCollection(TreeSet::new));
        List<UUID> everySettings = settings.uuids();
        for (YearMonth period : periods) {
            everySettings.forEach(uuid -> licenses.lockMonthShared(uuid, period));
        }
    }

    /**
     * Why a record must stay, or null when it may go. A finalised record goes only when the request asks for finalised
     * records ({@code only_finalized}): its item bills Arrow's final amount, and no scheduled run brings a deleted one
     * back (D89). An unfinalised one whose resource no run covers ({@code covered} false: not OK, another license, its
     * customer no longer mapped) stays: nothing would record its month again (D116), and it bills the month as it is.
     */
    private static String keptBecause(ConsumptionRecord record, boolean finalisedAsked, boolean covered) {
        if (record.compensationItemId() != null || record.compensated().signum() != 0) {
            return COMPENSATED;
        }
        if (record.invoiceItemId() != null && !record.itemInvoiceOpen()) {
            return ON_CLOSED_INVOICE;
        }
        if (record.isFinalized()) {
            return finalisedAsked ? null : FINALIZED;
        }
        if (!covered) {
            return NOT_RECORDED_AGAIN;
        }
        return null;
    }

    @Schema(name = "CleanupConsumptionRequestRequest")
    public record CleanupConsumptionRequest(
            @Schema(minLength = 1) String periodFrom,
            @Schema(minLength = 1) String periodTo,
            String resourceUuid,
            Boolean onlyFinalized,
            Boolean onlyUnfinalized,
            Boolean dryRun) {}

    /**
     * The contract's {@code CleanupConsumptionResponse}, plus the records kept and why. Kept records are not counted as
     * to delete; compensations are never touched, so {@code compensation_items_affected} stays 0.
     */
    public record CleanupConsumptionResponse(
            boolean dryRun,
            int recordsToDelete,
            int recordsDeleted,
            int compensationItemsAffected,
            int invoiceItemsAffected,
            int recordsKept,
            List<KeptRecord> kept) {}

    public record KeptRecord(String recordUuid, String licenseReference, String period, String reason) {}
}
