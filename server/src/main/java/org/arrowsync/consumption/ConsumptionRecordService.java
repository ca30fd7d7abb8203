package org.arrowsync.consumption;

import java.time.LocalDate;
import java.util.UUID;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.springframework.stereotype.Service;

/** Reads consumption records for the read-only records API. */
@Service
class ConsumptionRecordService {

    private final ConsumptionRecordRepository records;

    ConsumptionRecordService(ConsumptionRecordRepository records) {
        this.records = records;
    }

    ConsumptionRecord get(UUID uuid) {
        return records.find(uuid).orElseThrow(NotFound::new);
    }

    Listing<ConsumptionRecord> list(RecordFilter filter, PageRequest page) {
        SqlFilter sql = new SqlFilter()
                .eq("r.uuid", filter.resourceUuid())
                .eq("p.uuid", filter.projectUuid())
                .eq("c.uuid", filter.customerUuid())
                .icontains("cr.license_reference", filter.licenseReference())
                .eq("cr.billing_period", filter.billingPeriod())
                .atLeast("cr.billing_period", filter.billingPeriodFrom())
                .atMost("cr.billing_period", filter.billingPeriodTo());
        if (filter.isFinalized() != null) {
            sql.where(filter.isFinalized() ? "cr.finalized_at is not null" : "cr.finalized_at is null");
        }
        if (filter.isReconciled() != null) {
            sql.where(filter.isReconciled() ? "cr.reconciled_at is not null" : "cr.reconciled_at is null");
        }
        return Listing.of(records.page(sql, page), records.count(sql), page);
    }

    /**
     * The list filters of the records API; {@code resource} (a URL) and {@code resource_uuid} both narrow by resource.
     */
    record RecordFilter(
            UUID resourceUuid,
            UUID projectUuid,
            UUID customerUuid,
            String licenseReference,
            LocalDate billingPeriod,
            LocalDate billingPeriodFrom,
            LocalDate billingPeriodTo,
            Boolean isFinalized,
            Boolean isReconciled) {}
}
