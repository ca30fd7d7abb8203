package org.arrowsync.consumption;

import java.time.LocalDate;
import java.util.UUID;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
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
        return records.list(filter, page);
    }

    /**
     * Which records: the list filters of the records API ({@code resource}, a URL, and {@code resource_uuid} both
     * narrow by resource) and the cleanup's; null filters nothing.
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
            Boolean isReconciled) {

        /** Whether it filters by the records' resource, project or customer, which their own columns do not hold. */
        boolean namesOwner() {
            return resourceUuid != null || projectUuid != null || customerUuid != null;
        }

        /** Whether it filters on the records' month and state alone: what the kept counts know (D145). */
        boolean countKept() {
            return !namesOwner() && (licenseReference == null || licenseReference.isEmpty());
        }
    }
}
