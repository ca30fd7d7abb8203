package org.arrowsync.consumption;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cleanup (behaviour §4.12, D11): a dry run by default. Deleting a record also removes its provisional item while that invoice is
 * open (and gives the license-month back when nothing of it stays invoiced); compensations are accounting facts and stay.
 */
@Service
class ConsumptionCleanup {

    private final ConsumptionRecordRepository records;
    private final InvoiceService invoices;
    private final LicenseBilling licenses;

    ConsumptionCleanup(ConsumptionRecordRepository records, InvoiceService invoices, LicenseBilling licenses) {
        this.records = records;
        this.invoices = invoices;
        this.licenses = licenses;
    }

    @Transactional
    CleanupConsumptionResponse cleanup(CleanupConsumptionRequest request) {
        FieldErrors errors = new FieldErrors();
        YearMonth from = Periods.parse(errors, "period_from", request.periodFrom());
        YearMonth to = Periods.parse(errors, "period_to", request.periodTo());
        UUID resource = null;
        if (request.resourceUuid() != null && !request.resourceUuid().isBlank()) {
            resource = Uuids.parse(request.resourceUuid()).orElse(null);
            if (resource == null) {
                errors.add("resource_uuid", "Must be a valid UUID.");
            }
        }
        boolean onlyFinalized = Boolean.TRUE.equals(request.onlyFinalized());
        boolean onlyUnfinalized = Boolean.TRUE.equals(request.onlyUnfinalized());
        if (onlyFinalized && onlyUnfinalized) {
            errors.add(InvalidInput.NON_FIELD_ERRORS, "Cannot specify both only_finalized and only_unfinalized");
        }
        errors.throwIfAny();
        SqlFilter filter = new SqlFilter().atLeast("cr.billing_period", from == null ? null : Date.valueOf(from.atDay(1)))
                .atMost("cr.billing_period", to == null ? null : Date.valueOf(to.atDay(1))).eq("r.uuid", resource);
        if (onlyFinalized) {
            filter.where("cr.finalized_at is not null");
        } else if (onlyUnfinalized) {
            filter.where("cr.finalized_at is null");
        }
        List<ConsumptionRecord> found = records.all(filter);
        int compensations = (int) found.stream().filter(record -> record.compensationItemId() != null).count();
        int items = (int) found.stream().filter(record -> record.invoiceItemId() != null).count();
        boolean dryRun = request.dryRun() == null || request.dryRun();
        if (dryRun) {
            return new CleanupConsumptionResponse(true, found.size(), 0, compensations, items);
        }
        for (ConsumptionRecord record : found) {
            if (record.invoiceItemUuid() != null && record.itemInvoiceOpen()) {
                invoices.removeItem(invoices.item(record.invoiceItemUuid()));
                if (record.compensated().signum() == 0 && record.compensationItemId() == null) {
                    licenses.release(record.licenseReference(), record.period(), BillingPath.CONSUMPTION);
                }
            }
        }
        int deleted = records.delete(found.stream().map(ConsumptionRecord::id).toList());
        return new CleanupConsumptionResponse(false, found.size(), deleted, compensations, items);
    }

    /** The contract's {@code CleanupConsumptionRequestRequest}. */
    record CleanupConsumptionRequest(String periodFrom, String periodTo, String resourceUuid, Boolean onlyFinalized, Boolean onlyUnfinalized,
            Boolean dryRun) {
    }

    /** The contract's {@code CleanupConsumptionResponse}. */
    record CleanupConsumptionResponse(boolean dryRun, int recordsToDelete, int recordsDeleted, int compensationItemsAffected,
            int invoiceItemsAffected) {
    }
}
